import "server-only";
import { STEP_UP_EXPORT_KINDS, type RecordExportRequest } from "@/lib/api/export";
import { recordAudit } from "../audit";
import { findItem } from "../data/items";
import { notFound } from "../errors";
import { requireStepUp } from "../mfa/step-up";
import { canReadVault } from "../policies";
import type { SessionContext } from "../session";

type Recorded = Required<Omit<RecordExportRequest, "item">> & Pick<RecordExportRequest, "item">;

/**
 * Records one export before the client writes it. DO NOT move the step-up check after the
 * audit write or make it advisory: the client produces a plain file only when this succeeds
 * (decision 0048). The server learns counts, never content.
 */
export async function recordExport(
  session: SessionContext,
  body: Recorded,
  request: Request,
): Promise<{ recordedAt: string }> {
  if (STEP_UP_EXPORT_KINDS.includes(body.kind)) requireStepUp(session);
  if (body.item) {
    await canReadVault(session, body.item.vaultId);
    if (!(await findItem(body.item.vaultId, body.item.itemId))) throw notFound("No such item.");
  }
  await recordAudit({
    action: "export.create",
    actorId: session.userId,
    request,
    ...(body.item
      ? { vaultId: body.item.vaultId, targetType: "item", targetId: body.item.itemId }
      : {}),
    details: {
      kind: body.kind,
      vaults: body.vaults,
      items: body.items,
      history: body.history,
    },
  });
  return { recordedAt: new Date().toISOString() };
}
