import { z } from "zod";
import { orgRole } from "./account";

/** base64url as WebAuthn's JSON encoding writes it (possibly empty, e.g. an absent userHandle). */
const webAuthnBytes = z
  .string()
  .max(16384)
  .regex(/^[A-Za-z0-9_-]*$/, "must be base64url");

export const mfaPolicy = z.enum(["off", "admins", "everyone"]);
export type MfaPolicy = z.infer<typeof mfaPolicy>;

/**
 * A session's second-factor state: `pending` until a key (or a recovery code) confirms a
 * sign-in by someone who has keys; `none` when the person has no key.
 */
export const mfaState = z.enum(["verified", "pending", "none"]);
export type MfaState = z.infer<typeof mfaState>;

export const mfaStatusResponse = z.object({
  state: mfaState,
  /** False: this session may reach only enrolment (and sign-out) until a key is added. */
  compliant: z.boolean(),
  /** Whether a key is required of this person, now or when the grace period ends. */
  required: z.boolean(),
  graceUntil: z.string().nullable(),
  keyCount: z.number().int(),
  recoveryCodesLeft: z.number().int(),
  /** Until when a sensitive action needs no new key check; null when one is needed now. */
  stepUpUntil: z.string().nullable(),
});
export type MfaStatusResponse = z.infer<typeof mfaStatusResponse>;

/** Options for navigator.credentials.get/create, produced by @simplewebauthn/server. */
export const webAuthnOptionsResponse = z.looseObject({ challenge: z.string().min(16) });

export const assertionOptionsRequest = z.object({
  /** A key being removed cannot vouch for its own removal. */
  excludeKeyId: z.string().max(64).optional(),
});

export const authenticationResponseJson = z.object({
  id: webAuthnBytes.min(1),
  rawId: webAuthnBytes.min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: webAuthnBytes.min(1),
    authenticatorData: webAuthnBytes.min(1),
    signature: webAuthnBytes.min(1),
    userHandle: webAuthnBytes.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

export const assertionRequest = z.object({ response: authenticationResponseJson });

export const registrationResponseJson = z.object({
  id: webAuthnBytes.min(1),
  rawId: webAuthnBytes.min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: webAuthnBytes.min(1),
    attestationObject: webAuthnBytes.min(1),
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

export const keyNickname = z.string().trim().min(1, "is required").max(60);

export const registerKeyRequest = z.object({
  nickname: keyNickname,
  response: registrationResponseJson,
});

export const renameKeyRequest = z.object({ nickname: keyNickname });
export const renameKeyResponse = z.object({ id: z.string(), nickname: z.string() });

/** Codes are shown as XXXX-XXXX-XXXX-XXXX; case, spaces and dashes do not matter when typed. */
export const recoveryCode = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9 -]+$/, "must be a recovery code like ABCD-EFGH-JKMN-PQRS");

export const recoveryRequest = z.object({ code: recoveryCode });

export const removeKeyRequest = z.object({
  /** Instead of a fresh check with another key: one recovery code, spent. */
  recoveryCode: recoveryCode.optional(),
});

export const securityKey = z.object({
  id: z.string(),
  nickname: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  transports: z.array(z.string()),
  deviceType: z.string(),
  backedUp: z.boolean(),
});
export type SecurityKey = z.infer<typeof securityKey>;

export const securityKeysResponse = z.object({ keys: z.array(securityKey) });

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const registerKeyResponse = z.object({
  key: securityKey,
  /** Present after the first key only: shown once, never again. */
  recoveryCodes: z.array(z.string()).nullable(),
});

export const mfaPolicySettings = z.object({
  requireMfa: mfaPolicy,
  graceDays: z.number().int().min(0, "must be 0 or more").max(365, "must be at most 365"),
  /** Require a PIN or biometric on the key; off lets a YubiKey without a PIN be the second factor. */
  userVerification: z.boolean(),
});
export type MfaPolicySettings = z.infer<typeof mfaPolicySettings>;

export const complianceState = z.enum([
  "enrolled",
  "in-grace",
  "out-of-compliance",
  "not-required",
]);
export type ComplianceState = z.infer<typeof complianceState>;

export const compliancePerson = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: orgRole,
  status: z.enum(["active", "suspended"]),
  keyCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
  graceUntil: z.string().nullable(),
  compliance: complianceState,
});
export type CompliancePerson = z.infer<typeof compliancePerson>;

export const mfaAdminResponse = z.object({
  policy: mfaPolicySettings.extend({ since: z.string().nullable() }),
  people: z.array(compliancePerson),
});
export type MfaAdminResponse = z.infer<typeof mfaAdminResponse>;

/** An admin's reset of someone's security keys. */
export const resetMfaResponse = z.object({
  keysRemoved: z.number().int(),
  sessionsRevoked: z.number().int(),
});
