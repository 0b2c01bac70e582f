"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { addCommentRequest, type ChecklistDto, type ChecklistStepDto } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime, relativeTime } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** A step's comments, and a box to add one while the checklist is open. */
export function StepComments({
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
  const toggleRef = useRef<HTMLButtonElement>(null);

  /** Back to the "Comment" button, once it is rendered again, so keyboard users stay put. */
  function close() {
    setWriting(false);
    requestAnimationFrame(() => toggleRef.current?.focus());
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
        <CommentForm
          title={title}
          onClose={close}
          onAdd={async (body) =>
            onChange(await checklistApi.addComment(checklistId, step.id, body))
          }
        />
      )}
    </div>
  );
}

function CommentForm({
  title,
  onClose,
  onAdd,
}: {
  title: string;
  onClose: () => void;
  onAdd: (body: string) => Promise<void>;
}) {
  const [body, setBody] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const add = useAction(async (text: string) => {
    await onAdd(text);
    setBody("");
    onClose();
  });
  // A failed add keeps the text in the box, to try again.
  const error = invalid ?? add.error?.message ?? null;

  useEffect(() => {
    textareaRef.current?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = addCommentRequest.safeParse({ body });
    if (!parsed.success) {
      setInvalid(
        body.trim() ? "A comment can be at most 2,000 characters." : "Write a comment first.",
      );
      textareaRef.current?.focus();
      return;
    }
    void add.run(parsed.data.body);
  }

  function clearErrors() {
    setInvalid(null);
    add.clearError();
  }

  return (
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
        disabled={add.pending}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setBody(event.target.value);
          clearErrors();
        }}
        onKeyDown={(event) => {
          // Escape abandons an empty comment; a written one is never thrown away by a key.
          if (event.key === "Escape" && !body.trim()) onClose();
        }}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
      />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={add.pending} busyLabel="Adding…">
          Add comment
        </Button>
        <Button variant="ghost" size="sm" disabled={add.pending} onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
