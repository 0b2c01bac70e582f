import { z } from "zod";
import { base64url, email, kdfParams } from "./common";

export const preloginRequest = z.object({ email });
export const preloginResponse = z.object({ salt: base64url(16), kdf: kdfParams });
export type PreloginResponse = z.infer<typeof preloginResponse>;

export const challengeResponse = z.object({ challengeId: z.string(), nonce: base64url(32) });
export type ChallengeResponse = z.infer<typeof challengeResponse>;

/** The signed proof handed to next-auth's credentials callback. */
export const signInProof = z.object({
  email,
  challengeId: z.string().min(1).max(64),
  signature: base64url(64),
});
export type SignInProof = z.infer<typeof signInProof>;

/**
 * The `error` next-auth puts in the sign-in answer's URL when a correct proof is refused
 * because the organisation is locked down and the person is not an admin.
 */
export const LOCKED_DOWN_SIGN_IN_ERROR = "LockedDown";

/**
 * The `error` for a correct proof of a suspended (or offboarded) account. Only a valid proof
 * earns it, so it tells nothing to someone without the password and Secret Key.
 */
export const SUSPENDED_SIGN_IN_ERROR = "Suspended";

/** next-auth's CSRF token: sent back as a form field with the cookie it set. */
export const csrfResponse = z.object({ csrfToken: z.string() });

/** The credentials callback's form (with `json=true`, next-auth answers JSON, not a redirect). */
export const credentialsCallbackForm = signInProof.extend({
  csrfToken: z.string(),
  json: z.literal("true"),
  callbackUrl: z.string().optional(),
});

export const signOutForm = z.object({ csrfToken: z.string(), json: z.literal("true") });

/**
 * next-auth's JSON answer to a form post: where the browser would go. A refused sign-in is a
 * 401 whose `url` carries `?error=CredentialsSignin` (or `LockedDown`).
 */
export const nextAuthUrlResponse = z.object({ url: z.string() });
