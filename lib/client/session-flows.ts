import { changePasswordRequest, kdfUpgradeRequest, type NewAccount } from "@/lib/api/account";
import { challengeResponse } from "@/lib/api/auth";
import { revokedCountResponse } from "@/lib/api/session";
import {
  fromBase64Url,
  generateUserKeys,
  getSodium,
  KDF_V1,
  formatSecretKey,
  loginMessage,
  needsKdfUpgrade,
  newSalt,
  newSecretKey,
  parseSecretKey,
  signBundle,
  signMessage,
  toBase64Url,
  unwrapUserKey,
  upgradedKdfParams,
  wrapPrivateKey,
  wrapUserKey,
  CryptoError,
  type KdfParams,
} from "@/lib/crypto";
import { api } from "./api";
import {
  fetchKeyMaterial,
  loadKeyring,
  normaliseEmail,
  prelogin,
  signInWithLoginKey,
  wipe,
  WrongPasswordError,
} from "./auth";
import { deriveKeys } from "./derive-keys";
import { setKeyring, type Keyring } from "./keyring";
import { loadSecretKey, saveSecretKey } from "./secret-key-store";
import { keyMaterialResponse } from "@/lib/api/account";
import type { MfaStatusResponse } from "@/lib/api/mfa";
import { getMfaStatus } from "./mfa";

/** The Secret Key stored on this device, or the one typed in (which must then parse). */
async function resolveSecretKey(
  email: string,
  typed: string | undefined,
): Promise<{ bytes: Uint8Array; formatted: string; typed: boolean }> {
  await getSodium();
  if (typed && typed.trim()) {
    const bytes = parseSecretKey(typed);
    return { bytes, formatted: formatSecretKey(bytes), typed: true };
  }
  const stored = await loadSecretKey(email);
  if (!stored) throw new Error("Enter your Secret Key from your Emergency Kit.");
  return { bytes: parseSecretKey(stored), formatted: stored, typed: false };
}

/**
 * Full sign-in: prelogin → Argon2id in the worker → AUK and login key → signed challenge →
 * session cookie → key material unwrapped into the keyring. The password never leaves the
 * browser; only a signature over a one-time challenge does.
 */
export async function signInAndUnlock(input: {
  email: string;
  password: string;
  secretKeyText?: string;
  /**
   * Called when the session needs its second factor (a key check, or enrolling a key the
   * org requires) before any key material is released; resolves once that is done.
   */
  secondFactor?: (status: MfaStatusResponse) => Promise<void>;
}): Promise<Keyring> {
  const email = normaliseEmail(input.email);
  const secretKey = await resolveSecretKey(email, input.secretKeyText);
  const { salt, kdf } = await prelogin(email);
  const keys = await deriveKeys(input.password, secretKey.bytes, fromBase64Url(salt), kdf);
  try {
    await signInWithLoginKey(email, keys.loginKeyPair.privateKey);
    // The derived keys wait in memory while the person deals with their security key: the
    // server hands out the wrapped userKey only to a session past that step.
    const status = await getMfaStatus();
    if (status.state === "pending" || !status.compliant) {
      if (!input.secondFactor) throw new Error("A security key is needed to finish signing in.");
      await input.secondFactor(status);
    }
    const keyring = await loadKeyring(keys.accountUnlockKey);
    if (secretKey.typed) await saveSecretKey(email, secretKey.formatted);
    setKeyring(keyring);
    if (needsKdfUpgrade(kdf)) {
      // Best effort: the account still works on its old parameters, and the next sign-in
      // tries again.
      await upgradeKdf({
        email,
        password: input.password,
        secretKey: secretKey.bytes,
        stored: kdf,
        loginPrivateKey: keys.loginKeyPair.privateKey,
        keyring,
      }).catch(() => undefined);
    }
    return keyring;
  } finally {
    wipe(keys.accountUnlockKey, keys.loginKeyPair.privateKey, secretKey.bytes);
  }
}

/**
 * Brings an account made under older KDF parameters up to the current ones, straight after
 * signing in: a fresh salt and Argon2id under the upgraded parameters give a new AUK and login
 * key, the same userKey is re-wrapped, and the old login key signs for the change
 * (docs/decisions/0016-kdf-parameters-upgrade.md).
 */
