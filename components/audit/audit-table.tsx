"use client";

import { auditActorLabel, auditTargetLabel, type AuditEventDto } from "@/lib/api/audit";
import { dateTime } from "@/lib/client/format";
import { MachineBadge } from "../service-accounts/badges";
import { actionLabel } from "./action-labels";

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

/**
 * What the event acted on, by name where one is known. The ids stay one hover away, since a
 * reader comparing with the export or another tool needs them.
 */
function TargetCell({
  event,
  vaultNames,
}: {
  event: AuditEventDto;
  vaultNames: ReadonlyMap<string, string>;
}) {
  const label = auditTargetLabel(event, vaultNames);
  if (!label) return <>—</>;
  const ids = [event.targetId, event.vaultId && event.vaultId !== event.targetId && event.vaultId]
    .filter(Boolean)
    .join(" · ");
  return <span title={ids || undefined}>{label}</span>;
}

const headings = ["When", "Event", "Actor", "Target", "Address"];

export function AuditTable({
  events,
  vaultNames,
}: {
  events: AuditEventDto[];
  vaultNames: ReadonlyMap<string, string>;
}) {
  return (
    <div className="-mx-6 overflow-x-auto sm:-mx-8">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
          <tr>
            <th scope="col" className="px-6 py-2 font-semibold sm:px-8">
              #
            </th>
            {headings.map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 font-semibold">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {events.map((event) => (
            <tr key={event.seq}>
              <td className="px-6 py-2 font-mono text-xs text-stone-500 sm:px-8">{event.seq}</td>
              <td className="px-3 py-2 whitespace-nowrap">{dateTime(event.at)}</td>
              <td className="px-3 py-2">
                <span className="font-medium text-stone-900">{actionLabel(event.action)}</span>
                <span className="ml-2 font-mono text-xs text-stone-500">{event.action}</span>
              </td>
              <td className="px-3 py-2">
                <ActorCell event={event} />
              </td>
              <td className="px-3 py-2 break-words text-stone-700">
                <TargetCell event={event} vaultNames={vaultNames} />
              </td>
              <td className="px-3 py-2 font-mono text-xs text-stone-600">
                {event.ipAddress ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
