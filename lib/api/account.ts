import { z } from "zod";
import { base64url, clientId, email, envelope, kdfParams } from "./common";

/** Everything a client makes at sign-up; all of it is public or wrapped. */
export const newAccount = z.object({
  userId: clientId,
  email,
  name: z.string().trim().min(1, "is required").max(100),
  kdf: kdfParams.extend({ salt: base64url(16) }),
  loginPublicKey: base64url(32),
  wrappedUserKey: envelope,
  boxPublicKey: base64url(32),
  signPublicKey: base64url(32),
  wrappedBoxPrivateKey: envelope,
  wrappedSignPrivateKey: envelope,
  bundleSignature: base64url(64),
});
export type NewAccount = z.infer<typeof newAccount>;

export const setupStatusResponse = z.object({ needsSetup: z.boolean() });

export const setupRequest = z.object({
  organizationName: z.string().trim().min(1, "is required").max(100),
  account: newAccount,
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const signupRequest = z.object({
  inviteToken: base64url(32),
  account: newAccount,
});
export type SignupRequest = z.infer<typeof signupRequest>;

export const accountCreatedResponse = z.object({ userId: z.string() });

export const orgRole = z.enum(["owner", "admin", "member"]);
export type OrgRole = z.infer<typeof orgRole>;

export const accountResponse = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: orgRole,
  organizationName: z.string(),
});
export type AccountResponse = z.infer<typeof accountResponse>;

/** Wrapped key material: released only to a fully signed-in session. */
export const keyMaterialResponse = z.object({
  userId: z.string(),
  email: z.string(),
  wrappedUserKey: envelope,
  wrappedBoxPrivateKey: envelope,
  wrappedSignPrivateKey: envelope,
  boxPublicKey: base64url(32),
  signPublicKey: base64url(32),
  bundleSignature: base64url(64),
});
export type KeyMaterialResponse = z.infer<typeof keyMaterialResponse>;

/**
 * A password change proves the old password with a fresh login signature and replaces the
 * salt, KDF parameters, login public key and wrapped userKey; the userKey itself is unchanged.
 */
export const changePasswordRequest = z.object({
  challengeId: z.string().min(1).max(64),
  signature: base64url(64),
  kdf: kdfParams.extend({ salt: base64url(16) }),
  loginPublicKey: base64url(32),
  wrappedUserKey: envelope,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/**
 * Bringing an account's KDF parameters up to the current target after a sign-in: the same
 * proof and replacement as a password change, with the password itself unchanged.
 */
export const kdfUpgradeRequest = changePasswordRequest;
export type KdfUpgradeRequest = z.infer<typeof kdfUpgradeRequest>;
