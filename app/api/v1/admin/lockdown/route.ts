import { route } from "@/lib/server/route";
import { startLockdownRequest } from "@/lib/api/rotation";
import { liftLockdown, lockdownStatusFor, startLockdown } from "@/lib/server/rotation/lockdown";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async ({ session }) => lockdownStatusFor(session),
});

// Break-glass: every other session revoked, machine access suspended, share links frozen (for
// good), every item flagged, and only admins may sign in until it is lifted.
export const POST = route({
  access: "admin",
  stepUp: true,
  body: startLockdownRequest,
  handler: async ({ session, request }) => {
    const { lockdownAt, ...result } = await startLockdown(session);
    await recordAudit({
      action: "lockdown.start",
      actorId: session.userId,
      request,
      targetType: "organization",
      details: { startedAt: lockdownAt.toISOString(), ...result },
    });
    if (result.shareLinksSuspended > 0) {
      await recordAudit({
        action: "share_link.frozen",
        actorId: session.userId,
        request,
        targetType: "organization",
        details: { count: result.shareLinksSuspended, at: lockdownAt.toISOString() },
      });
    }
    return result;
  },
});

export const DELETE = route({
  access: "admin",
  stepUp: true,
  handler: async ({ session, request }) => {
    const lifted = await liftLockdown(session, request);
    await recordAudit({
      action: "lockdown.lift",
      actorId: session.userId,
      request,
      targetType: "organization",
      details: { startedAt: lifted.startedAt.toISOString(), startedById: lifted.startedById },
    });
    return lockdownStatusFor(session);
  },
});
