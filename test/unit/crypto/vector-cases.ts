import {
  compose,
  deriveAccountKeys,
  deriveRoot,
  fingerprintHex,
  fingerprintWords,
  formatSecretKey,
  fromBase64Url,
  loginMessage,
  sealEnvelopeWithNonce,
  signBundle,
  signMessage,
  slowHash,
  toBase64Url,
  userKeyAd,
  bundleMessage,
  grantMessage,
  itemAd,
  signGrant,
  sshKeyFromSeed,
  vaultKeyChainAd,
  vaultNameAd,
  type Grant,
  type ItemPlaintext,
  type KdfParams,
  type PublicBundle,
} from "../../../lib/crypto";
import { requireSodium } from "../../../lib/crypto/sodium";

/**
 * Fixed inputs of the protocol v1 test vectors. Shared by make-vectors.ts (which writes
 * test/fixtures/crypto-vectors.json) and vectors.test.ts (which recomputes and compares), so a
 * change to any derivation shows up as a failing vector instead of silently locking users out.
 * Binary inputs are base64url, like everything on the wire.
 */
export const VECTOR_INPUTS = {
  password: "correct horse battery staple ﬁ",
  salt: "AAECAwQFBgcICQoLDA0ODw",
  secretKey: "EBESExQVFhcYGRobHB0eHw",
  kdf: { alg: "argon2id13", opslimit: 1, memlimit: 8388608 } satisfies KdfParams,
  origin: "https://coffer.example",
  email: "ada@example.com",
  userId: "usr_01HZY3VECTOR",
  challengeId: "chl_01HZY3VECTOR",
  challengeNonce: "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8",
  userKey: "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8",
  wrapNonce: "YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3",
  identitySignSeed: "gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp8",
  identityBoxSeed: "oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr8",
  composeExample: ["coffer", "item", "v1", "vlt_1", "itm_2", 3, 7],
  // Vault layer. The member is the identity above; the vault creator grants to themselves.
  vaultId: "vlt_01HZY3VECTOR",
  itemId: "itm_01HZY3VECTOR",
  keyVersion: 2,
  revision: 5,
  vaultKey: "wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8",
  itemNonce: "4OHi4-Tl5ufo6err7O3u7_Dx8vP09fb3",
  item: {
    type: "login",
    title: "Production database",
    fields: [
      { name: "username", value: "admin", secret: false, kind: "username" },
      { name: "password", value: "hunter2-ü", secret: true, kind: "password" },
    ],
    notes: "Rotate quarterly.",
    urls: ["https://db.example"],
    tags: ["prod"],
  } satisfies ItemPlaintext,
  grantRole: "manage",
  // crypto_box_seal is randomised (ephemeral key), so the sealed copy is a fixed input: a real
  // seal of vaultKey to the identity box key, which vectors.test.ts opens.
  grantSealedKey:
    "OjM9W86oKO4Ful-841apwVJr3hGEMZxO6FrcpyNXgSq60pPCr__0et7vlQ8wLcTgl8cxpHTKDBVZkB_s3gvdy6w_cC6Ics9cNJBXf40WbuQ",
  sshSeed: "__79_Pv6-fj39vX08_Lx8O_u7ezr6uno5-bl5OPi4eA",
  sshComment: "ada@coffer.example",
  sshCheckInt: 0x01020304,
} as const;

export type VectorOutputs = {
  slowHash: string;
  root: string;
  accountUnlockKey: string;
  loginPublicKey: string;
  loginMessage: string;
  loginSignature: string;
  userKeyAd: string;
  wrappedUserKey: string;
  bundleMessage: string;
  bundleSignature: string;
  fingerprintHex: string;
  fingerprintWords: string[];
  secretKeyFormatted: string;
  composeExample: string;
  itemAd: string;
  itemEnvelope: string;
  vaultNameAd: string;
  vaultKeyChainAd: string;
  grantMessage: string;
  grantSignature: string;
  sshPublicKey: string;
  sshFingerprint: string;
  sshPrivateKey: string;
};

