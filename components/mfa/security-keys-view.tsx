"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { keyNickname, recoveryCode, type MfaStatusResponse, type SecurityKey } from "@/lib/api/mfa";
import { errorMessage } from "@/lib/client/api";
import { dateTime, relativeTime } from "@/lib/client/format";
import {
  getMfaStatus,
  listKeys,
  regenerateRecoveryCodes,
  removeKey,
  renameKey,
} from "@/lib/client/mfa";
import type { ShellAccount } from "../app-shell";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Field } from "../ui/field";
import { EnrolSecurityKey } from "./enrol-security-key";
import { keyErrorMessage } from "./key-error";
import { RecoveryCodes } from "./recovery-codes";

const totalRecoveryCodes = 10;

const transportLabels: Record<string, string> = {
  usb: "USB",
  nfc: "NFC",
  ble: "Bluetooth",
  internal: "Built in",
  hybrid: "Phone",
  cable: "Phone",
  "smart-card": "Smart card",
};

function transportsText(transports: string[]): string {
  return [...new Set(transports.map((transport) => transportLabels[transport] ?? transport))].join(
    ", ",
  );
}

interface Rename {
  keyId: string;
  value: string;
  error: string | null;
  saving: boolean;
}

interface Removal {
  key: SecurityKey;
  /** "key": a fresh check with another key; "code": one recovery code instead. */
  proof: "key" | "code";
  code: string;
  error: string | null;
  removing: boolean;
}

