import { route } from "@/lib/server/route";
import { rotationSettings } from "@/lib/api/rotation";
import { getRotationSettings, setRotationSettings } from "@/lib/server/data/flags";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => {
    const { dueHours } = await getRotationSettings();
    return { dueHighHours: dueHours.high, dueMediumHours: dueHours.medium };
  },
});

// New flags take the new due times; flags already raised keep theirs.
export const PUT = route({
  access: "admin",
  stepUp: true,
  body: rotationSettings,
  handler: async ({ session, body, request }) => {
    const { orgId } = await getRotationSettings();
    if (!orgId) throw notFound();
    await setRotationSettings(orgId, { high: body.dueHighHours, medium: body.dueMediumHours });
    await recordAudit({
      action: "rotation.settings",
      actorId: session.userId,
      request,
      targetType: "organization",
      targetId: orgId,
      details: { dueHighHours: body.dueHighHours, dueMediumHours: body.dueMediumHours },
    });
    return body;
  },
});
