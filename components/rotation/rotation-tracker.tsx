"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ItemFlagDto } from "@/lib/api/rotation";
import { errorMessage } from "@/lib/client/api";
import { dateTime, relativeTime } from "@/lib/client/format";
import { flagReasonLabel, rotationApi, type FlagQuery } from "@/lib/client/rotation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/vaults/select-field";
import { AssignOwnerDialog } from "./assign-owner-dialog";
import { MarkRotatedDialog } from "./mark-rotated-dialog";
import { PriorityBadge } from "./priority-badge";
import { useVaultLabels } from "./use-vault-labels";

const AGE_OPTIONS = [
  { value: "", label: "Any age" },
  { value: "1", label: "Older than 1 day" },
  { value: "3", label: "Older than 3 days" },
  { value: "7", label: "Older than a week" },
  { value: "30", label: "Older than 30 days" },
];

const FILTER_NAMES = ["person", "vault", "priority", "age"] as const;

/**
 * The rotation tracker: every flagged item the viewer may see (admins: all; others: their
 * vaults), why and since when, by when, who owns it. Filters live in the URL, so a link (from
 * an offboarding, say) opens the tracker already filtered.
 */
export function RotationTracker({ isAdmin }: { isAdmin: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const person = params.get("person") ?? "";
  const vault = params.get("vault") ?? "";
  const priorityParam = params.get("priority");
  const priority = priorityParam === "high" || priorityParam === "medium" ? priorityParam : "";
  const age = params.get("age") ?? "";
  const state = params.get("state") === "cleared" ? "cleared" : "open";

  const [flags, setFlags] = useState<ItemFlagDto[] | null>(null);
  const [facets, setFacets] = useState<ItemFlagDto[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<ItemFlagDto | null>(null);
  const [marking, setMarking] = useState<ItemFlagDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const query: FlagQuery = {
      state,
      personId: person || undefined,
      vaultId: vault || undefined,
      priority: priority || undefined,
      olderThanDays: age && /^\d+$/.test(age) ? Number(age) : undefined,
    };
    try {
      setFlags((await rotationApi.flags(query)).flags);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  }, [state, person, vault, priority, age]);

  useEffect(() => {
    // State is set only when the requests settle.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  useEffect(() => {
    // The people and vaults to filter by: every flag's, whatever the filters say now.
    let current = true;
    rotationApi
      .flags({ state: "all" })
      .then((all) => current && setFacets(all.flags))
      .catch(() => current && setFacets([]));
    return () => {
      current = false;
    };
  }, []);

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

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  function clearFilters() {
    const next = new URLSearchParams(params.toString());
    for (const name of FILTER_NAMES) next.delete(name);
    const search = next.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  const filtered = FILTER_NAMES.some((name) => params.get(name));
  const overdue = (flags ?? []).filter((flag) => flag.overdue).length;
  const roleOf = labels.roleOf;
  const canAssign = (flag: ItemFlagDto) => isAdmin || roleOf(flag.vaultId) === "manage";
  const canMark = (flag: ItemFlagDto) =>
    isAdmin || roleOf(flag.vaultId) === "manage" || roleOf(flag.vaultId) === "edit";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Rotation</h1>
        <p className="mt-1 text-stone-600">
          Secrets that need a new value: after someone left, when an interval passed, or after a
          lockdown. A flag clears when someone saves a new secret value in the item.
        </p>
      </div>

      <div role="tablist" aria-label="Flags" className="flex gap-1 border-b border-stone-200">
        {(["open", "cleared"] as const).map((entry) => (
          <button
            key={entry}
            type="button"
            role="tab"
            aria-selected={state === entry}
            onClick={() => setParam("state", entry === "open" ? "" : entry)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${state === entry ? "border-stone-900 text-stone-900" : "border-transparent text-stone-500 hover:text-stone-800"}`}
          >
            {entry === "open" ? "Open" : "Cleared"}
          </button>
        ))}
      </div>

      <form
        aria-label="Filters"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Person"
          value={person}
          onChange={(value) => setParam("person", value)}
          options={[
            { value: "", label: "Anyone" },
            ...people.map(([id, name]) => ({ value: id, label: name })),
          ]}
        />
        <SelectField
          label="Vault"
          value={vault}
          onChange={(value) => setParam("vault", value)}
          options={[{ value: "", label: "All vaults" }, ...vaultOptions]}
        />
        <SelectField
          label="Priority"
          value={priority}
          onChange={(value) => setParam("priority", value)}
          options={[
            { value: "", label: "Any priority" },
            { value: "high", label: "High" },
            { value: "medium", label: "Medium" },
          ]}
        />
        <SelectField
          label="Age"
          value={age}
          onChange={(value) => setParam("age", value)}
          options={AGE_OPTIONS}
        />
        <div className="flex items-end">
          <Button variant="ghost" onClick={clearFilters} disabled={!filtered}>
            Clear filters
          </Button>
        </div>
      </form>

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
              <Button variant="secondary" size="sm" className="mt-3" onClick={clearFilters}>
                Clear filters
              </Button>
            )}
          </div>
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
            <div className="overflow-x-auto">
              <table className="w-full min-w-[56rem] text-left text-sm" aria-label="Flagged items">
                <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
                  <tr>
                    <th scope="col" className="px-6 py-2 font-semibold">
                      Item
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Reason
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Priority
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Age
                    </th>
                    {state === "open" ? (
                      <>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Due
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Owner
                        </th>
                        <th scope="col" className="px-6 py-2 text-right font-semibold">
                          <span className="sr-only">Actions</span>
                        </th>
                      </>
                    ) : (
                      <>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Cleared
                        </th>
                        <th scope="col" className="px-6 py-2 font-semibold">
                          How
                        </th>
                      </>
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {flags.map((flag) => {
                    const title = labels.itemTitle(flag.itemId);
                    const member = roleOf(flag.vaultId) !== null;
                    return (
                      <tr
                        key={flag.id}
                        data-testid="flag-row"
                        data-overdue={flag.overdue || undefined}
                        className={flag.overdue ? "bg-red-50/60" : undefined}
                      >
                        <td className="px-6 py-3">
                          {member ? (
                            <Link
                              href={`/vaults/${encodeURIComponent(flag.vaultId)}/items/${encodeURIComponent(flag.itemId)}`}
                              className="font-medium text-stone-900 underline-offset-2 hover:underline"
                            >
                              {title}
                            </Link>
                          ) : (
                            <span className="font-medium text-stone-900">{title}</span>
                          )}
                          <p className="text-xs text-stone-500">{labels.vaultName(flag.vaultId)}</p>
                        </td>
                        <td className="px-3 py-3 text-stone-700">
                          {flagReasonLabel(flag.reason, flag.person?.name)}
                        </td>
                        <td className="px-3 py-3">
                          <PriorityBadge priority={flag.priority} />
                        </td>
                        <td
                          className="px-3 py-3 whitespace-nowrap text-stone-700"
                          title={dateTime(flag.createdAt)}
                        >
                          {relativeTime(flag.createdAt)}
                        </td>
                        {state === "open" ? (
                          <>
                            <td className="px-3 py-3 whitespace-nowrap">
                              {flag.overdue ? (
                                <span className="font-medium text-red-700">
                                  Overdue · {dateTime(flag.dueAt)}
                                </span>
                              ) : (
                                <span className="text-stone-700">{dateTime(flag.dueAt)}</span>
                              )}
                            </td>
                            <td className="px-3 py-3 whitespace-nowrap text-stone-700">
                              <span className="mr-1">{flag.owner?.name ?? "Unassigned"}</span>
                              {canAssign(flag) && (
                                <Button
                                  variant="ghost"
                                  size="sm"
                                  aria-label={`${flag.owner ? "Change the owner" : "Assign an owner"} for ${title}`}
                                  onClick={() => {
                                    setNotice(null);
                                    setAssigning(flag);
                                  }}
                                >
                                  {flag.owner ? "Change" : "Assign"}
                                </Button>
                              )}
                            </td>
                            <td className="px-6 py-3 text-right whitespace-nowrap">
                              {canMark(flag) && (
                                <Button
                                  variant="secondary"
                                  size="sm"
                                  aria-label={`Mark rotated: ${title}`}
                                  onClick={() => {
                                    setNotice(null);
                                    setMarking(flag);
                                  }}
                                >
                                  Mark rotated
                                </Button>
                              )}
                            </td>
                          </>
                        ) : (
                          <>
                            <td className="px-3 py-3 text-stone-700">
                              {flag.clearedAt ? dateTime(flag.clearedAt) : "—"}
                            </td>
                            <td className="px-6 py-3 text-stone-700">
                              {flag.clearedHow === "new_value"
                                ? "New value saved"
                                : `Marked rotated: ${flag.clearNote ?? ""}`}
                            </td>
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
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
