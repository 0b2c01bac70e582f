import { route } from "@/lib/server/route";
import { inviteLookupRequest } from "@/lib/api/invite";
import { findPendingInvite } from "@/lib/server/data/invites";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

// POST, not GET: the token travels in the body, never in a URL that could be logged.
export const POST = route({
  access: "public",
  body: inviteLookupRequest,
  handler: async ({ body }) => {
    const invite = await findPendingInvite(body.token);
    if (!invite) throw notFound("This invite link is invalid, expired, revoked or already used.");
    return { email: invite.email, role: invite.role, organizationName: invite.org.name };
  },
});
