import { IntentLink } from "@/components/ui/intent-link";
import { KEYS_CHANGED_MESSAGE, type OpenedVault } from "@/lib/client/vaults/open-vault";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EnvironmentBadge, RoleBadge } from "./badges";

const importLinkClass =
  "inline-flex items-center rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900";

/** The page's title with its two ways to add vaults. */
export function VaultsHeader({ onCreate }: { onCreate: () => void }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Vaults</h1>
        <p className="mt-1 text-stone-600">
          Everything here is decrypted in this tab; the server only ever sees ciphertext.
        </p>
      </div>
      <div className="flex gap-2">
        <IntentLink href="/vaults/import" className={importLinkClass}>
          Import
        </IntentLink>
        <Button onClick={onCreate}>New vault</Button>
      </div>
    </div>
  );
}

export function NoVaults({ onCreate }: { onCreate: () => void }) {
  return (
    <Card className="text-center">
      <p className="text-lg font-medium text-stone-900">No vaults yet — create your first vault</p>
      <p className="mt-1 text-sm text-stone-600">
        A vault holds the logins, keys and config a team shares. You can invite people to it once it
        exists.
      </p>
      <div className="mt-4 flex justify-center gap-2">
        <Button onClick={onCreate}>New vault</Button>
        <IntentLink href="/vaults/import" className={importLinkClass}>
          Import from another tool
        </IntentLink>
      </div>
    </Card>
  );
}

/** One card per vault: its name, stage, this person's role, its counts and any key problem. */
export function VaultCards({ vaults }: { vaults: OpenedVault[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your vaults">
      {vaults.map((vault) => (
        <li key={vault.summary.id}>
          <IntentLink
            href={`/vaults/${vault.summary.id}`}
            className="block h-full rounded-2xl border border-stone-200 bg-white px-5 py-4 shadow-sm transition-colors hover:border-stone-400 focus-visible:outline-2 focus-visible:outline-stone-900"
          >
            <span className="flex items-center justify-between gap-2">
              <span className="truncate font-medium text-stone-900" title={vault.name}>
                {vault.name}
              </span>
              <EnvironmentBadge environment={vault.summary.environment} />
            </span>
            <span className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-500">
              <RoleBadge role={vault.summary.role} />
              {vault.summary.itemCount} {vault.summary.itemCount === 1 ? "item" : "items"} ·{" "}
              {vault.summary.memberCount} {vault.summary.memberCount === 1 ? "member" : "members"}
            </span>
            {vault.problem && (
              <span className="mt-2 block text-xs text-red-700">
                {vault.problem.kind === "keys-changed"
                  ? KEYS_CHANGED_MESSAGE
                  : "This vault's key failed its integrity check."}
              </span>
            )}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

export function VaultCardsSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading vaults"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      {[0, 1, 2].map((index) => (
        <div
          key={index}
          className="h-20 animate-pulse rounded-2xl border border-stone-200 bg-stone-100"
        />
      ))}
    </div>
  );
}
