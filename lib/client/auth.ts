import { z } from "zod";
import {
  challengeResponse,
  LOCKED_DOWN_SIGN_IN_ERROR,
  preloginResponse,
  type PreloginResponse,
} from "@/lib/api/auth";
import { keyMaterialResponse } from "@/lib/api/account";
import {
  CryptoError,
  fromBase64Url,
  getSodium,
  loginMessage,
  requireSodium,
  signMessage,
  toBase64Url,
  unwrapPrivateKey,
  unwrapUserKey,
  verifyBundle,
} from "@/lib/crypto";
import { api, ApiError, toApiError } from "./api";
import type { Keyring } from "./keyring";

/** Lower-cased and trimmed: client and server must sign byte-identical login messages. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function prelogin(email: string): Promise<PreloginResponse> {
  return api("/api/v1/auth/prelogin", {
    json: { email: normaliseEmail(email) },
    schema: preloginResponse,
    redirectOnUnauthorized: false,
  });
}

/** Why a credentials sign-in did not go through. */
export class SignInError extends Error {
  constructor(
    readonly reason: "wrong-credentials" | "rate-limited" | "locked-down",
    message: string,
  ) {
    super(message);
    this.name = "SignInError";
  }
}

const csrfResponse = z.object({ csrfToken: z.string().min(1) });
const callbackResponse = z.object({ url: z.string() });

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { credentials: "same-origin", cache: "no-store" });
  const parsed = csrfResponse.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error("Cannot start sign-in. Reload the page and try again.");
  return parsed.data.csrfToken;
}

function minutesText(seconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * Proves the login key to the server: a fresh challenge, signed over the origin so a phishing
 * page cannot relay it, handed to next-auth's credentials callback. Posted by hand rather than
 * with next-auth/react's signIn(), which cannot read our 429 answer.
 */
export async function signInWithLoginKey(
  email: string,
  loginPrivateKey: Uint8Array,
): Promise<void> {
  await getSodium();
  const normalised = normaliseEmail(email);
  const challenge = await api("/api/v1/auth/challenge", {
    method: "POST",
    schema: challengeResponse,
    redirectOnUnauthorized: false,
  });
  const message = loginMessage(
    window.location.origin,
    normalised,
    challenge.challengeId,
    challenge.nonce,
  );
  const signature = toBase64Url(signMessage(loginPrivateKey, message));
  const form = new URLSearchParams({
    email: normalised,
    challengeId: challenge.challengeId,
    signature,
    csrfToken: await csrfToken(),
    json: "true",
  });
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    credentials: "same-origin",
    cache: "no-store",
  });
  if (response.status === 429) {
    const error = await toApiError(response);
    throw new SignInError(
      "rate-limited",
      `Too many attempts, try again in ${minutesText(error.retryAfterSeconds)}.`,
    );
  }
  // A refused proof answers 401 with a JSON {url} pointing at the error page: read it first.
  const parsed = callbackResponse.safeParse(await response.json().catch(() => null));
  const refusal = parsed.success
    ? new URL(parsed.data.url, window.location.origin).searchParams.get("error")
    : null;
  if (refusal === LOCKED_DOWN_SIGN_IN_ERROR) {
    throw new SignInError(
      "locked-down",
      "Your organisation is in lockdown: only admins can sign in until an admin lifts it.",
    );
  }
  if (refusal !== null) {
    throw new SignInError("wrong-credentials", "Wrong email, master password or Secret Key");
  }
  if (!response.ok || !parsed.success) {
    throw new Error("Sign-in failed. Try again.");
  }
}

/** Ends the server session; the caller then navigates to /signin, which drops memory anyway. */
export async function signOut(): Promise<void> {
  try {
    const form = new URLSearchParams({ csrfToken: await csrfToken(), json: "true" });
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      credentials: "same-origin",
    });
  } catch {
    // Going to /signin still wipes the keys; a lingering session expires on its own limits.
  }
}

/** Thrown when the AUK cannot open the wrapped userKey: the password (or Secret Key) is wrong. */
export class WrongPasswordError extends Error {
  constructor() {
    super("That master password is not correct.");
    this.name = "WrongPasswordError";
  }
}

/**
 * Fetches the wrapped key material and opens it with the AUK. Besides the AEAD checks, the
 * public keys the server returns must match the unwrapped private keys and the self-signed
 * bundle, so a server cannot pair our private keys with public keys of its choosing.
 */
export function fetchKeyMaterial() {
  return api("/api/v1/account/keys", { schema: keyMaterialResponse });
}

/**
 * Unwraps the account's key material into a keyring. `prefetched` lets a caller start the
 * download before the KDF finishes, so the two overlap.
 */
export async function loadKeyring(
  accountUnlockKey: Uint8Array,
  expectedUserId?: string,
  prefetched?: ReturnType<typeof fetchKeyMaterial>,
): Promise<Keyring> {
  const sodium = await getSodium();
  const keys = await (prefetched ?? fetchKeyMaterial());
  if (expectedUserId && keys.userId !== expectedUserId) {
    throw new Error("The server returned keys for another account.");
  }
  let userKey: Uint8Array;
  try {
    userKey = unwrapUserKey(accountUnlockKey, keys.wrappedUserKey, keys.userId);
  } catch (error) {
    if (error instanceof CryptoError) throw new WrongPasswordError();
    throw error;
  }
  const boxPrivateKey = unwrapPrivateKey(userKey, keys.wrappedBoxPrivateKey, keys.userId, "box");
  const signPrivateKey = unwrapPrivateKey(userKey, keys.wrappedSignPrivateKey, keys.userId, "sign");
  const boxPublicKey = fromBase64Url(keys.boxPublicKey);
  const signPublicKey = fromBase64Url(keys.signPublicKey);
  const bundle = {
    userId: keys.userId,
    email: keys.email,
    boxPublicKey: keys.boxPublicKey,
    signPublicKey: keys.signPublicKey,
  };
  const consistent =
    sodium.memcmp(sodium.crypto_scalarmult_base(boxPrivateKey), boxPublicKey) &&
    sodium.memcmp(sodium.crypto_sign_ed25519_sk_to_pk(signPrivateKey), signPublicKey) &&
    verifyBundle(bundle, keys.bundleSignature);
  if (!consistent) {
    for (const buffer of [userKey, boxPrivateKey, signPrivateKey]) sodium.memzero(buffer);
    throw new Error("Your account keys do not match their public keys. Contact your admin.");
  }
  return {
    userId: keys.userId,
    email: keys.email,
    userKey,
    boxKeyPair: { publicKey: boxPublicKey, privateKey: boxPrivateKey },
    signKeyPair: { publicKey: signPublicKey, privateKey: signPrivateKey },
  };
}

/** Wipes intermediate key buffers; callers use it in `finally`. */
export function wipe(...buffers: Array<Uint8Array | undefined>): void {
  const sodium = requireSodium();
  for (const buffer of buffers) if (buffer) sodium.memzero(buffer);
}

export { ApiError };
