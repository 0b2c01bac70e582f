"use client";

import type { ItemFlagDto } from "@/lib/api/rotation";
import { FlagRow } from "./flag-row";
import type { FlagState } from "./use-flag-filters";
import type { VaultLabels } from "./use-vault-labels";

const headingClass = "px-3 py-2 font-semibold";

/** The flags as a table, with the columns an open or a cleared flag has. */
export function FlagTable({
  flags,
  state,
  labels,
  isAdmin,
  onAssign,
  onMark,
}: {
  flags: ItemFlagDto[];
  state: FlagState;
  labels: VaultLabels;
  isAdmin: boolean;
  onAssign: (flag: ItemFlagDto) => void;
  onMark: (flag: ItemFlagDto) => void;
}) {
  const { roleOf } = labels;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[56rem] text-left text-sm" aria-label="Flagged items">
        <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
          <tr>
            <th scope="col" className="px-6 py-2 font-semibold">
              Item
            </th>
            <th scope="col" className={headingClass}>
              Reason
            </th>
            <th scope="col" className={headingClass}>
              Priority
            </th>
            <th scope="col" className={headingClass}>
              Age
            </th>
            {state === "open" ? (
              <>
                <th scope="col" className={headingClass}>
                  Due
                </th>
                <th scope="col" className={headingClass}>
                  Owner
                </th>
                <th scope="col" className="px-6 py-2 text-right font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </>
            ) : (
              <>
                <th scope="col" className={headingClass}>
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
            const role = roleOf(flag.vaultId);
            return (
              <FlagRow
                key={flag.id}
                flag={flag}
                state={state}
                title={labels.itemTitle(flag.itemId)}
                vaultName={labels.vaultName(flag.vaultId)}
                member={role !== null}
                canAssign={isAdmin || role === "manage"}
                canMark={isAdmin || role === "manage" || role === "edit"}
                onAssign={() => onAssign(flag)}
                onMark={() => onMark(flag)}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
