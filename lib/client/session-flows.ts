import type { NewAccount } from "@/lib/api/account";
import type { MfaStatusResponse } from "@/lib/api/mfa";
import { getSodium, normaliseEmail } from "@/lib/crypto";
import * as accountSession from "@/lib/sdk/account-session";
import { changePassword } from "@/lib/sdk/change-password";
import { createAccount } from "@/lib/sdk/new-account";
import { signInWithLoginKey } from "@/lib/sdk/sign-in";
import { resolveSecretKey } from "@/lib/sdk/stored-secret-key";
import { wipe } from "@/lib/sdk/unlocked-account";
import { browserHttpPort } from "./http-port";
import { secretKeyStore } from "./secret-key-store";
import { workerKdfRunner } from "./kdf-runner";
import { setKeyring, type Keyring } from "./keyring";

// The account flows of lib/sdk wired to the browser: same-origin fetch, the KDF worker and
// IndexedDB. What is left here is the keyring and the unlock timing the benchmark reads.

/** Before a session exists a 401 is an answer (a refused sign-in), not an expired session. */
const signInPorts = () => ({
  http: browserHttpPort({ redirectOnUnauthorized: false }),
  kdf: workerKdfRunner,
  store: secretKeyStore,
});

const sessionPorts = () => ({
  http: browserHttpPort(),
  kdf: workerKdfRunner,
  store: secretKeyStore,
});

/** Sign in, unlock, and fill the keyring (see lib/sdk/account-session). */
export async function signInAndUnlock(input: {
  email: string;
  password: string;
  secretKeyText?: string;
  secondFactor?: (status: MfaStatusResponse) => Promise<void>;
}): Promise<Keyring> {
  return accountSession.signInAndUnlock(signInPorts(), { ...input, onUnlocked: setKeyring });
}

/** Unlock with the session still alive: no new sign-in, just AUK → unwrap. */
export async function unlockWithPassword(input: {
  email: string;
  userId: string;
  password: string;
  secretKeyText?: string;
}): Promise<Keyring> {
  const started = performance.now();
  const keyring = await accountSession.unlockWithPassword(sessionPorts(), input);
  setKeyring(keyring);
  recordUnlockTiming(started);
  return keyring;
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
  const created = await createAccount(workerKdfRunner, input);
  wipe(created.secretKey);
  return {
    account: created.account,
    formattedSecretKey: created.formattedSecretKey,
    loginPrivateKey: created.loginPrivateKey,
    keyring: created.unlocked,
  };
}

/** After the kit is saved: sign in with the login key still in memory and fill the keyring. */
export async function signInNewAccount(created: CreatedAccount): Promise<void> {
  await signInWithLoginKey(signInPorts().http, created.account.email, created.loginPrivateKey);
  wipe(created.loginPrivateKey);
  setKeyring(created.keyring);
}

/** Changes the master password with the Secret Key stored on this device (lib/sdk/change-password). */
export async function changeMasterPassword(input: {
  keyring: Keyring;
  currentPassword: string;
  newPassword: string;
  onPhase?: (phase: "current" | "new" | "saving") => void;
}): Promise<{ revoked: number }> {
  await getSodium();
  const email = normaliseEmail(input.keyring.email);
  const secretKey = await resolveSecretKey(secretKeyStore, email, undefined);
  try {
    return await changePassword(sessionPorts(), {
      account: input.keyring,
      secretKey: secretKey.bytes,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      onPhase: input.onPhase,
    });
  } finally {
    wipe(secretKey.bytes);
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
