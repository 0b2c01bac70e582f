import "server-only";
import type { RotationIntervalDto } from "@/lib/api/rotation";
import { getItemRotationInterval } from "../data/flags";
import { notFound } from "../errors";

/** An item's own interval, its vault's, and when the item next falls due under them. */
export async function itemRotationInterval(
  vaultId: string,
  itemId: string,
): Promise<RotationIntervalDto> {
  const item = await getItemRotationInterval(vaultId, itemId);
  if (!item) throw notFound("No such item.");
  const days = item.rotationIntervalDays ?? item.vault.rotationIntervalDays;
  return {
    rotationIntervalDays: item.rotationIntervalDays,
    vaultRotationIntervalDays: item.vault.rotationIntervalDays,
    nextDueAt:
      days === null
        ? null
        : new Date(item.secretsChangedAt.getTime() + days * 86_400_000).toISOString(),
  };
}
