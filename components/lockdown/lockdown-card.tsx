"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { countOf, dateTime } from "@/lib/client/format";
import { LOCKDOWN_CONFIRMATION, rotationApi, type LockdownResult } from "@/lib/client/rotation";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { Modal } from "../ui/modal";
import { useAction } from "../ui/use-action";
import { useResource } from "../ui/use-resource";

/**
 * Break-glass lockdown on the admin's Security page: its state, starting it (a typed
 * confirmation, then the step-up dialog asks for a key) and lifting it, which takes another
 * admin than the one who started it whenever one exists.
 */
export function LockdownCard() {
  const router = useRouter();
  const { data: status, error, reload, replace } = useResource(rotationApi.lockdown);
  const [starting, setStarting] = useState(false);
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<LockdownResult | null>(null);
  const [lifting, setLifting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const start = useAction(
    useCallback(async () => {
      setResult(await rotationApi.startLockdown());
      setNotice(null);
      setStarting(false);
      await reload();
      // The shell's lockdown banner comes from the server.
      router.refresh();
    }, [reload, router]),
  );

  const lift = useAction(
    useCallback(async () => {
      replace(await rotationApi.liftLockdown());
      setLifting(false);
      setResult(null);
      setNotice("The lockdown is lifted: everyone can sign in again.");
      router.refresh();
    }, [replace, router]),
  );

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
            start.clearError();
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
              lift.clearError();
              setLifting(true);
            }}
          >
            Lift lockdown
          </Button>
        </div>
      )}

      <Modal
        open={starting}
        busy={start.pending}
        onClose={() => setStarting(false)}
        title="Start a lockdown?"
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === LOCKDOWN_CONFIRMATION) void start.run();
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
          {start.error && <Alert>{start.error.message}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setStarting(false)} disabled={start.pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="danger"
              disabled={typed !== LOCKDOWN_CONFIRMATION}
              busy={start.pending}
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
        busy={lift.pending}
        error={lift.error?.message ?? null}
        onConfirm={() => void lift.run()}
        onCancel={() => setLifting(false)}
      >
        Members can sign in again. Flagged items stay flagged until they get new values.
      </ConfirmDialog>
    </Card>
  );
}
