"use client";

import { useEffect, useState } from "react";
import { fingerprintHex, fingerprintWords, getSodium, type VaultRole } from "@/lib/crypto";
import type { MemberDto, PublicBundleDto } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import { bundleIsValid, loadContacts, pinContact } from "@/lib/client/vaults/contacts";
import { buildGrant, pinnedBoxKey } from "@/lib/client/vaults/grants";
import { rotateVaultKey } from "@/lib/client/vaults/rotate";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { VaultServiceAccounts } from "@/components/service-accounts/vault-service-accounts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ROLE_LABELS, TrustBadge } from "./badges";
import { Modal } from "@/components/ui/modal";
import { RotationProgress } from "./rotation-progress";
import { SelectField } from "./select-field";
import type { LoadedVault } from "./use-vault";

const ROLE_OPTIONS = (["view", "edit", "manage"] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

export function MembersPanel({
  vault,
  reload,
}: {
  vault: LoadedVault;
  reload: () => Promise<void>;
}) {
  const keyring = useKeyring();
  const { detail, opened, trust } = vault;
  const vaultId = detail.vault.id;
  const [adding, setAdding] = useState<{ reconfirm?: MemberDto } | null>(null);
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function changeRole(member: MemberDto, role: VaultRole, reconfirmed = false) {
    if (!keyring || !opened.key) return;
    setError(null);
    try {
      const contacts = await loadContacts(keyring);
      const grant = buildGrant({
        keyring,
        vaultId,
        userId: member.userId,
        keyVersion: detail.vault.keyVersion,
        role,
        vaultKey: opened.key,
        memberBoxPublicKey: pinnedBoxKey(keyring, contacts, member),
      });
      await vaultApi.changeRole(vaultId, member.userId, grant);
      await reload();
      setNotice(
        reconfirmed
          ? `${member.email}'s keys are confirmed again.`
          : `${member.email} is now ${ROLE_LABELS[role].toLowerCase()}.`,
      );
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function remove() {
    if (!keyring || !removing) return;
    const member = removing;
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      await rotateVaultKey({
        keyring,
        vaultId,
        removeUserIds: [member.userId],
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setRemoving(null);
      await reload();
      setNotice(`Key rotated; ${member.email} no longer has access.`);
    } catch (caught) {
      setError(errorMessage(caught));
      setRemoving(null);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Members"
        description="Removing someone rotates the vault key, so the copy they had stops opening anything."
        action={<Button onClick={() => setAdding({})}>Add member</Button>}
      />
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {error && <Alert className="mb-4">{error}</Alert>}
      {progress && !removing && <RotationProgress {...progress} />}
      <ul className="divide-y divide-stone-100">
        {detail.members.map((member) => {
          const status = trust.get(member.userId) ?? "unknown";
          const self = member.userId === keyring?.userId;
          return (
            <li
              key={member.userId}
              data-testid="member-row"
              className="flex flex-wrap items-center gap-3 py-3"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-stone-900">
                  {member.name}{" "}
                  {self && <span className="text-xs font-normal text-stone-500">(you)</span>}
                </p>
                <p className="truncate text-sm text-stone-600">{member.email}</p>
              </div>
              <TrustBadge status={status} />
              {(status === "changed" || status === "unknown") && !self && (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setAdding({ reconfirm: member })}
                >
                  Re-confirm
                </Button>
              )}
              <SelectField
                label={`Change access for ${member.email}`}
                hideLabel
                value={member.role}
                disabled={self}
                onChange={(role) => void changeRole(member, role as VaultRole)}
                options={ROLE_OPTIONS}
              />
              {!self && (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setRemoving(member)}
                  aria-label={`Remove ${member.email}`}
                >
                  Remove
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {/* Keyed by key version: a rotation anywhere in the panel refreshes the list. */}
      <VaultServiceAccounts
        key={detail.vault.keyVersion}
        vaultId={vaultId}
        onRotated={async (message) => {
          await reload();
          setNotice(message);
        }}
      />

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.email ?? ""}?`}
        confirmLabel="Remove and rotate key"
        busy={progress !== null}
        busyLabel="Rotating…"
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Coffer makes a new vault key, re-encrypts every item and its history on this device, and
          shares the new key with everyone else. {removing?.name} keeps anything they already
          copied: change those secrets too.
        </p>
        {progress && (
          <div className="mt-3">
            <RotationProgress {...progress} />
          </div>
        )}
      </ConfirmDialog>

      {adding && (
        <AddMemberDialog
          vault={vault}
          reconfirm={adding.reconfirm}
          onClose={() => setAdding(null)}
          onDone={async (message, member, role) => {
            setAdding(null);
            if (member && role) await changeRole(member, role, true);
            else await reload();
            setNotice(message);
          }}
        />
      )}
    </Card>
  );
}

/**
 * The share flow: pick a person, compare their fingerprint, seal the vault key to the keys
 * compared. Also opened from an onboarding task on Home, with `preselect` naming the newcomer
 * (the only person offered) and the role the invite asked for.
 */
export function AddMemberDialog({
  vault,
  reconfirm,
  preselect,
  title,
  onClose,
  onDone,
}: {
  vault: Pick<LoadedVault, "detail" | "opened">;
  reconfirm?: MemberDto;
  preselect?: { userId: string; role: VaultRole };
  title?: string;
  onClose: () => void;
  onDone: (message: string, member?: MemberDto, role?: VaultRole) => Promise<void>;
}) {
  const keyring = useKeyring();
  const { detail, opened } = vault;
  const [people, setPeople] = useState<PublicBundleDto[] | null>(null);
  const [userId, setUserId] = useState(reconfirm?.userId ?? preselect?.userId ?? "");
  const [compared, setCompared] = useState(false);
  const [role, setRole] = useState<VaultRole>(reconfirm?.role ?? preselect?.role ?? "edit");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([getSodium(), vaultApi.directory()])
      .then(([, { users }]) => current && setPeople(users))
      .catch((caught) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, []);

  const memberIds = new Set(detail.members.map((member) => member.userId));
  const candidates = (people ?? []).filter((person) =>
    reconfirm
      ? person.userId === reconfirm.userId
      : !memberIds.has(person.userId) && (!preselect || person.userId === preselect.userId),
  );
  const person = candidates.find((candidate) => candidate.userId === userId);
  const valid = person ? bundleIsValid(person) : false;
  const bundle = person && {
    userId: person.userId,
    email: person.email,
    signPublicKey: person.signPublicKey,
    boxPublicKey: person.boxPublicKey,
  };

  async function share() {
    if (!keyring || !opened.key || !person || !valid || !compared) return;
    setBusy(true);
    setError(null);
    try {
      // The comparison just made is the confirmation: pin exactly the keys that were compared.
      const contacts = await pinContact(keyring, person, true);
      if (reconfirm) {
        await onDone(`${person.email}'s keys are confirmed.`, reconfirm, reconfirm.role);
        return;
      }
      const grant = buildGrant({
        keyring,
        vaultId: detail.vault.id,
        userId: person.userId,
        keyVersion: detail.vault.keyVersion,
        role,
        vaultKey: opened.key,
        memberBoxPublicKey: pinnedBoxKey(keyring, contacts, person),
      });
      await vaultApi.addMember(detail.vault.id, person.userId, grant);
      await onDone(
        `${person.email} can now open ${opened.name} as ${ROLE_LABELS[role].toLowerCase()}.`,
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      wide
      busy={busy}
      onClose={onClose}
      title={title ?? (reconfirm ? `Re-confirm ${reconfirm.email}` : "Add member")}
      description="The vault key is sealed on this device to the person's public key. Compare their fingerprint first, so nobody (not even the server) can slip in a key of their own."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void share();
        }}
      >
        {people === null && !error && (
          <p role="status" className="text-sm text-stone-500">
            Loading people…
          </p>
        )}
        {people !== null &&
          !reconfirm &&
          (candidates.length === 0 ? (
            <p className="text-sm text-stone-600">
              {preselect
                ? "This person is already a member, or cannot receive the vault key yet."
                : "Everyone in the organisation is already a member."}
            </p>
          ) : (
            <SelectField
              label="Person"
              value={userId}
              onChange={(value) => {
                setUserId(value);
                setCompared(false);
              }}
              options={[
                { value: "", label: "Choose a person…" },
                ...candidates.map((candidate) => ({
                  value: candidate.userId,
                  label: `${candidate.name} <${candidate.email}>`,
                })),
              ]}
            />
          ))}
        {person && bundle && !valid && (
          <Alert>
            This person&apos;s key bundle does not verify. Do not share with them until it is fixed.
          </Alert>
        )}
        {person && bundle && valid && (
          <div className="rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
            <p className="text-sm text-stone-700">
              Ask {person.name} to open their Home page and read their fingerprint to you, in person
              or on a call:
            </p>
            <p
              data-testid="share-fingerprint"
              className="mt-2 font-mono text-sm tracking-wide break-words text-stone-900"
            >
              {fingerprintHex(bundle)}
            </p>
            <p className="mt-1 text-sm text-stone-600">
              <span className="text-stone-500">Words: </span>
              <span className="font-medium text-stone-800">
                {fingerprintWords(bundle).join(" ")}
              </span>
            </p>
            <label className="mt-3 flex items-center gap-2 text-sm font-medium text-stone-900">
              <input
                type="checkbox"
                checked={compared}
                onChange={(event) => setCompared(event.target.checked)}
              />
              I compared the fingerprint
            </label>
          </div>
        )}
        {!reconfirm && (
          <SelectField
            label="Role"
            value={role}
            onChange={(value) => setRole(value as VaultRole)}
            options={ROLE_OPTIONS}
          />
        )}
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            disabled={!person || !valid || !compared}
            busy={busy}
            busyLabel="Sealing the key…"
          >
            {reconfirm ? "Confirm keys" : "Share"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
