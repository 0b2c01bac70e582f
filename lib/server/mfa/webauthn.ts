import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { appOrigin } from "../env";
import { storeWebAuthnChallenge, takeWebAuthnChallenge } from "../data/mfa";

/** The relying party is this installation: its public URL's host and origin. */
const rpId = new URL(appOrigin).hostname;

/**
 * User verification: when the org does not require it, "discouraged" and not checked, so a
 * YubiKey without a PIN is a full second factor (the master password is the first). When the
 * org requires it, asked for and enforced on every ceremony.
 */
const userVerificationFor = (required: boolean) => (required ? "required" : "discouraged");

export type AssertionRefusal =
  | "challenge"
  | "unknown_key"
  | "origin"
  | "rp_id"
  | "user_verification"
  | "counter"
  | "signature"
  | "malformed";

export class WebAuthnRefused extends Error {
  constructor(readonly reason: AssertionRefusal) {
    super(`webauthn refused: ${reason}`);
    this.name = "WebAuthnRefused";
  }
}

/** Maps @simplewebauthn's error messages to a short reason for the audit log; never the text. */
function refusalFrom(error: unknown): WebAuthnRefused {
  if (error instanceof WebAuthnRefused) return error;
  const message = error instanceof Error ? error.message : "";
  if (/challenge/i.test(message)) return new WebAuthnRefused("challenge");
  if (/origin/i.test(message)) return new WebAuthnRefused("origin");
  if (/RP ID/i.test(message)) return new WebAuthnRefused("rp_id");
  if (/user verification/i.test(message)) return new WebAuthnRefused("user_verification");
  if (/counter/i.test(message)) return new WebAuthnRefused("counter");
  if (/signature/i.test(message)) return new WebAuthnRefused("signature");
  return new WebAuthnRefused("malformed");
}

/** The challenge is spent by the check itself: one try each, only by the session it was issued to. */
const challengeOf =
  (sessionId: string, purpose: "registration" | "authentication") => (challenge: string) =>
    takeWebAuthnChallenge(sessionId, challenge, purpose);

export async function registrationOptions(input: {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  existingCredentialIds: Array<{ credentialId: string; transports: string[] }>;
  userVerificationRequired: boolean;
}) {
  const options = await generateRegistrationOptions({
    rpName: "Coffer",
    rpID: rpId,
    userName: input.email,
    userDisplayName: input.name,
    userID: new TextEncoder().encode(input.userId),
    attestationType: "none",
    // Re-registering a key the person already has would only make a confusing duplicate.
    excludeCredentials: input.existingCredentialIds.map((key) => ({
      id: key.credentialId,
      transports: key.transports,
    })),
    authenticatorSelection: {
      residentKey: "discouraged",
      userVerification: userVerificationFor(input.userVerificationRequired),
    },
    timeout: 120_000,
  });
  await storeWebAuthnChallenge(input.sessionId, options.challenge, "registration");
  return options;
}

export async function verifyRegistration(input: {
  sessionId: string;
  response: RegistrationResponseJSON;
  userVerificationRequired: boolean;
}) {
  try {
    const result = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challengeOf(input.sessionId, "registration"),
      expectedOrigin: appOrigin,
      expectedRPID: rpId,
      requireUserVerification: input.userVerificationRequired,
    });
    if (!result.verified) throw new WebAuthnRefused("signature");
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? input.response.response.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    };
  } catch (error) {
    throw refusalFrom(error);
  }
}

export async function authenticationOptions(input: {
  sessionId: string;
  keys: Array<{ credentialId: string; transports: string[] }>;
  userVerificationRequired: boolean;
}) {
  const options = await generateAuthenticationOptions({
    rpID: rpId,
    allowCredentials: input.keys.map((key) => ({
      id: key.credentialId,
      transports: key.transports as never,
    })),
    userVerification: userVerificationFor(input.userVerificationRequired),
    timeout: 120_000,
  });
  await storeWebAuthnChallenge(input.sessionId, options.challenge, "authentication");
  return options;
}

/**
 * Verifies an assertion against a stored key. Nothing is saved here: the caller stores the
 * new counter only after `verified` came back true.
 */
export async function verifyAssertion(input: {
  sessionId: string;
  response: AuthenticationResponseJSON;
  key: { credentialId: string; publicKey: string; counter: bigint; transports: string[] };
  userVerificationRequired: boolean;
}): Promise<{ newCounter: number }> {
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challengeOf(input.sessionId, "authentication"),
      expectedOrigin: appOrigin,
      expectedRPID: rpId,
      credential: {
        id: input.key.credentialId,
        publicKey: new Uint8Array(Buffer.from(input.key.publicKey, "base64url")),
        counter: Number(input.key.counter),
        transports: input.key.transports as never,
      },
      requireUserVerification: input.userVerificationRequired,
    });
    if (!result.verified) throw new WebAuthnRefused("signature");
    return { newCounter: result.authenticationInfo.newCounter };
  } catch (error) {
    throw refusalFrom(error);
  }
}
