"use client";

import { useCallback, useState } from "react";
import type { ShareLinkDto } from "@/lib/api/share-link";
import { shareLinksApi } from "@/lib/client/share-links";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";

/** A list of links (the person's own, or the org's for admins) and revoking one of them. */
export function useShareLinkList(load: () => Promise<ShareLinkDto[]>) {
  const links = useResource(load);
  const { reload } = links;
  const [revoking, setRevoking] = useState<ShareLinkDto | null>(null);
  const revoke = useAction(
    useCallback(
      async (id: string) => {
        await shareLinksApi.revoke(id);
        setRevoking(null);
        await reload();
      },
      [reload],
    ),
  );
  return { links, revoking, setRevoking, revoke };
}
