"use client";

import Link from "next/link";
import type { ItemFlagDto } from "@/lib/api/rotation";
import { dateTime, relativeTime } from "@/lib/client/format";
import { flagReasonLabel } from "@/lib/client/rotation";
import { Button } from "@/components/ui/button";
import { PriorityBadge } from "./priority-badge";
import type { FlagState } from "./use-flag-filters";

/** One flagged item: why and since when, and (open flags) by when, who owns it, what to do. */
export function FlagRow({
  flag,
  state,
  title,
  vaultName,
  member,
  canAssign,
  canMark,
  onAssign,
  onMark,
}: {
  flag: ItemFlagDto;
  state: FlagState;
  title: string;
  vaultName: string;
  /** Whether the viewer is in the item's vault, and so can open it. */
  member: boolean;
  canAssign: boolean;
  canMark: boolean;
  onAssign: () => void;
  onMark: () => void;
}) {
  return (
    <tr
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
        <p className="text-xs text-stone-500">{vaultName}</p>
      </td>
      <td className="px-3 py-3 text-stone-700">
        {flagReasonLabel(flag.reason, flag.person?.name)}
      </td>
      <td className="px-3 py-3">
        <PriorityBadge priority={flag.priority} />
      </td>
      <td className="px-3 py-3 whitespace-nowrap text-stone-700" title={dateTime(flag.createdAt)}>
        {relativeTime(flag.createdAt)}
      </td>
      {state === "open" ? (
        <>
          <td className="px-3 py-3 whitespace-nowrap">
            {flag.overdue ? (
              <span className="font-medium text-red-700">Overdue · {dateTime(flag.dueAt)}</span>
            ) : (
              <span className="text-stone-700">{dateTime(flag.dueAt)}</span>
            )}
          </td>
          <td className="px-3 py-3 whitespace-nowrap text-stone-700">
            <span className="mr-1">{flag.owner?.name ?? "Unassigned"}</span>
            {canAssign && (
              <Button
                variant="ghost"
                size="sm"
                // The visible word leads the name, so voice control finds it (WCAG 2.5.3).
                aria-label={`${flag.owner ? "Change the owner" : "Assign an owner"} for ${title}`}
                onClick={onAssign}
              >
                {flag.owner ? "Change" : "Assign"}
              </Button>
            )}
          </td>
          <td className="px-6 py-3 text-right whitespace-nowrap">
            {canMark && (
              <Button
                variant="secondary"
                size="sm"
                aria-label={`Mark rotated: ${title}`}
                onClick={onMark}
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
}
