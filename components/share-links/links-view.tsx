"use client";

import { useCallback, useState } from "react";
import { shareLinksApi } from "@/lib/client/share-links";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { NewLinkDialog } from "./new-link-dialog";
import { RevokeLinkDialog } from "./revoke-link-dialog";
import { ShareLinkTable } from "./share-link-table";
import { useShareLinkList } from "./use-share-link-list";
import { useSourceLabels } from "./use-source-labels";

/**
 * "My links": what the person shared, how much of it is left, and when it was last opened.
 * The server knows the item a link came from only by id; its title is decrypted here.
 */
export function LinksView() {
  const load = useCallback(() => shareLinksApi.mine(), []);
  const { links, revoking, setRevoking, revoke } = useShareLinkList(load);
  const [creating, setCreating] = useState(false);
  const sourceLabel = useSourceLabels(links.data);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Links</h1>
          <p className="mt-1 max-w-2xl text-sm text-stone-600">
            One-time links hand a secret to someone outside Coffer. The key is in the link itself,
            so Coffer can neither read what a link holds nor show the link again. Share an item’s
            field from the item, or make a link to text or a file here.
          </p>
        </div>
        <Button onClick={() => setCreating(true)}>New link</Button>
      </div>
      <Card>
        <CardHeader title="My links" />
        {links.error && <Alert>{links.error}</Alert>}
        {!links.data && !links.error && (
          <p role="status" className="text-sm text-stone-500">
            Loading your links…
          </p>
        )}
        {links.data?.length === 0 && (
          <p className="text-sm text-stone-500">
            You have not shared anything by link yet. Use “Share…” on a field of an item, or New
            link for text or a file.
          </p>
        )}
        {links.data && links.data.length > 0 && (
          <ShareLinkTable
            links={links.data}
            caption="My links"
            sourceLabel={sourceLabel}
            onRevoke={setRevoking}
          />
        )}
      </Card>
      {creating && (
        <NewLinkDialog onClose={() => setCreating(false)} onCreated={() => void links.reload()} />
      )}
      <RevokeLinkDialog
        link={revoking}
        label={revoking ? sourceLabel(revoking) : ""}
        busy={revoke.pending}
        error={revoke.error?.message ?? null}
        onConfirm={(id) => void revoke.run(id)}
        onCancel={() => {
          setRevoking(null);
          revoke.clearError();
        }}
      />
    </div>
  );
}