export function vectorBundle(): PublicBundle {
  const sodium = requireSodium();
  const inputs = VECTOR_INPUTS;
  const sign = sodium.crypto_sign_seed_keypair(fromBase64Url(inputs.identitySignSeed));
  const box = sodium.crypto_box_seed_keypair(fromBase64Url(inputs.identityBoxSeed));
  return {
    userId: inputs.userId,
    email: inputs.email,
    signPublicKey: toBase64Url(sign.publicKey),
    boxPublicKey: toBase64Url(box.publicKey),
  };
}

export function vectorGrant(): Grant {
  const inputs = VECTOR_INPUTS;
  return {
    vaultId: inputs.vaultId,
    userId: inputs.userId,
    keyVersion: inputs.keyVersion,
    role: inputs.grantRole,
    memberBoxPublicKey: vectorBundle().boxPublicKey,
    sealedKey: inputs.grantSealedKey,
  };
}

export function vectorItemAd(): string {
  const inputs = VECTOR_INPUTS;
  return itemAd(inputs.vaultId, inputs.itemId, inputs.keyVersion, inputs.revision);
}

export function computeVectors(): VectorOutputs {
  const sodium = requireSodium();
  const inputs = VECTOR_INPUTS;
  const hash = slowHash(inputs.password, fromBase64Url(inputs.salt), inputs.kdf);
  const root = deriveRoot(hash, fromBase64Url(inputs.secretKey));
  const { accountUnlockKey, loginKeyPair } = deriveAccountKeys(root);
  const message = loginMessage(
    inputs.origin,
    inputs.email,
    inputs.challengeId,
    inputs.challengeNonce,
  );
  const identity = sodium.crypto_sign_seed_keypair(fromBase64Url(inputs.identitySignSeed));
  const bundle = vectorBundle();
  const ssh = sshKeyFromSeed(fromBase64Url(inputs.sshSeed), inputs.sshComment, inputs.sshCheckInt);
  return {
    slowHash: toBase64Url(hash),
    root: toBase64Url(root),
    accountUnlockKey: toBase64Url(accountUnlockKey),
    loginPublicKey: toBase64Url(loginKeyPair.publicKey),
    loginMessage: message,
    loginSignature: toBase64Url(signMessage(loginKeyPair.privateKey, message)),
    userKeyAd: userKeyAd(inputs.userId),
    wrappedUserKey: sealEnvelopeWithNonce(
      accountUnlockKey,
      fromBase64Url(inputs.userKey),
      userKeyAd(inputs.userId),
      fromBase64Url(inputs.wrapNonce),
    ),
    bundleMessage: bundleMessage(bundle),
    bundleSignature: signBundle(identity.privateKey, bundle),
    fingerprintHex: fingerprintHex(bundle),
    fingerprintWords: fingerprintWords(bundle),
    secretKeyFormatted: formatSecretKey(fromBase64Url(inputs.secretKey)),
    composeExample: compose(...inputs.composeExample),
    itemAd: vectorItemAd(),
    itemEnvelope: sealEnvelopeWithNonce(
      fromBase64Url(inputs.vaultKey),
      sodium.from_string(JSON.stringify(inputs.item)),
      vectorItemAd(),
      fromBase64Url(inputs.itemNonce),
    ),
    vaultNameAd: vaultNameAd(inputs.vaultId, inputs.keyVersion),
    vaultKeyChainAd: vaultKeyChainAd(inputs.vaultId, inputs.keyVersion),
    grantMessage: grantMessage(vectorGrant()),
    grantSignature: signGrant(identity.privateKey, vectorGrant()),
    sshPublicKey: ssh.publicKey,
    sshFingerprint: ssh.fingerprint,
    sshPrivateKey: ssh.privateKey,
  };
}