/** The person's own security keys and recovery codes, under Settings. */
export function SecurityKeysView({ account }: { account: ShellAccount }) {
  const [keys, setKeys] = useState<SecurityKey[] | null>(null);
  const [status, setStatus] = useState<MfaStatusResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [rename, setRename] = useState<Rename | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [regenerateOpen, setRegenerateOpen] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const [regenerateError, setRegenerateError] = useState<string | null>(null);
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());

  const load = useCallback(async () => {
    try {
      const [list, mfa] = await Promise.all([listKeys(), getMfaStatus()]);
      setKeys(list.keys);
      setStatus(mfa);
      setLoadError(null);
    } catch (caught) {
      setLoadError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // Loading data on mount is this effect's job; the state it sets comes from the network.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  function startRename(key: SecurityKey) {
    setNotice(null);
    setRename({ keyId: key.id, value: key.nickname, error: null, saving: false });
  }

  function stopRename(keyId: string) {
    setRename(null);
    // The input is gone after this render: the keyboard focus goes back to the Rename button.
    window.setTimeout(() => renameButtons.current.get(keyId)?.focus(), 0);
  }

  async function saveRename() {
    if (!rename || rename.saving) return;
    const parsed = keyNickname.safeParse(rename.value);
    if (!parsed.success) {
      setRename({
        ...rename,
        error: rename.value.trim() ? "Use at most 60 characters." : "Enter a nickname.",
      });
      return;
    }
    const unchanged = keys?.find((key) => key.id === rename.keyId)?.nickname === parsed.data;
    if (unchanged) return stopRename(rename.keyId);
    setRename({ ...rename, saving: true, error: null });
    try {
      await renameKey(rename.keyId, parsed.data);
      setKeys(
        (current) =>
          current?.map((key) =>
            key.id === rename.keyId ? { ...key, nickname: parsed.data } : key,
          ) ?? null,
      );
      setNotice(`Renamed to ${parsed.data}.`);
      stopRename(rename.keyId);
    } catch (caught) {
      setRename({ ...rename, saving: false, error: errorMessage(caught) });
    }
  }

  function onRenameKeyDown(event: KeyboardEvent<HTMLInputElement>, keyId: string) {
    if (event.key === "Enter") {
      event.preventDefault();
      void saveRename();
    } else if (event.key === "Escape") {
      event.preventDefault();
      stopRename(keyId);
    }
  }

  function startRemoval(key: SecurityKey) {
    setNotice(null);
    const otherKeys = (keys?.length ?? 0) > 1;
    setRemoval({ key, proof: otherKeys ? "key" : "code", code: "", error: null, removing: false });
  }

  async function confirmRemoval() {
    if (!removal || removal.removing) return;
    let proof: { recoveryCode?: string } = {};
    if (removal.proof === "code") {
      const parsed = recoveryCode.safeParse(removal.code);
      if (!removal.code.trim() || !parsed.success) {
        setRemoval({
          ...removal,
          error: "Enter one of your recovery codes: four groups of four letters and digits.",
        });
        return;
      }
      proof = { recoveryCode: parsed.data };
    }
    setRemoval({ ...removal, removing: true, error: null });
    try {
      await removeKey(removal.key.id, proof);
      setRemoval(null);
      setNotice(`Removed ${removal.key.nickname}.`);
      await load();
    } catch (caught) {
      setRemoval({ ...removal, removing: false, error: keyErrorMessage(caught) });
    }
  }

  async function regenerate() {
    if (regenerating) return;
    setRegenerating(true);
    setRegenerateError(null);
    try {
      // A sensitive action: the server asks for a fresh key check, which the step-up dialog
      // handles before this call is retried.
      const result = await regenerateRecoveryCodes();
      setRegenerateOpen(false);
      setNotice(null);
      setCodes(result.recoveryCodes);
      await load();
    } catch (caught) {
      setRegenerateError(keyErrorMessage(caught));
    } finally {
      setRegenerating(false);
    }
  }

  const header = (
    <div>
      <p className="text-sm">
        <Link href="/settings" className="text-stone-600 underline hover:text-stone-900">
          Settings
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-stone-900">Security keys</h1>
      <p className="mt-1 text-stone-600">
        Hardware keys such as a YubiKey confirm each sign-in after your master password.
      </p>
    </div>
  );

  if (codes) {
    return (
      <div className="space-y-6">
        {header}
        <Card>
          <RecoveryCodes
            codes={codes}
            email={account.email}
            headingLevel={2}
            continueLabel="Done"
            onContinue={() => setCodes(null)}
          />
        </Card>
      </div>
    );
  }

  const keyCount = keys?.length ?? 0;
  const codesLeft = status?.recoveryCodesLeft ?? 0;

  return (
    <div className="space-y-6">
      {header}
      {notice && <Alert tone="success">{notice}</Alert>}
      {status && !status.compliant && (
        <Alert tone="warning" title="Add a security key to keep using Coffer">
          Your organisation requires a security key. Until you add one, Coffer opens only this step.
        </Alert>
      )}

      <Card>
        <CardHeader
          title="Your keys"
          description="Any of these keys can confirm a sign-in. Give each a name you will recognise."
        />
        {loadError && <Alert className="mb-4">{loadError}</Alert>}
        {keys === null && !loadError && (
          <p role="status" className="text-sm text-stone-500">
            Loading security keys…
          </p>
        )}
        {keys !== null && keys.length === 0 && (
          <div className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center">
            <p className="font-medium text-stone-900">No security keys yet</p>
            <p className="mt-1 text-sm text-stone-600">
              Add one below. Coffer then asks for it each time you sign in, so a stolen password
              alone opens nothing.
            </p>
          </div>
        )}
        {keys !== null && keys.length > 0 && (
          <ul
            aria-label="Security keys"
            className="divide-y divide-stone-200 rounded-lg border border-stone-200"
          >
            {keys.map((key) => (
              <KeyRow
                key={key.id}
                securityKey={key}
                rename={rename?.keyId === key.id ? rename : null}
                busy={rename !== null || removal !== null}
                renameButtonRef={(element) => {
                  if (element) renameButtons.current.set(key.id, element);
                  else renameButtons.current.delete(key.id);
                }}
                onStartRename={() => startRename(key)}
                onRenameChange={(value) => rename && setRename({ ...rename, value, error: null })}
                onRenameKeyDown={(event) => onRenameKeyDown(event, key.id)}
                onSaveRename={saveRename}
                onCancelRename={() => stopRename(key.id)}
                onRemove={() => startRemoval(key)}
              />
            ))}
          </ul>
        )}
        {keyCount === 1 && (
          <Alert tone="info" title="Add a backup key" className="mt-4">
            With a single key, losing it leaves you with only your recovery codes. Register a second
            key below and keep it somewhere safe.
          </Alert>
        )}
      </Card>

      <Card>
        <EnrolSecurityKey
          // A fresh form (and nickname) after each key added.
          key={keyCount}
          headingLevel={2}
          defaultNickname={keyCount === 0 ? undefined : "Backup key"}
          description={
            keyCount === 0 ? (
              <p>
                Use a hardware key such as a YubiKey. Once it is added, Coffer asks for it at each
                sign-in, and you get ten recovery codes for when a key is lost.
              </p>
            ) : (
              <p>
                Keep a second key somewhere safe. Coffer may first ask you to confirm with a key you
                already have, then asks you to touch the new one.
              </p>
            )
          }
          onEnrolled={(enrolled) => {
            setNotice(`Added ${enrolled.key.nickname}.`);
            if (enrolled.recoveryCodes) setCodes(enrolled.recoveryCodes);
            void load();
          }}
        />
      </Card>

      {status && keyCount > 0 && (
        <Card>
          <CardHeader
            title="Recovery codes"
            description="Each code signs you in once in place of a key, for when your keys are lost."
            action={
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  setRegenerateError(null);
                  setRegenerateOpen(true);
                }}
                // Behind the modal this button is inert; hiding it leaves one button of this name.
                aria-hidden={regenerateOpen || undefined}
              >
                Regenerate recovery codes
              </Button>
            }
          />
          <p className="text-sm font-medium text-stone-900" data-testid="recovery-codes-left">
            {codesLeft} of {totalRecoveryCodes} recovery codes left
          </p>
          {codesLeft <= 3 && (
            <Alert tone="warning" className="mt-3">
              {codesLeft === 0
                ? "You have no recovery codes left. Make new ones now."
                : "You are running low on recovery codes. Make new ones soon."}
            </Alert>
          )}
        </Card>
      )}

      <ConfirmDialog
        open={removal !== null}
        title={removal ? `Remove ${removal.key.nickname}?` : "Remove key?"}
        confirmLabel="Remove key"
        busyLabel={removal?.proof === "key" ? "Waiting for your other key…" : "Removing…"}
        busy={removal?.removing ?? false}
        error={removal?.error}
        onConfirm={confirmRemoval}
        onCancel={() => setRemoval(null)}
      >
        {removal && (
          <RemovalProof
            removal={removal}
            hasOtherKeys={keyCount > 1}
            onChange={setRemoval}
            onSubmit={confirmRemoval}
          />
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={regenerateOpen}
        title="Regenerate recovery codes?"
        confirmLabel="Regenerate codes"
        busyLabel="Regenerating…"
        tone="primary"
        busy={regenerating}
        error={regenerateError}
        onConfirm={regenerate}
        onCancel={() => setRegenerateOpen(false)}
      >
        Your current codes stop working at once. Coffer shows the ten new ones a single time, so
        have somewhere ready to save them.
      </ConfirmDialog>
    </div>
  );
}

function KeyRow({
  securityKey: key,
  rename,
  busy,
  renameButtonRef,
  onStartRename,
  onRenameChange,
  onRenameKeyDown,
  onSaveRename,
  onCancelRename,
  onRemove,
}: {
  securityKey: SecurityKey;
  rename: Rename | null;
  busy: boolean;
  renameButtonRef: (element: HTMLButtonElement | null) => void;
  onStartRename: () => void;
  onRenameChange: (value: string) => void;
  onRenameKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onSaveRename: () => void;
  onCancelRename: () => void;
  onRemove: () => void;
}) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const transports = transportsText(key.transports);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="key">
      <div className="min-w-0 flex-1">
        {rename ? (
          <div>
            <label htmlFor={inputId} className="sr-only">
              New nickname for {key.nickname}
            </label>
            <input
              id={inputId}
              value={rename.value}
              maxLength={60}
              autoComplete="off"
              disabled={rename.saving}
              aria-invalid={rename.error ? true : undefined}
              aria-describedby={rename.error ? errorId : undefined}
              onChange={(event) => onRenameChange(event.target.value)}
              onKeyDown={onRenameKeyDown}
              autoFocus
              onFocus={(event) => event.target.select()}
              className="block w-full max-w-xs rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500 disabled:bg-stone-100"
            />
            {rename.error ? (
              <p id={errorId} className="mt-1 text-sm text-red-700">
                {rename.error}
              </p>
            ) : (
              <p className="mt-1 text-xs text-stone-500">Enter saves, Escape cancels.</p>
            )}
          </div>
        ) : (
          <p className="font-medium break-words text-stone-900">{key.nickname}</p>
        )}
        <p className="mt-0.5 text-xs text-stone-500">
          Added {dateTime(key.createdAt)}
          {" · "}Last used{" "}
          {key.lastUsedAt ? (
            <span title={dateTime(key.lastUsedAt)}>{relativeTime(key.lastUsedAt)}</span>
          ) : (
            "Never"
          )}
          {transports && <> · {transports}</>}
        </p>
      </div>
      <div className="flex gap-2">
        {rename ? (
          <>
            <Button size="sm" onClick={onSaveRename} busy={rename.saving} busyLabel="Saving…">
              Save
            </Button>
            <Button variant="secondary" size="sm" onClick={onCancelRename} disabled={rename.saving}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button
              ref={renameButtonRef}
              variant="secondary"
              size="sm"
              onClick={onStartRename}
              disabled={busy}
              aria-label={`Rename ${key.nickname}`}
            >
              Rename
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={onRemove}
              disabled={busy}
              aria-label={`Remove ${key.nickname}`}
            >
              Remove
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

/** What removing a key asks for: another key, or a recovery code. */
function RemovalProof({
  removal,
  hasOtherKeys,
  onChange,
  onSubmit,
}: {
  removal: Removal;
  hasOtherKeys: boolean;
  onChange: (removal: Removal) => void;
  onSubmit: () => void;
}) {
  // Enrolling once makes keys required for good (User.mfaRequired): no way back to none.
  const lastKeyNote = !hasOtherKeys && (
    <p className="mt-2">
      This is your only key. Your account keeps requiring one, so add a new key straight after.
    </p>
  );
  if (removal.proof === "key") {
    return (
      <div>
        <p>
          Confirm with another of your keys (a key cannot vouch for its own removal). It stops
          working for your account at once.
        </p>
        <button
          type="button"
          className="mt-2 font-medium text-stone-800 underline hover:text-stone-900 disabled:text-stone-400"
          onClick={() => onChange({ ...removal, proof: "code", error: null })}
          disabled={removal.removing}
        >
          Use a recovery code instead
        </button>
      </div>
    );
  }
  return (
    <div>
      <p>
        {hasOtherKeys
          ? "Enter one of your recovery codes instead of a key check. The code is used up."
          : "Enter one of your recovery codes to confirm. The code is used up."}
      </p>
      {lastKeyNote}
      <Field
        className="mt-3 [&_input]:font-mono"
        label="Recovery code"
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="XXXX-XXXX-XXXX-XXXX"
        value={removal.code}
        disabled={removal.removing}
        onChange={(event) => onChange({ ...removal, code: event.target.value, error: null })}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            onSubmit();
          }
        }}
        autoFocus
      />
    </div>
  );
}
