"use client";

import { useCallback, useEffect, useId, useState } from "react";
import {
  auditActorLabel,
  auditListResponse,
  auditVerifyResponse,
  type AuditEventDto,
  type AuditVerifyResponse,
} from "@/lib/api/audit";
import { userListResponse, type UserDto } from "@/lib/api/user";
import { api, apiBlob, errorMessage } from "@/lib/client/api";
import { dateTime } from "@/lib/client/format";
import { StepUpCancelled } from "./mfa/step-up-provider";
import { MachineBadge } from "./service-accounts/badges";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";

const pageSize = 100;

const eventGroups: Array<{ value: string; label: string }> = [
  { value: "", label: "All events" },
  { value: "auth.", label: "Sign-in and sign-out" },
  { value: "session.", label: "Sessions" },
  { value: "account.", label: "Account changes" },
  { value: "user.", label: "People" },
  { value: "invite.", label: "Invites" },
  { value: "org.", label: "Organisation" },
  { value: "vault.", label: "Vaults" },
  { value: "item.", label: "Items" },
  { value: "mfa.", label: "Security keys" },
  { value: "policy.", label: "Policy" },
  { value: "checklist.", label: "Checklists" },
  { value: "offboarding.", label: "Offboarding" },
  { value: "flag.", label: "Rotation" },
  { value: "lockdown.", label: "Lockdown" },
  { value: "service_account.", label: "Service accounts" },
  { value: "token.", label: "Machine tokens" },
  { value: "authz.", label: "Refusals" },
];

const actionLabels: Record<string, string> = {
  "org.setup": "Organisation set up",
  "user.signup": "Account created",
  "user.suspend": "Person suspended",
  "user.reactivate": "Person reactivated",
  "user.role_change": "Role changed",
  "org.ownership_transfer": "Ownership transferred",
  "authz.denied": "Refused: not allowed",
  "auth.signin": "Signed in",
  "auth.signin_failed": "Sign-in failed",
  "auth.signout": "Signed out",
  "session.revoke": "Session signed out",
  "session.revoke_others": "Other sessions signed out",
  "account.password_change": "Master password changed",
  "account.kdf_upgrade": "Password protection strengthened",
  "invite.create": "Invite created",
  "invite.revoke": "Invite revoked",
  "vault.create": "Vault created",
  "vault.rename": "Vault renamed",
  "vault.delete": "Vault deleted",
  "vault.share": "Vault shared",
  "vault.role_change": "Vault role changed",
  "vault.unshare": "Removed from vault",
  "vault.rotate": "Vault key rotated",
  "item.create": "Item created",
  "item.batch_create": "Items created in a batch",
  "item.update": "Item updated",
  "item.delete": "Item deleted",
  "item.reveal": "Secret revealed",
  "item.copy": "Secret copied",
  "mfa.key_add": "Security key added",
  "mfa.key_add_failed": "Security key registration refused",
  "mfa.key_rename": "Security key renamed",
  "mfa.key_remove": "Security key removed",
  "mfa.verify": "Sign-in confirmed with a key",
  "mfa.step_up": "Action confirmed with a key",
  "mfa.verify_failed": "Security key check refused",
  "mfa.recovery_code_use": "Recovery code used",
  "mfa.recovery_code_failed": "Recovery code refused",
  "mfa.recovery_codes_regenerate": "Recovery codes regenerated",
  "mfa.reset_by_admin": "Security keys reset by an admin",
  "policy.mfa_change": "MFA policy changed",
  "checklist.template_create": "Checklist template created",
  "checklist.template_update": "Checklist template changed",
  "checklist.template_delete": "Checklist template deleted",
  "checklist.start": "Checklist started",
  "checklist.step": "Checklist step updated",
  "checklist.comment": "Checklist comment added",
  "checklist.complete": "Checklist completed",
  "onboarding.invite_emailed": "Invite emailed",
  "offboarding.start": "Offboarding started",
  "offboarding.handover": "Vault handed over",
  "flag.create": "Secrets flagged for rotation",
  "flag.assign": "Rotation assigned",
  "flag.clear": "Rotation done",
  "rotation.settings": "Rotation due times changed",
  "rotation.interval": "Rotation interval changed",
  "lockdown.start": "Lockdown started",
  "lockdown.lift": "Lockdown lifted",
  "service_account.create": "Service account created",
  "service_account.status": "Service account enabled or disabled",
  "service_account.delete": "Service account deleted",
  "service_account.grant": "Vault granted to a service account",
  "service_account.flag": "Service account flagged",
  "service_account.rekey": "Service account re-keyed",
  "service_account.manager_add": "Service account manager added",
  "service_account.manager_remove": "Service account manager removed",
  "token.create": "Token created",
  "token.revoke": "Token revoked",
  "token.exchange": "Bootstrap token exchanged",
  "token.bootstrap_replay": "Bootstrap token replayed",
  "token.mint": "Bootstrap token minted",
  "export.create": "Vaults or an item exported",
};

