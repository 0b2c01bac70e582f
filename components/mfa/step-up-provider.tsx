"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { setStepUpHandler } from "@/lib/client/api";
import { confirmWithKey } from "@/lib/client/mfa";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Modal } from "../ui/modal";
import { keyErrorMessage } from "./key-error";
import { stopKeyPrompt } from "./stop-key-prompt";

/** The person declined to confirm a sensitive action with their key. */
export class StepUpCancelled extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "StepUpCancelled";
  }
}

interface PendingStepUp {
  message: string;
  promise: Promise<void>;
  resolve: () => void;
  reject: (reason: Error) => void;
}

/**
 * Answers the server's `step_up_required` for every api() call under the authenticated layout:
 * asks for a key check in a dialog, then lets the call be retried once. Requests that need it
 * at the same moment share one dialog.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<PendingStepUp | null>(null);
  const pendingRef = useRef<PendingStepUp | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const promptRef = useRef<Promise<unknown> | null>(null);

  useEffect(() => {
    setStepUpHandler((message) => {
      if (pendingRef.current) return pendingRef.current.promise;
      let resolve!: () => void;
      let reject!: (reason: Error) => void;
      const promise = new Promise<void>((promiseResolve, promiseReject) => {
        resolve = promiseResolve;
        reject = promiseReject;
      });
      const pending = { message, promise, resolve, reject };
      pendingRef.current = pending;
      setError(null);
      setRequest(pending);
      return promise;
    });
    return () => {
      setStepUpHandler(null);
      pendingRef.current?.reject(new StepUpCancelled());
      pendingRef.current = null;
    };
  }, []);

  const settle = useCallback((outcome: "confirmed" | "cancelled") => {
    const pending = pendingRef.current;
    pendingRef.current = null;
    setRequest(null);
    setBusy(false);
    if (outcome === "confirmed") pending?.resolve();
    else pending?.reject(new StepUpCancelled());
  }, []);

  async function confirm() {
    if (busy) return;
    const pending = pendingRef.current;
    setBusy(true);
    setError(null);
    const prompt = confirmWithKey();
    promptRef.current = prompt;
    try {
      await prompt;
      // Cancelled while the key prompt was open: that request is settled already.
      if (pendingRef.current === pending) settle("confirmed");
    } catch (caught) {
      if (pendingRef.current !== pending) return;
      setBusy(false);
      setError(keyErrorMessage(caught));
    }
  }

  function cancel() {
    if (busy && promptRef.current) stopKeyPrompt(promptRef.current);
    settle("cancelled");
  }

  return (
    <>
      {children}
      <Modal
        open={request !== null}
        title="Confirm with your security key"
        description={request?.message}
        onClose={cancel}
      >
        <p className="text-sm text-stone-600">Press the button, then touch your key.</p>
        {error && <Alert className="mt-3">{error}</Alert>}
        <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={cancel}>
            Cancel
          </Button>
          <Button onClick={confirm} busy={busy} busyLabel="Waiting for your key…" autoFocus>
            Use security key
          </Button>
        </div>
      </Modal>
    </>
  );
}
