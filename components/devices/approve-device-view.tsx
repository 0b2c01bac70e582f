"use client";

import { useCallback, useState, type FormEvent } from "react";
import { deviceLoginLookupResponse, type DeviceLoginDto } from "@/lib/api/device-login";
import { api } from "@/lib/client/api";
import { getSodium } from "@/lib/crypto";
import { sealUserKeyForDevice } from "@/lib/sdk/device-approval";
import { dateTime } from "@/lib/client/format";
import { useKeyring } from "../keyring-provider";
import { StepUpCancelled } from "../mfa/step-up-provider";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { useAction } from "../ui/use-action";

type Outcome = "approved" | "denied" | null;

/**
 * Approve a `coffer login`: the person types the code their terminal shows; the request the
 * server returns for it is checked against that code here, in the browser, before anything is
 * sealed (lib/sdk/device-approval.ts).
 */
export function ApproveDeviceView() {
  const keyring = useKeyring();
  const [code, setCode] = useState("");
  const [request, setRequest] = useState<DeviceLoginDto | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const find = useAction(
    useCallback(async (typed: string) => {
      setOutcome(null);
      setRequest(null);
      const { deviceLogin } = await api(`/api/v1/device-logins?code=${encodeURIComponent(typed)}`, {
        schema: deviceLoginLookupResponse,
      });
      setRequest(deviceLogin);
    }, []),
  );

  const approve = useAction(
    useCallback(
      async (pending: DeviceLoginDto) => {
        if (!keyring) return;
        await getSodium();
        // Throws, and nothing is sent, when the key does not produce the typed code.
        const sealedUserKey = sealUserKeyForDevice({
          typedCode: code,
          publicKey: pending.publicKey,
          userKey: keyring.userKey,
        });
        try {
          // Approving is a sensitive action: with a security key, the server asks for a check.
          await api(`/api/v1/device-logins/${encodeURIComponent(pending.id)}/approve`, {
            method: "POST",
            json: { sealedUserKey },
          });
        } catch (caught) {
          if (caught instanceof StepUpCancelled) {
            throw new Error("Not approved: the security key check was cancelled.");
          }
          throw caught;
        }
        setRequest(null);
        setCode("");
        setOutcome("approved");
      },
      [code, keyring],
    ),
  );

  const deny = useAction(
    useCallback(async (pending: DeviceLoginDto) => {
      await api(`/api/v1/device-logins/${encodeURIComponent(pending.id)}/deny`, {
        method: "POST",
      });
      setRequest(null);
      setCode("");
      setOutcome("denied");
    }, []),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!find.pending) await find.run(code);
  }

  const codeError = find.error?.field === "code" ? find.error.message : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Approve a device</h1>
        <p className="mt-1 text-stone-600">
          Sign in the Coffer command line on a computer of yours, without typing your master
          password into a terminal.
        </p>
      </div>
      <Card>
        <CardHeader
          title="Code from your terminal"
          description="Run coffer login there and type the code it shows. Never type a code someone else sent you."
        />
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Field
            label="Code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="ABCDE-FGHJK"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setRequest(null);
            }}
            error={codeError}
          />
          {find.error && find.error.field !== "code" && <Alert>{find.error.message}</Alert>}
          <Button type="submit" busy={find.pending} busyLabel="Looking it up…" disabled={!code}>
            Continue
          </Button>
        </form>
      </Card>
      {request && (
        <Card aria-label="Sign-in request">
          <CardHeader
            title={`Sign in “${request.clientName}”?`}
            description="It will act as you until the session ends, like a browser would."
          />
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-stone-700">
            <dt className="font-medium">Requested</dt>
            <dd>{dateTime(request.createdAt)}</dd>
            <dt className="font-medium">From address</dt>
            <dd>{request.ipAddress ?? "unknown"}</dd>
          </dl>
          {!keyring && (
            <Alert tone="warning" className="mt-4">
              Unlock Coffer first: approving shares your key with the terminal.
            </Alert>
          )}
          {approve.error && <Alert className="mt-4">{approve.error.message}</Alert>}
          {deny.error && <Alert className="mt-4">{deny.error.message}</Alert>}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button
              variant="secondary"
              onClick={() => deny.run(request)}
              busy={deny.pending}
              busyLabel="Refusing…"
            >
              Refuse
            </Button>
            <Button
              onClick={() => approve.run(request)}
              busy={approve.pending}
              busyLabel="Approving…"
              disabled={!keyring || deny.pending}
            >
              Approve
            </Button>
          </div>
        </Card>
      )}
      {outcome === "approved" && (
        <Alert tone="success" title="Approved">
          Go back to your terminal: it is signed in. The session shows under Settings → Sessions.
        </Alert>
      )}
      {outcome === "denied" && (
        <Alert tone="info" title="Refused">
          The terminal was not signed in.
        </Alert>
      )}
    </div>
  );
}
