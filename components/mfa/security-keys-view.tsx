"use client";

import Link from "next/link";
import type { ShellAccount } from "../app-shell";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EnrolSecurityKey } from "./enrol-security-key";
import { KeyRow } from "./key-row";
import { RecoveryCodes } from "./recovery-codes";
import { RemovalProof } from "./removal-proof";
import { useSecurityKeys } from "./use-security-keys";

const totalRecoveryCodes = 10;

/** The person's own security keys and recovery codes, under Settings. */
export function SecurityKeysView({ account }: { account: ShellAccount }) {
  const {
    keys,
    status,
    loadError,
    notice,
    setNotice,
    codes,
    setCodes,
    rename,
    setRename,
    removal,
    setRemoval,
    regenerateOpen,
    setRegenerateOpen,
    regenerating,
    regenerateError,
    setRegenerateError,
    renameButtons,
    load,
    startRename,
    stopRename,
    saveRename,
    onRenameKeyDown,
    startRemoval,
    confirmRemoval,
    regenerate,
  } = useSecurityKeys();

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
