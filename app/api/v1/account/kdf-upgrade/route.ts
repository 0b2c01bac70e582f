import { route } from "@/lib/server/route";
import { kdfUpgradeRequest } from "@/lib/api/account";
import { upgradeAccountKdf } from "@/lib/server/auth/kdf-upgrade";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

const kdfLabel = (kdf: { opslimit: number; memlimit: number }) =>
  `ops ${kdf.opslimit}, ${kdf.memlimit / (1024 * 1024)} MiB`;

export const POST = route({
  access: "session",
  body: kdfUpgradeRequest,
  handler: async ({ body, session, request }) => {
    const { from, to } = await upgradeAccountKdf(session, body);
    await recordAudit({
      action: "account.kdf_upgrade",
      actorId: session.userId,
      request,
      details: { from: kdfLabel(from), to: kdfLabel(to) },
    });
    return undefined;
  },
});
