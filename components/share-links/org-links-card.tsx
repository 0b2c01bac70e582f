"use client";

import { useCallback } from "react";
import { shareLinksApi } from "@/lib/client/share-links";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { RevokeLinkDialog } from "./revoke-link-dialog";
import { ShareLinkTable } from "./share-link-table";
import { useShareLinkList } from "./use-share-link-list";
import { useSourceLabels } from "./use-source-labels";

/** Every link of the organisation (admins): who made it, when, how much is left; no contents. */
export function OrgLinksCard() {
  const load = useCallback(() => shareLinksApi.orgLinks(), []);
  const { links, revoking, setRevoking, revoke } = useShareLinkList(load);
  const sourceLabel = useSourceLabels(links.data);
  return (
    <Card>
      <CardHeader
        title="All share links"
        description="Every link made in the organisation. Coffer holds only ciphertext, so nobody can see what a link carries: not admins, not the server."
      />
      {links.error && <Alert>{links.error}</Alert>}
      {!links.data && !links.error && (
        <p role="status" className="text-sm text-stone-500">
          Loading…
        </p>
      )}
      {links.data?.length === 0 && (
        <p className="text-sm text-stone-500">Nobody in the organisation has made a link yet.</p>
      )}
      {links.data && links.data.length > 0 && (
        <ShareLinkTable
          links={links.data}
          caption="All share links"
          sourceLabel={sourceLabel}
          showCreator
          onRevoke={setRevoking}
        />
      )}
      <RevokeLinkDialog
        link={revoking}
        label={revoking ? `${sourceLabel(revoking)}, made by ${revoking.creator.name}` : ""}
        busy={revoke.pending}
        error={revoke.error?.message ?? null}
        onConfirm={(id) => void revoke.run(id)}
        onCancel={() => {
          setRevoking(null);
          revoke.clearError();
        }}
      />
    </Card>
  );
}
