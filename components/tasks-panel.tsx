"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { TaskDto } from "@/lib/api/checklist";
import type { VaultDetailResponse } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { openVault, type OpenedVault } from "@/lib/client/vaults/open-vault";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { relativeTime } from "@/lib/client/format";
import { useKeyring } from "./keyring-provider";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { Modal } from "./ui/modal";
import { ROLE_LABELS } from "./vaults/badges";
import { AddMemberDialog } from "./vaults/members-panel";
import { useVaultNames, vaultLabel } from "./vaults/use-vault-names";

const personOf = (task: TaskDto) => task.subject.name ?? task.subject.email;

/**
 * What waits on this person as a vault manager: newcomers to give their vaults to (through the
 * usual share flow, fingerprint check included) and vaults to re-key after a departure.
 */
export function TasksPanel() {
  const [tasks, setTasks] = useState<TaskDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [granting, setGranting] = useState<TaskDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useVaultNames((tasks?.length ?? 0) > 0);

  const load = useCallback(async () => {
    try {
      setTasks((await checklistApi.tasks()).tasks);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function refresh() {
    setRefreshing(true);
    setNotice(null);
    await load();
    setRefreshing(false);
  }

  return (
    <Card aria-labelledby="tasks-heading">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="tasks-heading" className="text-lg font-semibold text-stone-900">
            Waiting for you
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            Onboarding and offboarding steps for the vaults you manage.
          </p>
        </div>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => void refresh()}
          busy={refreshing}
          busyLabel="Refreshing…"
          aria-label="Refresh tasks"
        >
          Refresh
        </Button>
      </div>
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {error && <Alert className="mb-4">{error}</Alert>}
      {tasks === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading your tasks…
        </p>
      )}
      {tasks !== null && tasks.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          Nothing is waiting for you.
        </p>
      )}
      {tasks !== null && tasks.length > 0 && (
        <ul aria-label="Tasks" className="divide-y divide-stone-100">
          {tasks.map((task) => (
            <TaskRow
              key={task.stepId}
              task={task}
              vaultName={vaultLabel(task.vaultId, names)}
              onGrant={() => {
                setNotice(null);
                setGranting(task);
              }}
            />
          ))}
        </ul>
      )}
      {granting && (
        <GrantDialog
          task={granting}
          onClose={() => setGranting(null)}
          onDone={async (message) => {
            setGranting(null);
            setNotice(message);
            await load();
          }}
        />
      )}
    </Card>
  );
}

function TaskRow({
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

/**
 * Loads the vault and hands over to the vault page's own share dialog, with the newcomer and
 * the invite's role chosen: the fingerprint comparison and the sealing are the same code.
 */
function GrantDialog({
  task,
  onClose,
  onDone,
}: {
  task: TaskDto;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const keyring = useKeyring();
  const [vault, setVault] = useState<{
    detail: VaultDetailResponse;
    opened: OpenedVault;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!keyring) return;
    let current = true;
    (async () => {
      if (!task.subject.userId) throw new Error("They have no account yet.");
      const detail = await vaultApi.detail(task.vaultId);
      const opened = await openVault(keyring, detail.vault);
      if (!current) return;
      if (!opened.key) {
        setError(
          opened.problem?.kind === "keys-changed"
            ? `You cannot open this vault: the keys of ${opened.problem.email}, who shared it with you, changed.`
            : "You cannot open this vault's key, so you cannot share it. Ask another manager.",
        );
        return;
      }
      setVault({ detail, opened });
    })().catch((caught: unknown) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [keyring, task.vaultId, task.subject.userId]);

  const person = personOf(task);
  if (vault && task.subject.userId) {
    return (
      <AddMemberDialog
        vault={vault}
        title={`Give ${person} access to ${vault.opened.name}`}
        preselect={{ userId: task.subject.userId, role: task.vaultRole ?? "view" }}
        onClose={onClose}
        onDone={onDone}
      />
    );
  }
  return (
    <Modal open title={`Give ${person} access`} onClose={onClose}>
      {error ? (
        <Alert>{error}</Alert>
      ) : (
        <p role="status" className="text-sm text-stone-500">
          Opening the vault…
        </p>
      )}
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Modal>
  );
}
