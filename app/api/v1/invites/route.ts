import { route } from "@/lib/server/route";
import { createInviteRequest } from "@/lib/api/invite";
import { createInvite, listInvites } from "@/lib/server/data/invites";
import { getOrganization } from "@/lib/server/data/organization";
import { inviteToDto } from "@/lib/server/dto";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => ({ invites: (await listInvites()).map(inviteToDto) }),
});

export const POST = route({
  access: "admin",
  body: createInviteRequest,
  status: 201,
  handler: async ({ body, session, request }) => {
    const org = await getOrganization();
    if (!org) throw notFound();
    const { invite, token } = await createInvite({
      orgId: org.id,
      email: body.email,
      role: body.role,
      createdById: session.userId,
    });
    await recordAudit({
      action: "invite.create",
      actorId: session.userId,
      request,
      targetType: "invite",
      targetId: invite.id,
      details: { role: body.role },
    });
    return { invite: inviteToDto(invite), token };
  },
});