async function upgradeKdf(input: {
  email: string;
  password: string;
  secretKey: Uint8Array;
  stored: KdfParams;
  loginPrivateKey: Uint8Array;
  keyring: Keyring;
}): Promise<void> {
  const params = upgradedKdfParams(input.stored);
  const salt = newSalt();
  const keys = await deriveKeys(input.password, input.secretKey, salt, params);
  try {
    const challenge = await api("/api/v1/auth/challenge", {
      method: "POST",
      schema: challengeResponse,
    });
    const signature = signMessage(
      input.loginPrivateKey,
      loginMessage(window.location.origin, input.email, challenge.challengeId, challenge.nonce),
    );
    const body = kdfUpgradeRequest.parse({
      challengeId: challenge.challengeId,
      signature: toBase64Url(signature),
      kdf: { ...params, salt: toBase64Url(salt) },
      loginPublicKey: toBase64Url(keys.loginKeyPair.publicKey),
      wrappedUserKey: wrapUserKey(
        keys.accountUnlockKey,
        input.keyring.userKey,
        input.keyring.userId,
      ),
    });
    await api("/api/v1/account/kdf-upgrade", { json: body });
  } finally {
    wipe(keys.accountUnlockKey, keys.loginKeyPair.privateKey);
  }
}

/** Unlock with the session still alive: no new sign-in, just AUK → unwrap. */
export async function unlockWithPassword(input: {
  email: string;
  userId: string;
  password: string;
  secretKeyText?: string;
}): Promise<Keyring> {
  const started = performance.now();
  const email = normaliseEmail(input.email);
  // The session is alive, so the key material can download while Argon2id runs.
  const keyMaterial = fetchKeyMaterial();
  keyMaterial.catch(() => undefined);
  const [secretKey, { salt, kdf }] = await Promise.all([
    resolveSecretKey(email, input.secretKeyText),
    prelogin(email),
  ]);
  const keys = await deriveKeys(input.password, secretKey.bytes, fromBase64Url(salt), kdf);
  try {
    const keyring = await loadKeyring(keys.accountUnlockKey, input.userId, keyMaterial);
    if (secretKey.typed) await saveSecretKey(email, secretKey.formatted);
    setKeyring(keyring);
    recordUnlockTiming(started);
    return keyring;
  } finally {
    wipe(keys.accountUnlockKey, keys.loginKeyPair.privateKey, secretKey.bytes);
  }
}

/** What sign-up leaves in memory until the person has saved the Emergency Kit. */
export interface CreatedAccount {
  account: NewAccount;
  formattedSecretKey: string;
  loginPrivateKey: Uint8Array;
  keyring: Keyring;
}

/** Makes every key of a new account in the browser; the server receives only public or wrapped parts. */
export async function createAccountKeys(input: {
  email: string;
  name: string;
  password: string;
}): Promise<CreatedAccount> {
  const sodium = await getSodium();
  const email = normaliseEmail(input.email);
  const userId = toBase64Url(sodium.randombytes_buf(16));
  const secretKey = newSecretKey();
  const salt = newSalt();
  const { accountUnlockKey, loginKeyPair } = await deriveKeys(
    input.password,
    secretKey,
    salt,
    KDF_V1,
  );
  const userKeys = generateUserKeys();
  const boxPublicKey = toBase64Url(userKeys.boxKeyPair.publicKey);
  const signPublicKey = toBase64Url(userKeys.signKeyPair.publicKey);
  const account: NewAccount = {
    userId,
    email,
    name: input.name.trim(),
    kdf: { ...KDF_V1, salt: toBase64Url(salt) },
    loginPublicKey: toBase64Url(loginKeyPair.publicKey),
    wrappedUserKey: wrapUserKey(accountUnlockKey, userKeys.userKey, userId),
    boxPublicKey,
    signPublicKey,
    wrappedBoxPrivateKey: wrapPrivateKey(
      userKeys.userKey,
      userKeys.boxKeyPair.privateKey,
      userId,
      "box",
    ),
    wrappedSignPrivateKey: wrapPrivateKey(
      userKeys.userKey,
      userKeys.signKeyPair.privateKey,
      userId,
      "sign",
    ),
    bundleSignature: signBundle(userKeys.signKeyPair.privateKey, {
      userId,
      email,
      signPublicKey,
      boxPublicKey,
    }),
  };
  const formattedSecretKey = formatSecretKey(secretKey);
  wipe(accountUnlockKey, secretKey);
  return {
    account,
    formattedSecretKey,
    loginPrivateKey: loginKeyPair.privateKey,
    keyring: { userId, email, ...userKeys },
  };
}

