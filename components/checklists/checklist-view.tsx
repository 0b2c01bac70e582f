"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import {
  addCommentRequest,
  type ChecklistDto,
  type ChecklistStepDto,
  type StepStatus,
} from "@/lib/api/checklist";
import { errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime, relativeTime } from "@/lib/client/format";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS } from "@/components/vaults/badges";
import { useVaultNames, vaultLabel } from "@/components/vaults/use-vault-names";
import { ProgressBar } from "./progress-bar";
import { StepStatusIcon } from "./step-status-icon";
import { assigneeLabels } from "./assignee-labels";
import { kindLabels } from "./kind-labels";

/**
 * One run of a checklist as its record: who it is about, who started it, and every step with
 * its state, who did it and when. Manual steps are ticked off here; Coffer ticks its own.
 */
export function ChecklistView({
  checklistId,
  isAdmin,
}: {
  checklistId: string;
  /** Admins go back to the list of checklists; a vault manager (no admin pages) to Home. */
  isAdmin: boolean;
}) {
  const [checklist, setChecklist] = useState<ChecklistDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const hasVaultSteps = checklist?.steps.some((step) => step.vaultId) ?? false;
  const names = useVaultNames(hasVaultSteps);

  const load = useCallback(async () => {
    try {
      setChecklist(await checklistApi.get(checklistId));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [checklistId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function refresh() {
    setRefreshing(true);
    await load();
    setRefreshing(false);
  }

  if (!checklist) {
    return (
      <div className="space-y-4">
        <BackLink isAdmin={isAdmin} />
        {error ? (
          <Alert>{error}</Alert>
        ) : (
          <p role="status" className="text-sm text-stone-500">
            Loading the checklist…
          </p>
        )}
      </div>
    );
  }

  const person = checklist.subject.name ?? checklist.subject.email;
  const open = checklist.status === "open";
  const { done, total } = checklist.progress;

  return (
    <div className="space-y-6">
      <BackLink isAdmin={isAdmin} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium text-stone-500">
            {kindLabels[checklist.kind]} checklist
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-stone-900">
            {kindLabels[checklist.kind]}: {person}
            <StatusBadge status={checklist.status} />
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {checklist.subject.name && <>{checklist.subject.email} · </>}
            Started by {checklist.startedBy.name}{" "}
            <time dateTime={checklist.startedAt} title={dateTime(checklist.startedAt)}>
              {relativeTime(checklist.startedAt)}
            </time>
            {checklist.completedAt && (
              <>
                {" "}
                · finished{" "}
                <time dateTime={checklist.completedAt} title={dateTime(checklist.completedAt)}>
                  {relativeTime(checklist.completedAt)}
                </time>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {checklist.kind === "offboarding" && (
            // Another page follows the re-keying and holds the report; nothing is prefetched.
            <Link
              prefetch={false}
              href={`/offboarding/${encodeURIComponent(checklist.id)}`}
              className="inline-flex items-center rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
            >
              Re-keying and report
            </Link>
          )}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void refresh()}
            busy={refreshing}
            busyLabel="Refreshing…"
          >
            Refresh
          </Button>
        </div>
      </div>

      <Card>
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <p className="font-medium text-stone-900" id="checklist-progress">
            {done} of {total} steps done
          </p>
          {!open && (
            <p className="text-stone-500">
              {checklist.status === "done"
                ? "Finished: kept as a record."
                : "Cancelled: kept as a record."}
            </p>
          )}
        </div>
        <ProgressBar done={done} total={total} label="Progress" className="mt-2 h-2" />
        {error && <Alert className="mt-4">{error}</Alert>}
      </Card>

      <ol aria-label="Steps" className="space-y-3">
        {checklist.steps.map((step, index) => (
          <StepCard
            key={step.id}
            step={step}
            number={index + 1}
            checklistId={checklist.id}
            open={open}
            vaultName={step.vaultId ? vaultLabel(step.vaultId, names) : null}
            onChange={setChecklist}
          />
        ))}
      </ol>
    </div>
  );
}

function BackLink({ isAdmin }: { isAdmin: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
      <Link href={isAdmin ? "/admin/checklists" : "/home"} className="hover:underline">
        {isAdmin ? "Checklists" : "Home"}
      </Link>
    </nav>
  );
}

/** The title a person reads: a per-vault step names its vault and the access it gives. */
function stepTitle(step: ChecklistStepDto, vaultName: string | null) {
  if (!vaultName) return step.title;
  const role = step.vaultRole ? ` as ${ROLE_LABELS[step.vaultRole].toLowerCase()}` : "";
  return `${step.title}: ${vaultName}${role}`;
}

function StepCard({
  step,
  number,
  checklistId,
  open,
  vaultName,
  onChange,
}: {
  step: ChecklistStepDto;
  number: number;
  checklistId: string;
  open: boolean;
  vaultName: string | null;
  onChange: (checklist: ChecklistDto) => void;
}) {
  const [busy, setBusy] = useState<StepStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = stepTitle(step, vaultName);
  const headingId = useId();
  const manual = step.kind === "manual";

  async function setStatus(status: StepStatus) {
    setBusy(status);
    setError(null);
    try {
      onChange(await checklistApi.setStepStatus(checklistId, step.id, status));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li
      aria-labelledby={headingId}
      data-testid="checklist-step"
      className={`rounded-2xl border p-5 shadow-sm ${step.status === "pending" ? "border-stone-200 bg-white" : "border-stone-100 bg-stone-50"}`}
    >
      <div className="flex flex-wrap items-start gap-3">
        <StepStatusIcon status={step.status} />
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="font-medium text-stone-900">
            <span className="sr-only">Step {number}: </span>
            {title}
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-500">
            <span
              className={`inline-flex rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${manual ? "bg-violet-50 text-violet-800 ring-violet-200" : "bg-stone-100 text-stone-700 ring-stone-200"}`}
            >
              {manual ? "Manual" : "Automatic"}
            </span>
            {(manual || step.vaultId) && (
              // Coffer's own person-less steps (invite, account, key, suspension…) have nobody
              // to do them; a per-vault step waits on its managers, or an admin's hand-over.
              <span>For: {assigneeLabels[step.assigneeRole]}</span>
            )}
            {step.status !== "pending" && (
              <span>
                {step.status === "done" ? "Done" : "Skipped"}
                {step.actor && <> by {step.actor.name}</>}
                {step.completedAt && (
                  <>
                    ,{" "}
                    <time dateTime={step.completedAt} title={dateTime(step.completedAt)}>
                      {dateTime(step.completedAt)}
                    </time>
                  </>
                )}
              </span>
            )}
          </p>
          {step.description && (
            <p className="mt-2 text-sm whitespace-pre-line text-stone-700">{step.description}</p>
          )}
          {step.link && /^https?:\/\//i.test(step.link) && (
            // Links come from templates admins write; only http(s) is ever an href.
            <p className="mt-2 text-sm">
              <a
                href={step.link}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium break-all text-sky-800 underline underline-offset-2"
              >
                {step.link}
              </a>
            </p>
          )}
        </div>
        {manual && open && (
          <div className="flex flex-wrap gap-2">
            {step.status === "pending" ? (
              <>
                <Button
                  size="sm"
                  onClick={() => void setStatus("done")}
                  busy={busy === "done"}
                  disabled={busy !== null}
                  busyLabel="Saving…"
                  aria-label={`Mark done: ${title}`}
                >
                  Mark done
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => void setStatus("skipped")}
                  busy={busy === "skipped"}
                  disabled={busy !== null}
                  busyLabel="Saving…"
                  aria-label={`Skip "${title}"`}
                >
                  Skip
                </Button>
              </>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => void setStatus("pending")}
                busy={busy === "pending"}
                busyLabel="Saving…"
                aria-label={`Reopen "${title}"`}
              >
                Reopen
              </Button>
            )}
          </div>
        )}
      </div>
      {error && <Alert className="mt-3">{error}</Alert>}
      <Comments
        step={step}
        title={title}
        checklistId={checklistId}
        open={open}
        onChange={onChange}
      />
    </li>
  );
}

function Comments({
  step,
  title,
  checklistId,
  open,
  onChange,
}: {
  step: ChecklistStepDto;
  title: string;
  checklistId: string;
  open: boolean;
  onChange: (checklist: ChecklistDto) => void;
}) {
  const [writing, setWriting] = useState(false);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const fieldId = useId();

  useEffect(() => {
    if (writing) textareaRef.current?.focus();
  }, [writing]);

  /** Back to the "Comment" button, once it is rendered again, so keyboard users stay put. */
  function close() {
    setWriting(false);
    requestAnimationFrame(() => toggleRef.current?.focus());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = addCommentRequest.safeParse({ body });
    if (!parsed.success) {
      setError(
        body.trim() ? "A comment can be at most 2,000 characters." : "Write a comment first.",
      );
      textareaRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onChange(await checklistApi.addComment(checklistId, step.id, parsed.data.body));
      setBody("");
      close();
    } catch (caught) {
      // The text stays in the box, to try again.
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (step.comments.length === 0 && !open) return null;
  return (
    <div className="mt-3 border-t border-stone-100 pt-3 sm:ml-9">
      {step.comments.length > 0 && (
        <ul aria-label={`Comments on "${title}"`} className="space-y-2">
          {step.comments.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-stone-50 px-3 py-2 text-sm">
              <p className="text-xs text-stone-500">
                <span className="font-medium text-stone-800">{comment.author.name}</span>,{" "}
                <time dateTime={comment.createdAt} title={dateTime(comment.createdAt)}>
                  {relativeTime(comment.createdAt)}
                </time>
              </p>
              <p className="mt-0.5 whitespace-pre-line text-stone-800">{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      {open && !writing && (
        <Button
          ref={toggleRef}
          variant="ghost"
          size="sm"
          className="mt-1 -ml-2.5"
          aria-label={`Comment on "${title}"`}
          onClick={() => setWriting(true)}
        >
          Comment
        </Button>
      )}
      {open && writing && (
        <form onSubmit={submit} className="mt-2 space-y-2" noValidate>
          <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
            Comment on &ldquo;{title}&rdquo;
          </label>
          <textarea
            ref={textareaRef}
            id={fieldId}
            rows={3}
            maxLength={2000}
            value={body}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setBody(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              // Escape abandons an empty comment; a written one is never thrown away by a key.
              if (event.key === "Escape" && !body.trim()) close();
            }}
            className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
          />
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" busy={busy} busyLabel="Adding…">
              Add comment
            </Button>
            <Button
              variant="ghost"
              size="sm"
              disabled={busy}
              onClick={() => {
                setError(null);
                close();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