type ExportFormat = "csv" | "json";

/** Hands a downloaded file to the browser under the name the server would give it. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface Filters {
  actorId: string;
  action: string;
  vaultId: string;
  from: string;
  to: string;
}

const emptyFilters: Filters = { actorId: "", action: "", vaultId: "", from: "", to: "" };

/** Query string for the list and the exports: dates are whole days in the viewer's zone. */
function queryFor(filters: Filters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(extra);
  if (filters.actorId) params.set("actorId", filters.actorId);
  if (filters.action) params.set("action", filters.action);
  if (filters.vaultId.trim()) params.set("vaultId", filters.vaultId.trim());
  if (filters.from) params.set("from", new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) params.set("to", new Date(`${filters.to}T23:59:59.999`).toISOString());
  return params.toString();
}

export function AuditView() {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const [applied, setApplied] = useState<Filters>(emptyFilters);
  const [events, setEvents] = useState<AuditEventDto[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [people, setPeople] = useState<UserDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerifyResponse | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const formId = useId();

  const load = useCallback(async (current: Filters, beforeSeq?: number) => {
    const extra: Record<string, string> = { limit: String(pageSize) };
    if (beforeSeq) extra.beforeSeq = String(beforeSeq);
    const result = await api(`/api/v1/audit?${queryFor(current, extra)}`, {
      schema: auditListResponse,
    });
    setHasMore(result.events.length === pageSize);
    return result.events;
  }, []);

  useEffect(() => {
    let cancelled = false;
    // State is set only when the request settles, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    load(applied)
      .then((loaded) => {
        if (!cancelled) {
          setEvents(loaded);
          setError(null);
        }
      })
      .catch((caught: unknown) => !cancelled && setError(errorMessage(caught)));
    return () => {
      cancelled = true;
    };
  }, [applied, load]);

  useEffect(() => {
    api("/api/v1/users", { schema: userListResponse })
      .then((result) => setPeople(result.users))
      .catch(() => setPeople([]));
  }, []);

  async function loadOlder() {
    const oldest = events?.at(-1);
    if (!oldest) return;
    setLoadingMore(true);
    try {
      const older = await load(applied, oldest.seq);
      setEvents((current) => [...(current ?? []), ...older]);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoadingMore(false);
    }
  }

  async function verify() {
    setVerifying(true);
    setVerdict(null);
    try {
      setVerdict(
        await api("/api/v1/audit/verify", { method: "POST", schema: auditVerifyResponse }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setVerifying(false);
    }
  }

  // Fetched, not a plain link: an export needs a fresh key check, and a link would save the
  // server's step-up refusal as the file.
  async function download(format: ExportFormat) {
    setExporting(format);
    setError(null);
    try {
      const blob = await apiBlob(`/api/v1/audit/export?${queryFor(applied, { format })}`);
      saveBlob(blob, `coffer-audit-${new Date().toISOString().slice(0, 10)}.${format}`);
    } catch (caught) {
      setError(
        caught instanceof StepUpCancelled
          ? "Nothing was exported: the security key check was cancelled."
          : `The export failed: ${errorMessage(caught)}`,
      );
    } finally {
      setExporting(null);
    }
  }

  const update = (key: keyof Filters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Audit log</h1>
          <p className="mt-1 text-stone-600">
            Every security event, in order. Each entry is chained to the one before it, so an edited
            or deleted entry is detected.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={verify} busy={verifying} busyLabel="Verifying…">
            Verify chain
          </Button>
          <Button
            variant="secondary"
            onClick={() => download("csv")}
            busy={exporting === "csv"}
            busyLabel="Exporting…"
            disabled={exporting !== null}
          >
            Export CSV
          </Button>
          <Button
            variant="secondary"
            onClick={() => download("json")}
            busy={exporting === "json"}
            busyLabel="Exporting…"
            disabled={exporting !== null}
          >
            Export JSON
          </Button>
        </div>
      </div>

      {verdict && <ChainVerdict verdict={verdict} />}
      {error && <Alert>{error}</Alert>}

      <Card>
        <CardHeader title="Filters" description="Narrow the log by person, event, vault or date." />
        <form
          id={formId}
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
          onSubmit={(event) => {
            event.preventDefault();
            setEvents(null);
            setApplied(filters);
          }}
        >
          <Select
            label="Person"
            value={filters.actorId}
            onChange={update("actorId")}
            options={[
              { value: "", label: "Everyone" },
              ...people.map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
          <Select
            label="Event"
            value={filters.action}
            onChange={update("action")}
            options={eventGroups}
          />
          <TextInput label="Vault id" value={filters.vaultId} onChange={update("vaultId")} />
          <TextInput label="From" type="date" value={filters.from} onChange={update("from")} />
          <TextInput label="To" type="date" value={filters.to} onChange={update("to")} />
          <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
            <Button type="submit">Apply filters</Button>
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setFilters(emptyFilters);
                setEvents(null);
                setApplied(emptyFilters);
              }}
            >
              Clear
            </Button>
          </div>
        </form>
      </Card>

      <Card>
        {events === null && !error && (
          <p role="status" className="text-sm text-stone-500">
            Loading events…
          </p>
        )}
        {events !== null && events.length === 0 && (
          <p className="text-sm text-stone-500">No events match these filters.</p>
        )}
        {events !== null && events.length > 0 && (
          <div className="-mx-6 overflow-x-auto sm:-mx-8">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
                <tr>
                  <th scope="col" className="px-6 py-2 font-semibold sm:px-8">
                    #
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    When
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Event
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Actor
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Target
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Address
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {events.map((event) => (
                  <tr key={event.seq}>
                    <td className="px-6 py-2 font-mono text-xs text-stone-500 sm:px-8">
                      {event.seq}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{dateTime(event.at)}</td>
                    <td className="px-3 py-2">
                      <span className="font-medium text-stone-900">
                        {actionLabels[event.action] ?? event.action}
                      </span>
                      <span className="ml-2 font-mono text-xs text-stone-500">{event.action}</span>
                    </td>
                    <td className="px-3 py-2">
                      <ActorCell event={event} />
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-stone-600">
                      {event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"}
                      {event.vaultId && event.targetType !== "vault" ? ` in ${event.vaultId}` : ""}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-stone-600">
                      {event.ipAddress ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {hasMore && (
          <div className="mt-4">
            <Button variant="secondary" onClick={loadOlder} busy={loadingMore} busyLabel="Loading…">
              Load older events
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}

/** A person by name; a machine by its account and token, with a badge so it is not read as a person. */
function ActorCell({ event }: { event: AuditEventDto }) {
  if (!event.actorId) return <>—</>;
  if (event.actorKind === "user") return <>{auditActorLabel(event)}</>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <MachineBadge />
      <span>{auditActorLabel(event)}</span>
    </span>
  );
}

function ChainVerdict({ verdict }: { verdict: AuditVerifyResponse }) {
  if (verdict.ok) {
    return (
      <Alert tone="success">
        The audit chain is intact: {verdict.checked} event{verdict.checked === 1 ? "" : "s"}{" "}
        verified.
      </Alert>
    );
  }
  const problem = verdict.problem;
  const description =
    problem?.kind === "edited"
      ? `Event ${problem.seq} was edited after it was written.`
      : problem?.kind === "missing"
        ? `Event ${problem.expectedSeq} is missing: it was deleted.`
        : `Events after ${problem?.lastSeq} are missing: the log was cut short.`;
  return (
    <Alert>
      The audit chain is broken. {description} {verdict.checked} earlier event
      {verdict.checked === 1 ? "" : "s"} verified.
    </Alert>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900"
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      <input
        id={id}
        type={props.type ?? "text"}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900"
      />
    </div>
  );
}
