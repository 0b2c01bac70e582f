import { z } from "zod";
import {
  challengeResponse,
  LOCKED_DOWN_SIGN_IN_ERROR,
  preloginResponse,
  SUSPENDED_SIGN_IN_ERROR,
  type ChallengeResponse,
  type PreloginResponse,
  type SignInProof,
} from "@/lib/api/auth";
import { getSodium, loginMessage, normaliseEmail, signMessage, toBase64Url } from "@/lib/crypto";
import type { HttpPort, SessionHttpPort } from "./http-port";

/** The account's salt and KDF parameters; an unknown email gets decoy ones, never a 404. */
export async function prelogin(http: HttpPort, email: string): Promise<PreloginResponse> {
  return preloginResponse.parse(
    await http.request({
      method: "POST",
      path: "/api/v1/auth/prelogin",
      body: { email: normaliseEmail(email) },
    }),
  );
}

/** A one-time challenge: its id and nonce go into the next login message, and only that one. */
export async function requestChallenge(http: HttpPort): Promise<ChallengeResponse> {
  return challengeResponse.parse(
    await http.request({ method: "POST", path: "/api/v1/auth/challenge" }),
  );
}

/**
 * The login key's signature over `coffer-login-v1|origin|email|challengeId|nonce`. The origin is
 * the one the transport reaches (COFFER_URL's on a correct set-up): a phishing site relaying the
 * challenge gets a signature over its own origin, which the real server refuses.
 */
export function signLoginChallenge(input: {
  origin: string;
  loginPrivateKey: Uint8Array;
  email: string;
  challenge: ChallengeResponse;
}): string {
  const message = loginMessage(
    new URL(input.origin).origin,
    normaliseEmail(input.email),
    input.challenge.challengeId,
    input.challenge.nonce,
  );
  return toBase64Url(signMessage(input.loginPrivateKey, message));
}

/** A fresh challenge signed with the login key: everything a sign-in or a re-key proves. */
export async function proveLoginKey(
  http: SessionHttpPort,
  email: string,
  loginPrivateKey: Uint8Array,
): Promise<SignInProof> {
  await getSodium();
  const challenge = await requestChallenge(http);
  const normalised = normaliseEmail(email);
  return {
    email: normalised,
    challengeId: challenge.challengeId,
    signature: signLoginChallenge({
      origin: http.origin,
      loginPrivateKey,
      email: normalised,
      challenge,
    }),
  };
}

export type SignInResult =
  | "signed-in"
  | "wrong-credentials"
  | "locked-down"
  /** The proof was right, but the account is suspended or offboarded. */
  | "suspended"
  | "rate-limited"
  /** An answer that is none of the above (a proxy's error page, a server fault). */
  | "failed";

export interface SignInOutcome {
  status: number;
  result: SignInResult;
  retryAfterSeconds?: number;
}

const csrfResponse = z.object({ csrfToken: z.string().min(1) });
const callbackResponse = z.object({ url: z.string() });

/**
 * Hands a proof to next-auth's credentials callback with its CSRF token (next-auth sets the
 * matching cookie on the csrf request; the transport sends it back). With `json=true` a success
 * answers 200 with `{url}`, a refused proof 401 with `{url}` whose `error` names the refusal, and
 * too many attempts 429 with Retry-After. On success the session cookie is set.
 */
export async function submitSignInProof(
  http: SessionHttpPort,
  proof: SignInProof,
): Promise<SignInOutcome> {
  const csrf = csrfResponse.safeParse(
    await http.request({ method: "GET", path: "/api/auth/csrf" }),
  );
  if (!csrf.success) return { status: 0, result: "failed" };
  const answer = await http.postForm({
    path: "/api/auth/callback/credentials",
    form: { ...proof, csrfToken: csrf.data.csrfToken, json: "true" },
  });
  if (answer.status === 429) {
    const retryAfter = Number(answer.header("retry-after"));
    return {
      status: answer.status,
      result: "rate-limited",
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    };
  }
  const parsed = callbackResponse.safeParse(answer.body);
  if (!parsed.success) return { status: answer.status, result: "failed" };
  const refusal = new URL(parsed.data.url, http.origin).searchParams.get("error");
  if (refusal === LOCKED_DOWN_SIGN_IN_ERROR)
    return { status: answer.status, result: "locked-down" };
  if (refusal === SUSPENDED_SIGN_IN_ERROR) return { status: answer.status, result: "suspended" };
  if (refusal !== null) return { status: answer.status, result: "wrong-credentials" };
  return { status: answer.status, result: answer.status === 200 ? "signed-in" : "failed" };
}

/** Why a credentials sign-in did not go through, in words a person can act on. */
export class SignInError extends Error {
  constructor(
    readonly reason: Exclude<SignInResult, "signed-in">,
    message: string,
  ) {
    super(message);
    this.name = "SignInError";
  }
}

function minutesText(seconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** Proves the login key and opens a session; throws SignInError when the server says no. */
export async function signInWithLoginKey(
  http: SessionHttpPort,
  email: string,
  loginPrivateKey: Uint8Array,
): Promise<void> {
  const outcome = await submitSignInProof(http, await proveLoginKey(http, email, loginPrivateKey));
  switch (outcome.result) {
    case "signed-in":
      return;
    case "rate-limited":
      throw new SignInError(
        "rate-limited",
        `Too many attempts, try again in ${minutesText(outcome.retryAfterSeconds)}.`,
      );
    case "locked-down":
      throw new SignInError(
        "locked-down",
        "Your organisation is in lockdown: only admins can sign in until an admin lifts it.",
      );
    case "suspended":
      throw new SignInError(
        "suspended",
        "Your account is suspended, so you cannot sign in. Ask an admin of your organisation if you think this is a mistake.",
      );
    case "wrong-credentials":
      throw new SignInError("wrong-credentials", "Wrong email, master password or Secret Key");
    default:
      throw new SignInError("failed", "Sign-in failed. Try again.");
  }
}

/** Ends the server session (next-auth's sign-out form, with its CSRF token). */
export async function signOut(http: SessionHttpPort): Promise<void> {
  const csrf = csrfResponse.parse(await http.request({ method: "GET", path: "/api/auth/csrf" }));
  await http.postForm({
    path: "/api/auth/signout",
    form: { csrfToken: csrf.csrfToken, json: "true" },
  });
}
