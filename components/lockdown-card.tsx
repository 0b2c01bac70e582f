"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "@/lib/client/api";
import { countOf, dateTime } from "@/lib/client/format";
import {
  LOCKDOWN_CONFIRMATION,
  rotationApi,
  type LockdownResult,
  type LockdownStatus,
} from "@/lib/client/rotation";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";
import { Field } from "./ui/field";
import { Modal } from "./ui/modal";

/**
 * Break-glass lockdown on the admin's Security page: its state, starting it (a typed
 * confirmation, then the step-up dialog asks for a key) and lifting it, which takes another
 * admin than the one who started it whenever one exists.
 */
export function LockdownCard() {
  const router = useRouter();
  const [status, setStatus] = useState<LockdownStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [result, setResult] = useState<LockdownResult | null>(null);
  const [lifting, setLifting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await rotationApi.lockdown());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // State is set only when the request settles.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function start() {
    if (typed !== LOCKDOWN_CONFIRMATION) return;
    setBusy(true);
    setDialogError(null);
    try {
      setResult(await rotationApi.startLockdown());
      setNotice(null);
      setStarting(false);
      await load();
      // The shell's lockdown banner comes from the server.
      router.refresh();
    } catch (caught) {
      setDialogError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function lift() {
    setBusy(true);
    setDialogError(null);
    try {
      setStatus(await rotationApi.liftLockdown());
      setLifting(false);
      setResult(null);
      setNotice("The lockdown is lifted: everyone can sign in again.");
      router.refresh();
    } catch (caught) {
      setDialogError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className={status?.active ? "border-red-300" : undefined}>
      <CardHeader
        title="Break-glass lockdown"
        description="For a suspected breach: signs everyone else out at once, suspends machine tokens and share links, and flags every item for a new value. Until it is lifted, only admins can sign in."
      />
      {error && <Alert>{error}</Alert>}
      {status === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading…
        </p>
      )}
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {result && (
        <Alert tone="warning" title="Lockdown started" className="mb-4">
          <p data-testid="lockdown-result">
            {countOf(result.sessionsRevoked, "session")} signed out,{" "}
            {countOf(result.machineTokensSuspended, "machine token")} and{" "}
            {countOf(result.shareLinksSuspended, "share link")} suspended,{" "}
            {countOf(result.itemsFlagged, "item")} flagged for rotation.
          </p>
        </Alert>
      )}
      {status && !status.active && (
        <Button
          variant="danger"
          onClick={() => {
            setTyped("");
            setDialogError(null);
            setStarting(true);
          }}
        >
          Start lockdown
        </Button>
      )}
      {status?.active && (
        <div className="space-y-3">
          <p className="text-sm font-medium text-red-800">
            In force since {status.startedAt ? dateTime(status.startedAt) : "—"}
            {status.startedBy ? `, started by ${status.startedBy.name}` : ""}.
          </p>
          {!status.canLift && (
            <p className="text-sm text-stone-700">
              Another admin must lift it: you started it, and one compromised account should not be
              able to both lock everyone out and let them back in.
            </p>
          )}
          <Button
            variant="secondary"
            disabled={!status.canLift}
            onClick={() => {
              setDialogError(null);
              setLifting(true);
            }}
          >
            Lift lockdown
          </Button>
        </div>
      )}

      <Modal
        open={starting}
        busy={busy}
        onClose={() => setStarting(false)}
        title="Start a lockdown?"
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
            <li>Every session but this one is signed out, admins included.</li>
            <li>Every machine token and share link is suspended.</li>
            <li>Every item in every vault is flagged, high priority, for a new value.</li>
            <li>Only admins can sign in until the lockdown is lifted.</li>
          </ul>
          <p className="text-sm text-stone-600">
            Type <strong className="font-semibold text-stone-900">{LOCKDOWN_CONFIRMATION}</strong>{" "}
            to confirm.
          </p>
          <Field
            label={`Type ${LOCKDOWN_CONFIRMATION} to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          {dialogError && <Alert>{dialogError}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setStarting(false)} disabled={busy}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="danger"
              disabled={typed !== LOCKDOWN_CONFIRMATION}
              busy={busy}
              busyLabel="Locking down…"
            >
              Lock down now
            </Button>
          </div>
        </form>
      </Modal>

      <ConfirmDialog
        open={lifting}
        title="Lift the lockdown?"
        confirmLabel="Lift lockdown"
        busyLabel="Lifting…"
        tone="primary"
        busy={busy}
        error={dialogError}
        onConfirm={() => void lift()}
        onCancel={() => setLifting(false)}
      >
        Members can sign in again. Flagged items stay flagged until they get new values.
      </ConfirmDialog>
    </Card>
  );
}
