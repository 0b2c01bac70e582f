import {
  authSecretHash,
  decryptTrustedGranters,
  encryptTrustedGranters,
  formatMachineToken,
  fromBase64Url,
  generateServiceAccountKeys,
  machineTokenId,
  newMachineToken,
  openServiceAccountKey,
  requireSodium,
  sealServiceAccountKey,
  sealVaultKey,
  signServiceAccountBundle,
  signServiceAccountGrant,
  toBase64Url,
  wrapSaKeyForToken,
  wrapServiceAccountPrivateKey,
  type MachineScope,
  type MachineTokenKind,
  type TrustedGranter,
} from "@/lib/crypto";
import type {
  CreateMachineTokenRequest,
  CreateServiceAccountRequest,
  GrantServiceAccountRequest,
  ServiceAccountDetailResponse,
} from "@/lib/api/machine";
import type { UnlockedAccount } from "./unlocked-account";

/** The part of an unlocked account that acting on service accounts needs. */
export type PersonKeys = Pick<UnlockedAccount, "userId" | "boxKeyPair" | "signKeyPair">;

/** A random client-chosen id, bound into the account's associated data. */
function newServiceAccountId(): string {
  return toBase64Url(requireSodium().randombytes_buf(16));
}

/**
 * A new service account, made entirely on the person's device: its keypairs, its saKey sealed
 * to the creator, and a trusted-granters list holding the creator's own signing key, so the
 * creator can grant it vaults straight away.
 */
export function buildServiceAccount(input: {
  person: PersonKeys;
  name: string;
  description: string;
  maxTokenTtlSeconds: number;
}): CreateServiceAccountRequest {
  const id = newServiceAccountId();
  const keys = generateServiceAccountKeys();
  const bundle = {
    serviceAccountId: id,
    signPublicKey: toBase64Url(keys.signKeyPair.publicKey),
    boxPublicKey: toBase64Url(keys.boxKeyPair.publicKey),
  };
  const trusted: TrustedGranter[] = [
    { userId: input.person.userId, signPublicKey: toBase64Url(input.person.signKeyPair.publicKey) },
  ];
  return {
    id,
    name: input.name,
    description: input.description,
    maxTokenTtlSeconds: input.maxTokenTtlSeconds,
    keys: {
      ...bundle,
      bundleSignature: signServiceAccountBundle(keys.signKeyPair.privateKey, bundle),
      wrappedBoxPrivateKey: wrapServiceAccountPrivateKey(
        keys.saKey,
        keys.boxKeyPair.privateKey,
        id,
        "box",
      ),
      wrappedSignPrivateKey: wrapServiceAccountPrivateKey(
        keys.saKey,
        keys.signKeyPair.privateKey,
        id,
        "sign",
      ),
    },
    trustedGranters: encryptTrustedGranters(keys.saKey, trusted, id, 1),
    managers: [
      {
        userId: input.person.userId,
        sealedSaKey: sealServiceAccountKey(keys.saKey, input.person.boxKeyPair.publicKey),
      },
    ],
  };
}

/** The manager's saKey, from their sealed copy in the account's detail. */
export function unsealServiceAccountKey(
  person: PersonKeys,
  detail: ServiceAccountDetailResponse,
): Uint8Array {
  if (!detail.sealedSaKey) throw new Error("You do not manage this service account.");
  return openServiceAccountKey(detail.sealedSaKey, person.boxKeyPair);
}

/**
 * A token made on the person's device: the server receives the hash of its auth secret and the
 * saKey wrapped under its tokenKey, and the full token text is shown once, here.
 */
export function buildMachineToken(input: {
  saKey: Uint8Array;
  kind: MachineTokenKind;
  name?: string;
  ttlSeconds: number;
  maxUses?: number | null;
  allowedCidrs?: string[];
  vaultIds?: string[];
  readOnly?: boolean;
}): { request: CreateMachineTokenRequest; token: string } {
  const token = newMachineToken(input.kind);
  return {
    token: formatMachineToken(token),
    request: {
      id: machineTokenId(token),
      kind: input.kind,
      name: input.name ?? "",
      authSecretHash: authSecretHash(token.authSecret),
      wrappedSaKey: wrapSaKeyForToken(token, input.saKey),
      ttlSeconds: input.ttlSeconds,
      maxUses: input.maxUses ?? null,
      allowedCidrs: input.allowedCidrs ?? [],
      vaultIds: input.vaultIds ?? [],
      readOnly: input.readOnly ?? false,
    },
  };
}

/**
 * A vault grant to a service account. `accountBoxPublicKey` must come from the manager's own
 * pin of the account (after a fingerprint check), never straight from the server. When the
 * granter is not yet on the account's trusted list they add themselves (they hold saKey), or
 * the machine would refuse the grant.
 */
export function buildServiceAccountGrant(input: {
  person: PersonKeys;
  saKey: Uint8Array;
  detail: ServiceAccountDetailResponse;
  accountBoxPublicKey: string;
  vaultId: string;
  vaultKey: Uint8Array;
  keyVersion: number;
  scope: MachineScope;
}): GrantServiceAccountRequest {
  const account = input.detail.serviceAccount;
  const sealedKey = sealVaultKey(input.vaultKey, fromBase64Url(input.accountBoxPublicKey));
  const grant = {
    vaultId: input.vaultId,
    serviceAccountId: account.id,
    keyVersion: input.keyVersion,
    scope: input.scope,
    boxPublicKey: input.accountBoxPublicKey,
    sealedKey,
  };
  const trusted = decryptTrustedGranters(
    input.saKey,
    account.trustedGranters,
    account.id,
    account.trustedGrantersRevision,
  );
  const ownKey = toBase64Url(input.person.signKeyPair.publicKey);
  const listed = trusted.some(
    (entry) => entry.userId === input.person.userId && entry.signPublicKey === ownKey,
  );
  return {
    serviceAccountId: account.id,
    grant: {
      keyVersion: grant.keyVersion,
      scope: grant.scope,
      boxPublicKey: grant.boxPublicKey,
      sealedKey,
      signature: signServiceAccountGrant(input.person.signKeyPair.privateKey, grant),
    },
    ...(listed
      ? {}
      : {
          trustedGranters: {
            envelope: encryptTrustedGranters(
              input.saKey,
              [
                ...trusted.filter((entry) => entry.userId !== input.person.userId),
                { userId: input.person.userId, signPublicKey: ownKey },
              ],
              account.id,
              account.trustedGrantersRevision + 1,
            ),
            baseRevision: account.trustedGrantersRevision,
          },
        }),
  };
}
