"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { NewVaultDialog } from "./new-vault-dialog";
import { NoVaults, VaultCards, VaultCardsSkeleton, VaultsHeader } from "./vault-cards";
import { VaultSearchFilters } from "./vault-search-filters";
import { VaultSearchResults } from "./vault-search-results";
import { useVaultSearch } from "./use-vault-search";
import { useVaultsOverview } from "./use-vaults-overview";

export function VaultsView() {
  const { vaults, rows, progress, error } = useVaultsOverview();
  const search = useVaultSearch(rows);
  const [creating, setCreating] = useState(false);
  const create = () => setCreating(true);

  return (
    <div className="space-y-6">
      <VaultsHeader onCreate={create} />

      {error && <Alert>{error}</Alert>}

      {vaults === null && !error && <VaultCardsSkeleton />}

      {vaults !== null && vaults.length === 0 && <NoVaults onCreate={create} />}

      {vaults !== null && vaults.length > 0 && (
        <>
          <VaultCards vaults={vaults} />

          <Card className="!p-0">
            <div className="space-y-3 border-b border-stone-200 p-4 sm:p-5">
              <VaultSearchFilters search={search} vaults={vaults} />
              {progress && progress.total > 0 && progress.done < progress.total && (
                <p role="status" className="text-xs text-stone-500">
                  Decrypting {progress.done} of {progress.total} items…
                </p>
              )}
            </div>
            <VaultSearchResults search={search} decrypting={progress !== null} />
            {search.results.length > search.shownResults.length && (
              <p className="border-t border-stone-100 px-5 py-3 text-xs text-stone-500">
                Showing {search.shownResults.length} of {search.results.length} items. Type to
                narrow the list.
              </p>
            )}
          </Card>
        </>
      )}

      <NewVaultDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
