import {
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import {
  mfaAdminResponse,
  mfaStatusResponse,
  recoveryCodesResponse,
  registerKeyResponse,
  securityKeysResponse,
  webAuthnOptionsResponse,
  type MfaPolicySettings,
} from "@/lib/api/mfa";
import { api } from "./api";

/** The browser's side of security keys: every ceremony runs against our /api/v1/mfa routes. */

export const getMfaStatus = () => api("/api/v1/mfa", { schema: mfaStatusResponse });

/** A readable sentence for what the browser's WebAuthn call refused. */
export function webAuthnProblem(error: unknown): string | null {
  if (error instanceof WebAuthnError) {
    if (error.code === "ERROR_CEREMONY_ABORTED") return "The security key request was cancelled.";
    if (error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
      return "That security key is already registered to your account.";
    }
    if (error.code === "ERROR_INVALID_DOMAIN" || error.code === "ERROR_INVALID_RP_ID") {
      return "Security keys need Coffer to be opened at its configured address (COFFER_URL).";
    }
  }
  // @simplewebauthn passes NotAllowedError through as a WebAuthnError of the same name. The
  // browser gives the same answer for a timeout, a cancel and a key that is not registered.
  if (error instanceof Error && error.name === "NotAllowedError") {
    return "No security key registered to your account answered, or the request was cancelled. Try again.";
  }
  return null;
}

/**
 * Confirms this session with a key: the sign-in's second factor, or a step-up before a
 * sensitive action. `excludeKeyId` asks for any key but that one (removing a key).
 */
export async function confirmWithKey(options: { excludeKeyId?: string } = {}) {
  const optionsJSON = (await api("/api/v1/mfa/assertion/options", {
    json: options,
    schema: webAuthnOptionsResponse,
  })) as unknown as PublicKeyCredentialRequestOptionsJSON;
  const response = await startAuthentication({ optionsJSON });
  return api("/api/v1/mfa/assertion", { json: { response }, schema: mfaStatusResponse });
}

export const confirmWithRecoveryCode = (code: string) =>
  api("/api/v1/mfa/recovery", { json: { code }, schema: mfaStatusResponse });

/** Registers a new key under a nickname; the first one comes back with the recovery codes. */
export async function enrolKey(nickname: string) {
  const optionsJSON = (await api("/api/v1/mfa/keys/options", {
    method: "POST",
    schema: webAuthnOptionsResponse,
  })) as unknown as PublicKeyCredentialCreationOptionsJSON;
  const response = await startRegistration({ optionsJSON });
  return api("/api/v1/mfa/keys", {
    json: { nickname, response },
    schema: registerKeyResponse,
  });
}

export const listKeys = () => api("/api/v1/mfa/keys", { schema: securityKeysResponse });

export const renameKey = (keyId: string, nickname: string) =>
  api(`/api/v1/mfa/keys/${encodeURIComponent(keyId)}`, { method: "PUT", json: { nickname } });

/**
 * Removes a key after a check with another key, or with a recovery code (when the other keys
 * are lost too, or this was the only one).
 */
export async function removeKey(keyId: string, proof: { recoveryCode?: string } = {}) {
  if (!proof.recoveryCode) await confirmWithKey({ excludeKeyId: keyId });
  await api(`/api/v1/mfa/keys/${encodeURIComponent(keyId)}`, {
    method: "DELETE",
    json: proof.recoveryCode ? { recoveryCode: proof.recoveryCode } : {},
  });
}

export const regenerateRecoveryCodes = () =>
  api("/api/v1/mfa/recovery-codes", { method: "POST", schema: recoveryCodesResponse });

export const getMfaAdmin = () => api("/api/v1/admin/mfa", { schema: mfaAdminResponse });

export const saveMfaPolicy = (settings: MfaPolicySettings) =>
  api("/api/v1/admin/mfa", { method: "PUT", json: settings, schema: mfaAdminResponse });

export const resetPersonMfa = (userId: string) =>
  api(`/api/v1/users/${encodeURIComponent(userId)}/mfa`, { method: "DELETE" });
