import { fromBase64Url, toBase64Url } from "./base64url";
import { compose } from "./compose";
import { openEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { signMessage, verifyMessage } from "./sign";
import { requireSodium } from "./sodium";
import type { KeyPair, PrivateKeyKind } from "./user-keys";
import { openVaultKey } from "./vault-keys";

const SA_KEY_BYTES = 32;

/**
 * A service account's keys. Its private keys are wrapped by `saKey`, which reaches people only
 * sealed to their box key and machines only wrapped under a token's tokenKey: the server holds
 * every copy and can open none.
 */
export function generateServiceAccountKeys(): {
  saKey: Uint8Array;
  boxKeyPair: KeyPair;
  signKeyPair: KeyPair;
} {
  const sodium = requireSodium();
  const box = sodium.crypto_box_keypair();
  const sign = sodium.crypto_sign_keypair();
  return {
    saKey: sodium.randombytes_buf(SA_KEY_BYTES),
    boxKeyPair: { publicKey: box.publicKey, privateKey: box.privateKey },
    signKeyPair: { publicKey: sign.publicKey, privateKey: sign.privateKey },
  };
}

// Bound to the account and the key's role, as for people: the server cannot hand one account's
// wrapped key to another, nor swap the box and sign keys.
export function serviceAccountPrivateKeyAd(serviceAccountId: string, kind: PrivateKeyKind): string {
  return compose("coffer", "saprivkey", "v1", serviceAccountId, kind);
}

export function wrapServiceAccountPrivateKey(
  saKey: Uint8Array,
  privateKey: Uint8Array,
  serviceAccountId: string,
  kind: PrivateKeyKind,
): string {
  return sealEnvelope(saKey, privateKey, serviceAccountPrivateKeyAd(serviceAccountId, kind));
}

export function unwrapServiceAccountPrivateKey(
  saKey: Uint8Array,
  wrapped: string,
  serviceAccountId: string,
  kind: PrivateKeyKind,
): Uint8Array {
  return openEnvelope(
    saKey,
    wrapped,
    serviceAccountPrivateKeyAd(serviceAccountId, kind),
    `service account ${kind} key`,
  );
}

/** saKey for one person who manages the account (to mint tokens and re-grant). */
export function sealServiceAccountKey(saKey: Uint8Array, managerBoxPublicKey: Uint8Array): string {
  if (saKey.length !== SA_KEY_BYTES) {
    throw new Error(`sealServiceAccountKey: saKey must be ${SA_KEY_BYTES} bytes`);
  }
  return toBase64Url(requireSodium().crypto_box_seal(saKey, managerBoxPublicKey));
}

export function openServiceAccountKey(sealed: string, boxKeyPair: KeyPair): Uint8Array {
  let saKey: Uint8Array;
  try {
    saKey = requireSodium().crypto_box_seal_open(
      fromBase64Url(sealed),
      boxKeyPair.publicKey,
      boxKeyPair.privateKey,
    );
  } catch {
    throw new CryptoError("service account key");
  }
  if (saKey.length !== SA_KEY_BYTES) throw new CryptoError("service account key");
  return saKey;
}

/** A service account's public identity, self-signed like a person's bundle. */
export type ServiceAccountBundle = {
  serviceAccountId: string;
  signPublicKey: string;
  boxPublicKey: string;
};

export function serviceAccountBundleMessage(bundle: ServiceAccountBundle): string {
  return compose(
    "coffer-sa-bundle-v1",
    bundle.serviceAccountId,
    bundle.signPublicKey,
    bundle.boxPublicKey,
  );
}

export function signServiceAccountBundle(
  signPrivateKey: Uint8Array,
  bundle: ServiceAccountBundle,
): string {
  return toBase64Url(signMessage(signPrivateKey, serviceAccountBundleMessage(bundle)));
}

export function verifyServiceAccountBundle(
  bundle: ServiceAccountBundle,
  signature: string,
): boolean {
  try {
    return verifyMessage(
      fromBase64Url(bundle.signPublicKey),
      serviceAccountBundleMessage(bundle),
      fromBase64Url(signature),
    );
  } catch {
    return false;
  }
}

/** The people whose grants a machine accepts: their ids and pinned signing keys. */
export type TrustedGranter = { userId: string; signPublicKey: string };

/**
 * The list is encrypted under saKey, so only the account's managers can write it: the server
 * cannot add a key of its own and then have the machine accept a grant it forged. The revision
 * is bound into the AD so a list cannot be passed off under another revision number.
 */
export function trustedGrantersAd(serviceAccountId: string, revision: number): string {
  return compose("coffer", "satrust", "v1", serviceAccountId, revision);
}

export function encryptTrustedGranters(
  saKey: Uint8Array,
  granters: TrustedGranter[],
  serviceAccountId: string,
  revision: number,
): string {
  const plaintext = new TextEncoder().encode(JSON.stringify(granters));
  return sealEnvelope(saKey, plaintext, trustedGrantersAd(serviceAccountId, revision));
}

export function decryptTrustedGranters(
  saKey: Uint8Array,
  envelope: string,
  serviceAccountId: string,
  revision: number,
): TrustedGranter[] {
  const bytes = openEnvelope(
    saKey,
    envelope,
    trustedGrantersAd(serviceAccountId, revision),
    "trusted granters",
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new CryptoError("trusted granters");
  }
  if (
    !Array.isArray(parsed) ||
    !parsed.every(
      (entry: unknown): entry is TrustedGranter =>
        typeof entry === "object" &&
        entry !== null &&
        typeof (entry as TrustedGranter).userId === "string" &&
        typeof (entry as TrustedGranter).signPublicKey === "string",
    )
  ) {
    throw new CryptoError("trusted granters");
  }
  return parsed.map(({ userId, signPublicKey }) => ({ userId, signPublicKey }));
}

/** Compared out of band by a manager before pinning, exactly like a person's fingerprint. */
export function serviceAccountFingerprint(bundle: ServiceAccountBundle): Uint8Array {
  const sodium = requireSodium();
  return sodium.crypto_generichash(
    32,
    sodium.from_string(serviceAccountBundleMessage(bundle)),
    null,
  );
}

/** What a machine may do with a vault it is granted. */
export type MachineScope = "read" | "readwrite";

/**
 * A service account's access to one key version of a vault. Its own message prefix keeps a
 * machine grant from ever being read as a person's grant (scope and role are different
 * vocabularies), and every field the machine relies on is signed, as for people.
 */
export type ServiceAccountGrant = {
  vaultId: string;
  serviceAccountId: string;
  keyVersion: number;
  scope: MachineScope;
  boxPublicKey: string;
  sealedKey: string;
};

export function serviceAccountGrantMessage(grant: ServiceAccountGrant): string {
  return compose(
    "coffer-sagrant-v1",
    grant.vaultId,
    grant.serviceAccountId,
    grant.keyVersion,
    grant.scope,
    grant.boxPublicKey,
    grant.sealedKey,
  );
}

export function signServiceAccountGrant(
  granterSignPrivateKey: Uint8Array,
  grant: ServiceAccountGrant,
): string {
  return toBase64Url(signMessage(granterSignPrivateKey, serviceAccountGrantMessage(grant)));
}

export function verifyServiceAccountGrant(
  granterSignPublicKey: Uint8Array,
  grant: ServiceAccountGrant,
  signature: string,
): boolean {
  try {
    return verifyMessage(
      granterSignPublicKey,
      serviceAccountGrantMessage(grant),
      fromBase64Url(signature),
    );
  } catch {
    return false;
  }
}

/**
 * DO NOT RELAX ANY CHECK: a machine opens a vault key only when the grant is signed by one of
 * the granters its managers pinned (the list under saKey), is addressed to this account's box
 * key, and verifies. Otherwise the server could seal a key it knows to the machine and read
 * whatever the machine writes.
 */
export function acceptServiceAccountGrant(input: {
  grant: ServiceAccountGrant;
  signature: string;
  granterId: string;
  trustedGranters: TrustedGranter[];
  serviceAccountId: string;
  boxKeyPair: KeyPair;
}): Uint8Array {
  const { grant, signature, granterId, trustedGranters, serviceAccountId, boxKeyPair } = input;
  const granter = trustedGranters.find((entry) => entry.userId === granterId);
  if (!granter) throw new CryptoError("untrusted granter");
  let granterKey: Uint8Array;
  try {
    granterKey = fromBase64Url(granter.signPublicKey);
  } catch {
    throw new CryptoError("untrusted granter");
  }
  if (!verifyServiceAccountGrant(granterKey, grant, signature)) {
    throw new CryptoError("grant signature");
  }
  if (
    grant.serviceAccountId !== serviceAccountId ||
    grant.boxPublicKey !== toBase64Url(boxKeyPair.publicKey)
  ) {
    throw new CryptoError("grant recipient");
  }
  return openVaultKey(grant.sealedKey, boxKeyPair);
}
