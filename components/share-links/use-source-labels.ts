"use client";

import { useCallback, useMemo } from "react";
import type { ShareLinkDto } from "@/lib/api/share-link";
import { useVaultLabels } from "@/components/rotation/use-vault-labels";

/**
 * "Stripe API in Payments" for a link made from an item. The server knows only the ids; the
 * titles are decrypted on this device where it can open the vault, else short-id labels stay.
 */
export function useSourceLabels(links: ShareLinkDto[] | null) {
  const vaultIds = useMemo(
    () => (links ?? []).flatMap((link) => (link.source ? [link.source.vaultId] : [])),
    [links],
  );
  const labels = useVaultLabels(vaultIds);
  return useCallback(
    (link: ShareLinkDto) =>
      link.source
        ? `${labels.itemTitle(link.source.itemId)} in ${labels.vaultName(link.source.vaultId)}`
        : "Text or a file",
    [labels],
  );
}
