"use client";

import { useCallback, useState } from "react";
import { getSodium, type VaultRole } from "@/lib/crypto";
import type { MemberDto, PublicBundleDto } from "@/lib/api/vault";
import { bundleIsValid, pinContact } from "@/lib/client/vaults/contacts";
import { buildGrant, pinnedBoxKey } from "@/lib/client/vaults/grants";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { ROLE_LABELS } from "../badges";
import { SelectField } from "../select-field";
import type { LoadedVault } from "../use-vault";
import { FingerprintCheck } from "./fingerprint-check";
import { ROLE_OPTIONS } from "./role-options";

// Sodium is readied with the directory: the fingerprints shown next need it.
const loadDirectory = () =>
  Promise.all([getSodium(), vaultApi.directory()]).then(([, { users }]) => users);

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
  const directory = useResource(loadDirectory);
  const [userId, setUserId] = useState(reconfirm?.userId ?? preselect?.userId ?? "");
  const [compared, setCompared] = useState(false);
  const [role, setRole] = useState<VaultRole>(reconfirm?.role ?? preselect?.role ?? "edit");

  const people = directory.data;
  const memberIds = new Set(detail.members.map((member) => member.userId));
  const candidates = (people ?? []).filter((person) =>
    reconfirm
      ? person.userId === reconfirm.userId
      : !memberIds.has(person.userId) && (!preselect || person.userId === preselect.userId),
  );
  const person = candidates.find((candidate) => candidate.userId === userId);
  const valid = person ? bundleIsValid(person) : false;

  const share = useAction(
    useCallback(
      async (person: PublicBundleDto) => {
        if (!keyring || !opened.key) return;
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
      },
      [keyring, opened, reconfirm, onDone, detail.vault.id, detail.vault.keyVersion, role],
    ),
  );
  const error = directory.error ?? share.error?.message ?? null;

  return (
    <Modal
      open
      wide
      busy={share.pending}
      onClose={onClose}
      title={title ?? (reconfirm ? `Re-confirm ${reconfirm.email}` : "Add member")}
      description="The vault key is sealed on this device to the person's public key. Compare their fingerprint first, so nobody (not even the server) can slip in a key of their own."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (person && valid && compared) void share.run(person);
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
        {person && !valid && (
          <Alert>
            This person&apos;s key bundle does not verify. Do not share with them until it is fixed.
          </Alert>
        )}
        {person && valid && (
          <FingerprintCheck person={person} compared={compared} onComparedChange={setCompared} />
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
          <Button variant="secondary" onClick={onClose} disabled={share.pending}>
            Cancel
          </Button>
          <Button
            type="submit"
            disabled={!person || !valid || !compared}
            busy={share.pending}
            busyLabel="Sealing the key…"
          >
            {reconfirm ? "Confirm keys" : "Share"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
