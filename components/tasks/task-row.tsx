import Link from "next/link";
import type { TaskDto } from "@/lib/api/checklist";
import { relativeTime } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/components/vaults/badges";

export const personOf = (task: TaskDto) => task.subject.name ?? task.subject.email;

/** One task: a vault to re-key after a departure, or a newcomer to give a vault to. */
export function TaskRow({
  task,
  vaultName,
  onGrant,
}: {
  task: TaskDto;
  vaultName: string;
  onGrant: () => void;
}) {
  const person = personOf(task);
  const checklistLink = (
    <Link
      href={`/admin/checklists/${encodeURIComponent(task.checklistId)}`}
      className="text-xs text-stone-500 underline underline-offset-2 hover:text-stone-800"
      aria-label={`Checklist for ${person}`}
    >
      Checklist
    </Link>
  );

  if (task.action === "rotate_vault") {
    return (
      <li className="flex flex-wrap items-center gap-3 py-3" data-testid="task">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-stone-900">
            Re-key {vaultName} without {person}
          </p>
          <p className="text-xs text-stone-500">
            Offboarding started {relativeTime(task.createdAt)} · {checklistLink}
          </p>
        </div>
        {/* Another page runs the re-key; nothing is prefetched before a click. */}
        <Link
          prefetch={false}
          href={`/offboarding/${encodeURIComponent(task.checklistId)}`}
          className="inline-flex items-center rounded-lg bg-stone-900 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
          aria-label={`Re-key ${vaultName}`}
        >
          Re-key…
        </Link>
      </li>
    );
  }

  const role = task.vaultRole ? ROLE_LABELS[task.vaultRole].toLowerCase() : "member";
  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="task">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-stone-900">
          Give {person} access to {vaultName} as {role}
        </p>
        <p className="text-xs text-stone-500">
          {task.ready
            ? `Ready: ${task.subject.email} has an account.`
            : task.subject.userId
              ? "Waiting for them to add a security key."
              : "Waiting for them to create their account."}{" "}
          Invited {relativeTime(task.createdAt)} · {checklistLink}
        </p>
      </div>
      {task.ready ? (
        <Button
          size="sm"
          onClick={onGrant}
          aria-label={`Grant access to ${vaultName} for ${person}…`}
        >
          Grant access…
        </Button>
      ) : (
        <span className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">
          Waiting
        </span>
      )}
    </li>
  );
}