/** After the kit is saved: sign in with the login key still in memory and fill the keyring. */
export async function signInNewAccount(created: CreatedAccount): Promise<void> {
  await signInWithLoginKey(created.account.email, created.loginPrivateKey);
  wipe(created.loginPrivateKey);
  setKeyring(created.keyring);
}

/**
 * Changes the master password without touching the userKey: the old password proves itself
 * with a login signature, a new salt and Argon2id give a new AUK and login key, and the same
 * userKey is re-wrapped. Nothing else needs re-encrypting.
 */
export async function changeMasterPassword(input: {
  keyring: Keyring;
  currentPassword: string;
  newPassword: string;
  onPhase?: (phase: "current" | "new" | "saving") => void;
}): Promise<{ revoked: number }> {
  const { keyring } = input;
  const email = normaliseEmail(keyring.email);
  const secretKey = await resolveSecretKey(email, undefined);
  const { salt, kdf } = await prelogin(email);
  input.onPhase?.("current");
  const oldKeys = await deriveKeys(
    input.currentPassword,
    secretKey.bytes,
    fromBase64Url(salt),
    kdf,
  );
  let newKeys: Awaited<ReturnType<typeof deriveKeys>> | undefined;
  try {
    // Checked locally first: a wrong current password gets a clear answer without a server round trip.
    const material = await api("/api/v1/account/keys", { schema: keyMaterialResponse });
    try {
      wipe(unwrapUserKey(oldKeys.accountUnlockKey, material.wrappedUserKey, material.userId));
    } catch (error) {
      if (error instanceof CryptoError) throw new WrongPasswordError();
      throw error;
    }
    input.onPhase?.("new");
    const newSaltBytes = newSalt();
    // Never below KDF_V1, and never lower than an account already has.
    const newKdf = upgradedKdfParams(kdf);
    newKeys = await deriveKeys(input.newPassword, secretKey.bytes, newSaltBytes, newKdf);
    input.onPhase?.("saving");
    const challenge = await api("/api/v1/auth/challenge", {
      method: "POST",
      schema: challengeResponse,
    });
    const signature = signMessage(
      oldKeys.loginKeyPair.privateKey,
      loginMessage(window.location.origin, email, challenge.challengeId, challenge.nonce),
    );
    const body = changePasswordRequest.parse({
      challengeId: challenge.challengeId,
      signature: toBase64Url(signature),
      kdf: { ...newKdf, salt: toBase64Url(newSaltBytes) },
      loginPublicKey: toBase64Url(newKeys.loginKeyPair.publicKey),
      wrappedUserKey: wrapUserKey(newKeys.accountUnlockKey, keyring.userKey, keyring.userId),
    });
    return await api("/api/v1/account/password", { json: body, schema: revokedCountResponse });
  } finally {
    wipe(
      oldKeys.accountUnlockKey,
      oldKeys.loginKeyPair.privateKey,
      newKeys?.accountUnlockKey,
      newKeys?.loginKeyPair.privateKey,
      secretKey.bytes,
    );
  }
}

/** Performance measures for the unlock benchmark: the whole unlock and its KDF part. */
function recordUnlockTiming(started: number) {
  const kdf = performance.getEntriesByName("coffer:kdf", "measure").at(-1);
  if (kdf) {
    performance.measure("coffer:unlock:kdf", { start: kdf.startTime, duration: kdf.duration });
  }
  performance.measure("coffer:unlock", { start: started, end: performance.now() });
}
