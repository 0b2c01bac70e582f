"use client";

import dynamic from "next/dynamic";
import { IntentLink } from "@/components/ui/intent-link";
import { useState } from "react";
import { ITEM_TYPES, type ItemType } from "@/lib/crypto";
import { KEYS_CHANGED_MESSAGE } from "@/lib/client/vaults/open-vault";
import { ITEM_TYPE_LABELS } from "@/lib/client/vaults/templates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EnvironmentBadge, RoleBadge } from "./badges";
import { ItemTypeIcon } from "./item-type-icon";
import { VaultItemList } from "./vault-item-list";
import { Modal } from "@/components/ui/modal";
import { useVault } from "./use-vault";

// The Members and Settings tabs (members, grants, service accounts, key rotation) load when
// their tab is first chosen: the vault's first paint is its items.
const tabLoading = () => (
  <p role="status" className="text-sm text-stone-500">
    Loading…
  </p>
);
const MembersPanel = dynamic(() => import("./members-panel").then((m) => m.MembersPanel), {
  ssr: false,
  loading: tabLoading,
});
const VaultSettings = dynamic(() => import("./vault-settings").then((m) => m.VaultSettings), {
  ssr: false,
  loading: tabLoading,
});

type Tab = "items" | "members" | "settings";

export function VaultView({ vaultId }: { vaultId: string }) {
  // The first rows show as soon as the first page is decrypted; the rest follow in place.
  const { vault, error, progress, reload } = useVault(vaultId, { partial: true });
  const [tab, setTab] = useState<Tab>("items");
  const [picking, setPicking] = useState(false);

  if (error) return <Alert>{error}</Alert>;
  if (!vault) {
    return (
      <p role="status" className="text-sm text-stone-500">
        {progress ? `Decrypting ${progress.done} of ${progress.total} items…` : "Decrypting…"}
      </p>
    );
  }
  const { opened, detail, items } = vault;
  const manage = detail.vault.role === "manage";
  const canEdit = detail.vault.role !== "view";
  const tabs: { id: Tab; label: string }[] = [
    { id: "items", label: "Items" },
    ...(manage
      ? [
          { id: "members" as const, label: "Members" },
          { id: "settings" as const, label: "Settings" },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <IntentLink href="/vaults" className="hover:underline">
          Vaults
        </IntentLink>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-stone-900">
            {opened.name}
            <EnvironmentBadge environment={detail.vault.environment} />
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span>Your role:</span> <RoleBadge role={detail.vault.role} />
            <span aria-hidden="true">·</span>
            {detail.members.length} {detail.members.length === 1 ? "member" : "members"}
            <span aria-hidden="true">·</span>
            key version {detail.vault.keyVersion}
          </p>
        </div>
        {canEdit && opened.key && tab === "items" && (
          <Button onClick={() => setPicking(true)}>New item</Button>
        )}
      </div>

      {vault.missing > 0 && (
        <Alert tone="warning" title="Some items did not arrive">
          The server sent {items.length} of the {items.length + vault.missing} items this vault
          holds. Reload the page; if it happens again, the server may be withholding items.
        </Alert>
      )}
      {opened.problem?.kind === "keys-changed" && (
        <Alert title={KEYS_CHANGED_MESSAGE}>
          The key of {opened.problem.email}, who shared this vault with you, is not the one this
          account pinned. Nothing in it is decrypted until that is resolved.
        </Alert>
      )}
      {opened.problem?.kind === "integrity" && (
        <Alert title="This vault's key failed its integrity check">
          The server may have tampered with it. Nothing in it is decrypted.
        </Alert>
      )}
      {opened.problem?.kind === "no-grant" && (
        <Alert tone="warning">
          You have no key for the current version of this vault. Ask a manager to share it again.
        </Alert>
      )}
      {opened.granterUnconfirmed && detail.vault.grant && (
        <Alert tone="info">
          Shared by {detail.vault.grant.granter.email}, whose keys are <strong>unconfirmed</strong>:
          pinned the first time you saw them. Compare fingerprints with them to be sure.
        </Alert>
      )}

      {tabs.length > 1 && (
        <div
          role="tablist"
          aria-label="Vault sections"
          className="flex gap-1 border-b border-stone-200"
        >
          {tabs.map((entry) => (
            <button
              key={entry.id}
              role="tab"
              type="button"
              aria-selected={tab === entry.id}
              onClick={() => setTab(entry.id)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === entry.id ? "border-stone-900 text-stone-900" : "border-transparent text-stone-500 hover:text-stone-800"}`}
            >
              {entry.label}
            </button>
          ))}
        </div>
      )}

      {tab === "items" && opened.key && (
        <Card className="!p-0">
          {items.length === 0 && vault.complete ? (
            <div className="p-8 text-center">
              <p className="font-medium text-stone-900">This vault is empty</p>
              <p className="mt-1 text-sm text-stone-600">
                {canEdit
                  ? "Add a login, an API key, an SSH key, a database or an environment file."
                  : "Nothing has been added yet."}
              </p>
            </div>
          ) : (
            <VaultItemList vaultId={vaultId} items={items} />
          )}
          {progress && (
            <p role="status" className="border-t border-stone-100 px-5 py-3 text-sm text-stone-600">
              Decrypting {progress.done} of {progress.total} items…
            </p>
          )}
        </Card>
      )}
      {tab === "members" && manage && <MembersPanel vault={vault} reload={reload} />}
      {tab === "settings" && manage && <VaultSettings vault={vault} reload={reload} />}

      <Modal
        open={picking}
        onClose={() => setPicking(false)}
        title="New item"
        description="What kind of secret is it?"
      >
        <ul className="grid grid-cols-2 gap-2">
          {ITEM_TYPES.map((type: ItemType) => (
            <li key={type}>
              <IntentLink
                href={`/vaults/${vaultId}/items/new?type=${type}`}
                className="flex items-center gap-2 rounded-xl border border-stone-200 p-3 text-sm font-medium text-stone-900 hover:border-stone-400 focus-visible:outline-2 focus-visible:outline-stone-900"
              >
                <ItemTypeIcon type={type} />
                {ITEM_TYPE_LABELS[type]}
              </IntentLink>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" onClick={() => setPicking(false)}>
            Cancel
          </Button>
        </div>
      </Modal>
    </div>
  );
}
