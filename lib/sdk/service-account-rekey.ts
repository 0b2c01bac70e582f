import {
  encryptTrustedGranters,
  fromBase64Url,
  generateServiceAccountKeys,
  requireSodium,
  sealServiceAccountKey,
  sealVaultKey,
  signServiceAccountBundle,
  signServiceAccountGrant,
  toBase64Url,
  wrapServiceAccountPrivateKey,
  type TrustedGranter,
} from "@/lib/crypto";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import type {
  AddServiceAccountManagerRequest,
  RekeyServiceAccountRequest,
} from "@/lib/api/service-account-rekey";
import type { PersonKeys } from "./service-accounts";

/**
 * A person's public keys as the acting person verified them (their own, or a pinned contact
 * whose fingerprint they compared). DO NOT pass the server's bundle unchecked: a box key the
 * server swapped in would receive saKey.
 */
export interface VerifiedPerson {
  userId: string;
  boxPublicKey: string;
  signPublicKey: string;
}

/** A vault key this person holds, for a grant they re-make to the account's new box key. */
export interface HeldVaultKey {
  vaultId: string;
  keyVersion: number;
  vaultKey: Uint8Array;
}

/**
 * Re-keys a service account on this device: new keypairs and a new saKey, nothing of the old
 * ones reused, so whoever kept the old saKey (a manager who left) opens nothing afterwards.
 * saKey is sealed to the acting person and the managers they verified; the trusted granters
 * become exactly those people, so a departed granter's signature is no longer accepted; and
 * each of the account's grants whose vault key this person holds is re-sealed and signed by
 * them. The rest are dropped for a manager of those vaults to grant again.
 */
export function buildServiceAccountRekey(input: {
  person: PersonKeys;
  detail: ServiceAccountDetailResponse;
  managers: VerifiedPerson[];
  vaultKeys: HeldVaultKey[];
}): {
  request: RekeyServiceAccountRequest;
  keys: { boxPublicKey: string; signPublicKey: string; bundleSignature: string };
} {
  const account = input.detail.serviceAccount;
  const self: VerifiedPerson = {
    userId: input.person.userId,
    boxPublicKey: toBase64Url(input.person.boxKeyPair.publicKey),
    signPublicKey: toBase64Url(input.person.signKeyPair.publicKey),
  };
  const managers = [self, ...input.managers.filter((entry) => entry.userId !== self.userId)];
  const fresh = generateServiceAccountKeys();
  try {
    const bundle = {
      serviceAccountId: account.id,
      signPublicKey: toBase64Url(fresh.signKeyPair.publicKey),
      boxPublicKey: toBase64Url(fresh.boxKeyPair.publicKey),
    };
    const keys = {
      ...bundle,
      bundleSignature: signServiceAccountBundle(fresh.signKeyPair.privateKey, bundle),
    };
    const trusted: TrustedGranter[] = managers.map(({ userId, signPublicKey }) => ({
      userId,
      signPublicKey,
    }));
    const held = new Map(input.vaultKeys.map((entry) => [entry.vaultId, entry]));
    const grants = input.detail.grants.flatMap((grant) => {
      const vault = held.get(grant.vaultId);
      if (!vault || vault.keyVersion !== grant.keyVersion) return [];
      const sealedKey = sealVaultKey(vault.vaultKey, fresh.boxKeyPair.publicKey);
      const signed = {
        vaultId: grant.vaultId,
        serviceAccountId: account.id,
        keyVersion: grant.keyVersion,
        scope: grant.scope,
        boxPublicKey: bundle.boxPublicKey,
        sealedKey,
      };
      return [
        {
          vaultId: grant.vaultId,
          keyVersion: grant.keyVersion,
          scope: grant.scope,
          boxPublicKey: bundle.boxPublicKey,
          sealedKey,
          signature: signServiceAccountGrant(input.person.signKeyPair.privateKey, signed),
        },
      ];
    });
    return {
      keys,
      request: {
        baseRevision: account.trustedGrantersRevision,
        keys: {
          ...keys,
          wrappedBoxPrivateKey: wrapServiceAccountPrivateKey(
            fresh.saKey,
            fresh.boxKeyPair.privateKey,
            account.id,
            "box",
          ),
          wrappedSignPrivateKey: wrapServiceAccountPrivateKey(
            fresh.saKey,
            fresh.signKeyPair.privateKey,
            account.id,
            "sign",
          ),
        },
        trustedGranters: encryptTrustedGranters(
          fresh.saKey,
          trusted,
          account.id,
          account.trustedGrantersRevision + 1,
        ),
        managers: managers.map((manager) => ({
          userId: manager.userId,
          sealedSaKey: sealServiceAccountKey(fresh.saKey, fromBase64Url(manager.boxPublicKey)),
        })),
        grants,
      },
    };
  } finally {
    const sodium = requireSodium();
    sodium.memzero(fresh.saKey);
    sodium.memzero(fresh.boxKeyPair.privateKey);
    sodium.memzero(fresh.signKeyPair.privateKey);
  }
}

/** saKey sealed to a new manager's verified box key by a manager who holds it. */
export function buildManagerCopy(
  saKey: Uint8Array,
  newManager: Pick<VerifiedPerson, "userId" | "boxPublicKey">,
): AddServiceAccountManagerRequest {
  return {
    userId: newManager.userId,
    sealedSaKey: sealServiceAccountKey(saKey, fromBase64Url(newManager.boxPublicKey)),
  };
}
