import {
  encryptVaultName,
  fromBase64Url,
  newVaultKey,
  sealVaultKey,
  signGrant,
  toBase64Url,
  type VaultRole,
} from "@/lib/crypto";
import type { GrantInput, PublicBundleDto, VaultEnvironmentDto } from "@/lib/api/vault";
import type { PersonKeys } from "../service-accounts";
import { trustStatus, type Contacts } from "./contacts";
import { newClientId } from "./ids";
import type { VaultSession } from "./vault-session";

/** Seals the vault key to one member and signs what they will rely on. */
export function buildGrant(input: {
  person: PersonKeys;
  vaultId: string;
  userId: string;
  keyVersion: number;
  role: VaultRole;
  vaultKey: Uint8Array;
  memberBoxPublicKey: string;
}): GrantInput {
  const sealedKey = sealVaultKey(input.vaultKey, fromBase64Url(input.memberBoxPublicKey));
  const grant = {
    vaultId: input.vaultId,
    userId: input.userId,
    keyVersion: input.keyVersion,
    role: input.role,
    memberBoxPublicKey: input.memberBoxPublicKey,
    sealedKey,
  };
  return {
    keyVersion: grant.keyVersion,
    role: grant.role,
    memberBoxPublicKey: grant.memberBoxPublicKey,
    sealedKey,
    signature: signGrant(input.person.signKeyPair.privateKey, grant),
  };
}

/**
 * The box key to seal to for a person, taken from this person's pins — never straight from
 * the server's directory — so a swapped key cannot receive a vault key silently.
 */
export function pinnedBoxKey(
  person: PersonKeys,
  contacts: Contacts,
  bundle: PublicBundleDto,
): string {
  const status = trustStatus(person, contacts, bundle);
  if (status === "self") return toBase64Url(person.boxKeyPair.publicKey);
  if (status === "confirmed" || status === "unconfirmed") {
    const pinned = contacts[bundle.userId];
    if (pinned) return pinned.boxPublicKey;
  }
  throw new Error(
    status === "changed" || status === "invalid"
      ? `${bundle.email}'s keys changed — a manager must re-confirm them before sharing.`
      : `Compare ${bundle.email}'s fingerprint before sharing with them.`,
  );
}

/** A new vault at key version 1, its only grant the creator's own. */
export async function createVault(
  session: VaultSession,
  name: string,
  environment: VaultEnvironmentDto | null,
): Promise<{ vaultId: string; keyVersion: 1; key: Uint8Array }> {
  const { person } = session;
  const vaultId = newClientId();
  const key = newVaultKey();
  const grant = buildGrant({
    person,
    vaultId,
    userId: person.userId,
    keyVersion: 1,
    role: "manage",
    vaultKey: key,
    memberBoxPublicKey: toBase64Url(person.boxKeyPair.publicKey),
  });
  await session.api.create({
    id: vaultId,
    encryptedName: encryptVaultName(key, name, vaultId, 1),
    environment,
    grant,
  });
  return { vaultId, keyVersion: 1, key };
}

/**
 * The grant for sharing with `bundle`, once this person has compared its fingerprint: the
 * comparison is the confirmation, so exactly the compared keys are pinned, and the key is
 * sealed to the pin.
 */
export async function grantAfterComparison(
  session: VaultSession,
  input: {
    vaultId: string;
    vaultKey: Uint8Array;
    keyVersion: number;
    bundle: PublicBundleDto;
    role: VaultRole;
  },
): Promise<GrantInput> {
  const contacts = await session.contacts.pin([input.bundle], true);
  return buildGrant({
    person: session.person,
    vaultId: input.vaultId,
    userId: input.bundle.userId,
    keyVersion: input.keyVersion,
    role: input.role,
    vaultKey: input.vaultKey,
    memberBoxPublicKey: pinnedBoxKey(session.person, contacts, input.bundle),
  });
}

/** A role change: a grant re-signed at the current version, sealed to the member's pin. */
export async function roleChangeGrant(
  session: VaultSession,
  input: {
    vaultId: string;
    vaultKey: Uint8Array;
    keyVersion: number;
    member: PublicBundleDto;
    role: VaultRole;
  },
): Promise<GrantInput> {
  const contacts = await session.contacts.load();
  return buildGrant({
    person: session.person,
    vaultId: input.vaultId,
    userId: input.member.userId,
    keyVersion: input.keyVersion,
    role: input.role,
    vaultKey: input.vaultKey,
    memberBoxPublicKey: pinnedBoxKey(session.person, contacts, input.member),
  });
}
