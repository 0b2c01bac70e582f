"use client";

import { useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { keyNickname } from "@/lib/api/mfa";
import { ApiError } from "@/lib/client/api";
import { deviceName } from "@/lib/client/device-name";
import { enrolKey } from "@/lib/client/mfa";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { keyErrorMessage } from "./key-error";
import { stopKeyPrompt } from "./stop-key-prompt";

export type EnrolledKey = Awaited<ReturnType<typeof enrolKey>>;

const noSubscription = () => () => {};

/**
 * The name this device suggests for a new key ("Chrome on Mac"), read only in the browser so
 * the server-rendered form and the hydrated one agree.
 */
function useDeviceName(): string {
  return useSyncExternalStore(
    noSubscription,
    () => deviceName(navigator.userAgent),
    () => "Security key",
  );
}

/** Registers a security key under a nickname: the first one, or one more. */
export function EnrolSecurityKey({
  description,
  headingLevel = 1,
  defaultNickname,
  onEnrolled,
  onCancel,
}: {
  description: ReactNode;
  headingLevel?: 1 | 2;
  /** The nickname offered; by default the device the key is added from. */
  defaultNickname?: string;
  onEnrolled: (enrolled: EnrolledKey) => void;
  /** Signs the half-finished sign-in out; without it there is no Cancel here. */
  onCancel?: () => Promise<void> | void;
}) {
  const suggested = useDeviceName();
  // null until the person types: the suggestion shows in the field until then.
  const [typed, setTyped] = useState<string | null>(null);
  const nickname = typed ?? defaultNickname ?? suggested;
  const [busy, setBusy] = useState<"key" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nicknameError, setNicknameError] = useState<string | null>(null);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  // Set when the person stops the key prompt themselves: their choice, not a failure.
  const stoppedRef = useRef(false);
  const promptRef = useRef<Promise<unknown> | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const parsed = keyNickname.safeParse(nickname);
    if (!parsed.success) {
      setNicknameError(
        nickname.trim() ? "Use at most 60 characters." : "Give the key a name you will recognise.",
      );
      return;
    }
    setNicknameError(null);
    setBusy("key");
    stoppedRef.current = false;
    const prompt = enrolKey(parsed.data);
    promptRef.current = prompt;
    try {
      const enrolled = await prompt;
      setBusy(null);
      onEnrolled(enrolled);
    } catch (caught) {
      setBusy(null);
      if (stoppedRef.current) {
        setError("Stopped waiting for the security key. Try again when it is plugged in.");
      } else if (caught instanceof ApiError && caught.field === "nickname") {
        setNicknameError(caught.message);
      } else {
        setError(keyErrorMessage(caught));
      }
    }
  }

  async function cancel() {
    if (!onCancel) return;
    setBusy("cancel");
    await onCancel();
  }

  return (
    <div>
      <Heading
        className={
          headingLevel === 1
            ? "text-xl font-semibold text-stone-900"
            : "text-lg font-semibold text-stone-900"
        }
      >
        Add a security key
      </Heading>
      <div className="mt-2 space-y-2 text-sm text-stone-600">{description}</div>
      <form className="mt-5 space-y-4" onSubmit={onSubmit} noValidate>
        <Field
          label="Key nickname"
          autoComplete="off"
          maxLength={60}
          value={nickname}
          onChange={(event) => setTyped(event.target.value)}
          error={nicknameError}
          disabled={busy !== null}
          hint="A name to tell your keys apart, such as where you keep it."
        />
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button
            type="submit"
            busy={busy === "key"}
            busyLabel="Waiting for your security key…"
            disabled={busy !== null}
          >
            Add security key
          </Button>
          {busy === "key" && (
            <Button
              variant="secondary"
              onClick={() => {
                stoppedRef.current = true;
                if (promptRef.current) stopKeyPrompt(promptRef.current);
              }}
            >
              Stop waiting
            </Button>
          )}
          {onCancel && (
            <Button
              variant="ghost"
              onClick={cancel}
              busy={busy === "cancel"}
              busyLabel="Signing out…"
              disabled={busy !== null}
            >
              Cancel
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
