"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type { OrgRole } from "@/lib/api/account";
import type { PersonStatus, personDto } from "@/lib/api/checklist";
import { outranks } from "@/lib/api/user";
import { api, errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { ProgressBar } from "./checklists/progress-bar";
import { StatusBadge } from "./status-badge";
import { Alert } from "./ui/alert";
import { FilterButtons } from "./ui/filter-buttons";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";
import { OwnershipTransferDialog, type OwnershipHeir } from "./people/ownership-transfer-dialog";
import { RoleChangeDialog, type RoleChange } from "./people/role-change-dialog";
import { roleLabels } from "./people/role-labels";
import { kindLabels } from "./checklists/kind-labels";

type Person = z.infer<typeof personDto>;
type Filter = "all" | PersonStatus;

const filters: Array<{ value: Filter; label: string }> = [
  { value: "all", label: "All" },
  { value: "invited", label: "Invited" },
  { value: "onboarding", label: "Onboarding" },
  { value: "active", label: "Active" },
  { value: "offboarding", label: "Offboarding" },
  { value: "offboarded", label: "Offboarded" },
  { value: "suspended", label: "Suspended" },
];

/** Statuses of someone with an account who can still be offboarded (not twice, not the owner). */
const offboardable = new Set<PersonStatus>(["active", "onboarding", "suspended"]);

/**
 * Everyone the organisation knows — invitees before they have an account included — with where
 * they stand and their open checklists, and the actions an admin takes on a person. Actions
 * are offered only on people below the viewer in the role order, as the server would refuse
 * the rest.
 */
export function PeoplePanel({
  currentUserId,
  currentRole,
  version,
}: {
  currentUserId: string;
  currentRole: OrgRole;
  version: number;
}) {
  const router = useRouter();
  const [people, setPeople] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [target, setTarget] = useState<Person | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const [heir, setHeir] = useState<OwnershipHeir | null>(null);

  const load = useCallback(async () => {
    try {
      setPeople((await checklistApi.people()).people);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, version]);

  const suspending = target?.status !== "suspended";

  async function applyStatus() {
    if (!target?.userId) return;
    setBusy(true);
    setDialogError(null);
    try {
      await api(`/api/v1/users/${encodeURIComponent(target.userId)}/status`, {
        method: "PUT",
        json: { status: suspending ? "suspended" : "active" },
      });
      setTarget(null);
      await load();
    } catch (caught) {
      setDialogError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const counts = new Map<Filter, number>([["all", people?.length ?? 0]]);
  for (const person of people ?? []) {
    counts.set(person.status, (counts.get(person.status) ?? 0) + 1);
  }
  const shown =
    filter === "all" ? people : (people ?? []).filter((person) => person.status === filter);

  return (
    <Card>
      <CardHeader
        title="Everyone"
        description="Each person with where they stand, and the checklists still open for them."
      />
      <FilterButtons
        label="Show people"
        options={filters}
        value={filter}
        onChange={setFilter}
        counts={counts}
        className="mb-4 flex flex-wrap gap-2"
      />
      {error && <Alert className="mb-4">{error}</Alert>}
      {people === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading people…
        </p>
      )}
      {shown !== null && shown.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          {people?.length ? "Nobody matches this filter." : "Nobody here yet."}
        </p>
      )}
      {shown !== null && shown.length > 0 && (
        <div className="-mx-6 overflow-x-auto sm:-mx-8">
          <table className="w-full min-w-[48rem] text-left text-sm" aria-label="People">
            <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
              <tr>
                <th scope="col" className="px-6 py-2 font-semibold sm:px-8">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Role
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Open checklists
                </th>
                <th scope="col" className="px-6 py-2 text-right font-semibold sm:px-8">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {shown.map((person) => {
                const self = person.userId === currentUserId;
                const label = person.name ?? person.email;
                const userId = person.userId;
                const outranked = outranks(currentRole, person.role);
                // Someone still onboarding has an active account too.
                const signedUp = person.status === "active" || person.status === "onboarding";
                const mayBecomeOwner =
                  currentRole === "owner" && person.role === "admin" && signedUp;
                return (
                  <tr key={person.userId ?? `invite:${person.email}`} data-testid="person-row">
                    <td className="px-6 py-3 sm:px-8">
                      <p className="font-medium text-stone-900">
                        {label}
                        {self && (
                          <span className="ml-2 text-xs font-normal text-stone-500">(you)</span>
                        )}
                      </p>
                      {person.name && <p className="text-xs text-stone-500">{person.email}</p>}
                    </td>
                    <td className="px-3 py-3 text-stone-700">{roleLabels[person.role]}</td>
                    <td className="px-3 py-3">
                      <StatusBadge status={person.status} />
                    </td>
                    <td className="px-3 py-3">
                      {person.openChecklists.length === 0 ? (
                        <span className="text-stone-500">None</span>
                      ) : (
                        <ul className="space-y-1.5">
                          {person.openChecklists.map((checklist) => (
                            <li key={checklist.id}>
                              <Link
                                href={`/admin/checklists/${encodeURIComponent(checklist.id)}`}
                                className="block max-w-56 rounded-md focus-visible:outline-2 focus-visible:outline-stone-900"
                              >
                                <span className="font-medium text-stone-900 underline-offset-2 hover:underline">
                                  {kindLabels[checklist.kind]}
                                </span>{" "}
                                <span className="text-stone-600">
                                  {checklist.progress.done} of {checklist.progress.total}
                                </span>
                                <ProgressBar
                                  done={checklist.progress.done}
                                  total={checklist.progress.total}
                                  className="mt-1"
                                />
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-6 py-3 text-right whitespace-nowrap sm:px-8">
                      {userId && !self && (outranked || mayBecomeOwner) && (
                        <span className="inline-flex gap-2">
                          {mayBecomeOwner && (
                            <Button
                              variant="secondary"
                              size="sm"
                              aria-label={`Make owner: ${label}…`}
                              onClick={() => setHeir({ userId, label, email: person.email })}
                            >
                              Make owner…
                            </Button>
                          )}
                          {outranked && signedUp && (
                            <Button
                              variant="secondary"
                              size="sm"
                              aria-label={`${person.role === "admin" ? "Make member" : "Make admin"}: ${label}`}
                              onClick={() =>
                                setRoleChange({
                                  userId,
                                  label,
                                  email: person.email,
                                  to: person.role === "admin" ? "member" : "admin",
                                })
                              }
                            >
                              {person.role === "admin" ? "Make member" : "Make admin"}
                            </Button>
                          )}
                          {outranked && offboardable.has(person.status) && (
                            // Another page starts the offboarding (it confirms, suspends and
                            // revokes); no prefetch, so nothing is fetched before a click.
                            <Link
                              prefetch={false}
                              href={`/admin/offboard/${encodeURIComponent(userId)}`}
                              aria-label={`Offboard ${label}…`}
                              className="inline-flex items-center rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-200 ring-inset hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600"
                            >
                              Offboard…
                            </Link>
                          )}
                          {outranked &&
                            (person.status === "active" ||
                              person.status === "onboarding" ||
                              person.status === "suspended") && (
                              <Button
                                variant="secondary"
                                size="sm"
                                aria-label={`${person.status === "suspended" ? "Reactivate" : "Suspend"} ${label}`}
                                onClick={() => {
                                  setDialogError(null);
                                  setTarget(person);
                                }}
                              >
                                {person.status === "suspended" ? "Reactivate" : "Suspend"}
                              </Button>
                            )}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={target !== null}
        title={`${suspending ? "Suspend" : "Reactivate"} ${target?.name ?? target?.email ?? ""}?`}
        confirmLabel={suspending ? "Suspend" : "Reactivate"}
        busyLabel={suspending ? "Suspending…" : "Reactivating…"}
        tone={suspending ? "danger" : "primary"}
        busy={busy}
        error={dialogError}
        onConfirm={applyStatus}
        onCancel={() => setTarget(null)}
      >
        {suspending
          ? `${target?.email} is signed out everywhere at once and cannot sign in until reactivated. Their vault access and keys stay as they are: offboard them to revoke access and rotate keys.`
          : `${target?.email} will be able to sign in again.`}
      </ConfirmDialog>
      <RoleChangeDialog
        change={roleChange}
        onCancel={() => setRoleChange(null)}
        onDone={() => {
          setRoleChange(null);
          void load();
        }}
      />
      <OwnershipTransferDialog
        heir={heir}
        onCancel={() => setHeir(null)}
        onDone={() => {
          setHeir(null);
          // The viewer is an admin now: the server-rendered shell and this panel both change.
          router.refresh();
          void load();
        }}
      />
    </Card>
  );
}
