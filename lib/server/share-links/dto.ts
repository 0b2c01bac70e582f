import "server-only";
import type { ShareLinkDto } from "@/lib/api/share-link";
import type { ShareLinkRow } from "../data/share-links";

const reasons = new Set(["creator", "admin", "offboarding", "attempts"]);

export function shareLinkStatus(row: ShareLinkRow, now = Date.now()): ShareLinkDto["status"] {
  if (row.frozenAt) return "frozen";
  if (row.revokedAt) return "revoked";
  if (row.viewsLeft <= 0) return "used";
  if (row.expiresAt.getTime() <= now) return "expired";
  return "active";
}

/** A link as its creator and admins see it: ids, counts and times, never its contents. */
export function shareLinkToDto(row: ShareLinkRow, now = Date.now()): ShareLinkDto {
  return {
    id: row.id,
    creator: row.creator,
    status: shareLinkStatus(row, now),
    maxViews: row.maxViews,
    viewsLeft: row.viewsLeft,
    viewsUsed: row.maxViews - row.viewsLeft,
    passphraseRequired: row.passphraseKdf !== null,
    source:
      row.sourceVaultId && row.sourceItemId
        ? { vaultId: row.sourceVaultId, itemId: row.sourceItemId }
        : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastViewedAt: row.lastViewedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason:
      row.revokedReason && reasons.has(row.revokedReason)
        ? (row.revokedReason as ShareLinkDto["revokedReason"])
        : null,
    frozenAt: row.frozenAt?.toISOString() ?? null,
    failedAttempts: row.failedAttempts,
  };
}
