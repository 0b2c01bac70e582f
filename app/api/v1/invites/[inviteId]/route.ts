import { route } from "@/lib/server/route";
import { revokeInvite } from "@/lib/server/data/invites";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const DELETE = route({
  access: "admin",
  handler: async ({ params }) => {
    if (!(await revokeInvite(params.inviteId ?? ""))) throw notFound("No pending invite with this id.");
    return undefined;
  },
});
