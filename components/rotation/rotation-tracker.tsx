"use client";

import { useMemo, useState } from "react";
import type { ItemFlagDto } from "@/lib/api/rotation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AssignOwnerDialog } from "./assign-owner-dialog";
import { FlagFilterBar } from "./flag-filter-bar";
import { FlagTable } from "./flag-table";
import { MarkRotatedDialog } from "./mark-rotated-dialog";
import { useFlagFilters, type FlagFilters } from "./use-flag-filters";
import { useFlags } from "./use-flags";
import { useVaultLabels } from "./use-vault-labels";

/**
 * The rotation tracker: every flagged item the viewer may see (admins: all; others: their
 * vaults), why and since when, by when, who owns it. Filters live in the URL, so a link (from
 * an offboarding, say) opens the tracker already filtered.
 */
export function RotationTracker({ isAdmin }: { isAdmin: boolean }) {
  const filters = useFlagFilters();
  const { state, person, vault } = filters;
  const { flags, facets, loading, error, load } = useFlags(filters);
  const [assigning, setAssigning] = useState<ItemFlagDto | null>(null);
  const [marking, setMarking] = useState<ItemFlagDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const vaultIds = useMemo(
    () => [...(facets ?? []), ...(flags ?? [])].map((flag) => flag.vaultId),
    [facets, flags],
  );
  const labels = useVaultLabels(vaultIds);

  const people = useMemo(() => {
    const found = new Map<string, string>();
    for (const flag of facets ?? []) if (flag.person) found.set(flag.person.id, flag.person.name);
    if (person && !found.has(person)) found.set(person, "Selected person");
    return [...found].sort((a, b) => a[1].localeCompare(b[1]));
  }, [facets, person]);

  const vaultOptions = useMemo(() => {
    const ids = new Set(vaultIds);
    if (vault) ids.add(vault);
    return [...ids]
      .map((id) => ({ value: id, label: labels.vaultName(id) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [vaultIds, vault, labels]);

  const overdue = (flags ?? []).filter((flag) => flag.overdue).length;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Rotation</h1>
        <p className="mt-1 text-stone-600">
          Secrets that need a new value: after someone left, when an interval passed, or after a
          lockdown. A flag clears when someone saves a new secret value in the item.
        </p>
      </div>

      <FlagFilterBar filters={filters} people={people} vaultOptions={vaultOptions} />

      {notice && <Alert tone="success">{notice}</Alert>}
      {error && (
        <Alert title="The flags could not be loaded">
          <p>{error}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void load()}>
            Try again
          </Button>
        </Alert>
      )}

      <section className="rounded-2xl border border-stone-200 bg-white shadow-sm">
        {flags === null ? (
          <p role="status" className="p-6 text-sm text-stone-500">
            Loading flags…
          </p>
        ) : flags.length === 0 ? (
          <NoFlags filters={filters} />
        ) : (
          <>
            <p
              role="status"
              aria-busy={loading || undefined}
              className="border-b border-stone-200 px-6 py-3 text-sm text-stone-600"
            >
              {flags.length} {state === "open" ? "open" : "cleared"}{" "}
              {flags.length === 1 ? "flag" : "flags"}
              {state === "open" && overdue > 0 && (
                <span className="font-medium text-red-700"> · {overdue} overdue</span>
              )}
              {loading && " · refreshing…"}
            </p>
            <FlagTable
              flags={flags}
              state={state}
              labels={labels}
              isAdmin={isAdmin}
              onAssign={(flag) => {
                setNotice(null);
                setAssigning(flag);
              }}
              onMark={(flag) => {
                setNotice(null);
                setMarking(flag);
              }}
            />
          </>
        )}
      </section>

      {assigning && (
        <AssignOwnerDialog
          flag={assigning}
          itemTitle={labels.itemTitle(assigning.itemId)}
          members={labels.membersOf(assigning.vaultId)}
          isAdmin={isAdmin}
          onClose={() => setAssigning(null)}
          onDone={(updated) => {
            setAssigning(null);
            setNotice(
              updated.owner
                ? `${updated.owner.name} now owns ${labels.itemTitle(updated.itemId)}.`
                : `${labels.itemTitle(updated.itemId)} has no owner now.`,
            );
            void load();
          }}
        />
      )}
      {marking && (
        <MarkRotatedDialog
          flag={marking}
          itemTitle={labels.itemTitle(marking.itemId)}
          onClose={() => setMarking(null)}
          onDone={() => {
            const title = labels.itemTitle(marking.itemId);
            setMarking(null);
            setNotice(`${title} is marked rotated.`);
            void load();
          }}
        />
      )}
    </div>
  );
}

function NoFlags({ filters }: { filters: FlagFilters }) {
  const { filtered, state } = filters;
  return (
    <div className="p-8 text-center">
      <p className="font-medium text-stone-900">
        {filtered
          ? "No flags match these filters."
          : state === "open"
            ? "Nothing needs rotating."
            : "No flag has cleared yet."}
      </p>
      <p className="mt-1 text-sm text-stone-600">
        {filtered
          ? "Try another filter, or clear them."
          : state === "open"
            ? "Items are flagged here when someone who could read them leaves, when their rotation interval passes, or after a lockdown."
            : "Flags clear when a new secret value is saved, or when someone marks the secret rotated elsewhere."}
      </p>
      {filtered && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={filters.clearFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
