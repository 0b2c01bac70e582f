import { mfaStatusResponse, type MfaStatusResponse } from "@/lib/api/mfa";
import { fromBase64Url, normaliseEmail } from "@/lib/crypto";
import { deriveKeys } from "./derive-keys";
import type { HttpPort, SessionHttpPort } from "./http-port";
import type { KdfRunner } from "./kdf-runner";
import type { KeyValueStore } from "./key-value-store";
import { upgradeKdf } from "./kdf-upgrade";
import { prelogin, signInWithLoginKey } from "./sign-in";
import { resolveSecretKey, saveSecretKey } from "./stored-secret-key";
import { fetchKeyMaterial, openKeyMaterial } from "./unlock";
import { wipe, type UnlockedAccount } from "./unlocked-account";

/** Everything the account flows reach outside themselves through. */
export interface AccountPorts {
  http: SessionHttpPort;
  kdf: KdfRunner;
  /** Where this device keeps Secret Keys. */
  store: KeyValueStore;
}

export async function fetchMfaStatus(http: HttpPort): Promise<MfaStatusResponse> {
  return mfaStatusResponse.parse(await http.request({ method: "GET", path: "/api/v1/mfa" }));
}

/**
 * Full sign-in: prelogin → Argon2id → AUK and login key → signed challenge → session cookie →
 * key material opened. The password never leaves the device; only a signature over a one-time
 * challenge does. A Secret Key typed in is saved to the store once the sign-in has proved it.
 * An account under old KDF parameters is upgraded afterwards, best effort (it still works on
 * its old ones, and the next sign-in tries again); `onUnlocked` runs before that, so the caller
 * need not wait for a second Argon2id.
 */
export async function signInAndUnlock(
  ports: AccountPorts,
  input: {
    email: string;
    password: string;
    secretKeyText?: string;
    /**
     * Called when the session needs its second factor (a key check, or enrolling a key the
     * org requires) before any key material is released; resolves once that is done.
     */
    secondFactor?: (status: MfaStatusResponse) => Promise<void>;
    onUnlocked?: (account: UnlockedAccount) => void;
  },
): Promise<UnlockedAccount> {
  const email = normaliseEmail(input.email);
  const secretKey = await resolveSecretKey(ports.store, email, input.secretKeyText);
  const { salt, kdf } = await prelogin(ports.http, email);
  const keys = await deriveKeys(ports.kdf, {
    password: input.password,
    secretKey: secretKey.bytes,
    salt: fromBase64Url(salt),
    params: kdf,
  });
  try {
    await signInWithLoginKey(ports.http, email, keys.loginKeyPair.privateKey);
    // The derived keys wait in memory while the person deals with their security key: the
    // server hands out the wrapped userKey only to a session past that step.
    const status = await fetchMfaStatus(ports.http);
    if (status.state === "pending" || !status.compliant) {
      if (!input.secondFactor) throw new Error("A security key is needed to finish signing in.");
      await input.secondFactor(status);
    }
    const account = await openKeyMaterial(
      keys.accountUnlockKey,
      await fetchKeyMaterial(ports.http),
    );
    if (secretKey.typed) await saveSecretKey(ports.store, email, secretKey.formatted);
    input.onUnlocked?.(account);
    await upgradeKdf(ports, {
      account,
      password: input.password,
      secretKey: secretKey.bytes,
      stored: kdf,
      loginPrivateKey: keys.loginKeyPair.privateKey,
    }).catch(() => undefined);
    return account;
  } finally {
    wipe(keys.accountUnlockKey, keys.loginKeyPair.privateKey, secretKey.bytes);
  }
}

/**
 * Unlock with the session still alive: no new sign-in, just AUK → unwrap. The key material
 * downloads while Argon2id runs, and must belong to the account the session is for.
 */
export async function unlockWithPassword(
  ports: AccountPorts,
  input: { email: string; userId: string; password: string; secretKeyText?: string },
): Promise<UnlockedAccount> {
  const email = normaliseEmail(input.email);
  const material = fetchKeyMaterial(ports.http);
  material.catch(() => undefined);
  const [secretKey, { salt, kdf }] = await Promise.all([
    resolveSecretKey(ports.store, email, input.secretKeyText),
    prelogin(ports.http, email),
  ]);
  const keys = await deriveKeys(ports.kdf, {
    password: input.password,
    secretKey: secretKey.bytes,
    salt: fromBase64Url(salt),
    params: kdf,
  });
  try {
    const account = await openKeyMaterial(keys.accountUnlockKey, await material, input.userId);
    if (secretKey.typed) await saveSecretKey(ports.store, email, secretKey.formatted);
    return account;
  } finally {
    wipe(keys.accountUnlockKey, keys.loginKeyPair.privateKey, secretKey.bytes);
  }
}
