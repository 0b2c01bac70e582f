import {
  encryptVaultName,
  fromBase64Url,
  getSodium,
  newVaultKey,
  sealVaultKey,
  signGrant,
  toBase64Url,
  type VaultRole,
} from "@/lib/crypto";
import type { Keyring } from "@/lib/client/keyring";
import type { GrantInput, PublicBundleDto, VaultEnvironmentDto } from "@/lib/api/vault";
import type { Contacts } from "./contacts";
import { trustStatus } from "./contacts";
import { randomId } from "./ids";
import { vaultApi } from "./vault-api";

/** Seals the vault key to one member and signs what they will rely on. */
export function buildGrant(input: {
  keyring: Keyring;
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
    signature: signGrant(input.keyring.signKeyPair.privateKey, grant),
  };
}

export async function createVault(
  keyring: Keyring,
  name: string,
  environment: VaultEnvironmentDto | null,
): Promise<string> {
  await getSodium();
  const vaultId = randomId();
  const vaultKey = newVaultKey();
  const grant = buildGrant({
    keyring,
    vaultId,
    userId: keyring.userId,
    keyVersion: 1,
    role: "manage",
    vaultKey,
    memberBoxPublicKey: toBase64Url(keyring.boxKeyPair.publicKey),
  });
  await vaultApi.create({
    id: vaultId,
    encryptedName: encryptVaultName(vaultKey, name, vaultId, 1),
    environment,
    grant,
  });
  return vaultId;
}

/**
 * The box key to seal to for a person, taken from this user's pins — never straight from the
 * server's directory — so a swapped key cannot receive a vault key silently.
 */
export function pinnedBoxKey(
  keyring: Keyring,
  contacts: Contacts,
  bundle: PublicBundleDto,
): string {
  const status = trustStatus(keyring, contacts, bundle);
  if (status === "self") return toBase64Url(keyring.boxKeyPair.publicKey);
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
