import "server-only";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { MfaStatusResponse, SecurityKey } from "@/lib/api/mfa";
import { recordAudit } from "../audit";
import { HttpError, tooManyRequests } from "../errors";
import { markSessionVerified } from "../data/sessions";
import {
  addKey,
  countUnusedRecoveryCodes,
  findActiveKeyByCredentialId,
  listActiveKeys,
  recordKeyUse,
  replaceRecoveryCodes,
  spendRecoveryCode,
} from "../data/mfa";
import { recordSignInFailure } from "../data/sign-in-failures";
import { retryAfter } from "../auth/rate-limit";
import type { SessionContext } from "../session";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import { stepUpUntil } from "./step-up";
import { verifyAssertion, verifyRegistration, WebAuthnRefused } from "./webauthn";
import { completeOnboardingMfa } from "../onboarding/progress";

type AuditRequest = Request;

const recoveryAttemptLimit = 5;
const recoveryWindowMs = 15 * 60_000;
const recoveryBucket = (userId: string) => `recovery:${userId}`;

const refused = (message: string) => new HttpError(403, "mfa_refused", message);

export async function mfaStatus(session: SessionContext): Promise<MfaStatusResponse> {
  return {
    state: session.mfa.state,
    compliant: session.mfa.compliant,
    required: session.mfa.required,
    graceUntil: session.mfa.graceUntil,
    keyCount: session.mfa.activeKeyCount,
    recoveryCodesLeft: await countUnusedRecoveryCodes(session.userId),
    stepUpUntil: stepUpUntil(session)?.toISOString() ?? null,
  };
}

export function keyToDto(key: {
  id: string;
  nickname: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
}): SecurityKey {
  return {
    id: key.id,
    nickname: key.nickname,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    transports: key.transports,
    deviceType: key.deviceType,
    backedUp: key.backedUp,
  };
}

/**
 * A key assertion for this session: the sign-in's second factor, or a step-up. Every refusal
 * (unknown or foreign key, spent or foreign challenge, bad signature, counter gone backwards,
 * wrong origin or RP ID, missing user verification) is recorded and changes nothing.
 */
export async function confirmWithKey(
  session: SessionContext,
  response: AuthenticationResponseJSON,
  request: AuditRequest,
) {
  const key = await findActiveKeyByCredentialId(response.id);
  try {
    if (!key || key.userId !== session.userId) throw new WebAuthnRefused("unknown_key");
    const { newCounter } = await verifyAssertion({
      sessionId: session.sessionId,
      response,
      key,
      userVerificationRequired: session.mfa.userVerification,
    });
    // Two racing uses of one assertion: the counter compare-and-swap lets one through.
    if (!(await recordKeyUse(key.id, key.counter, newCounter))) {
      throw new WebAuthnRefused("counter");
    }
  } catch (error) {
    if (!(error instanceof WebAuthnRefused)) throw error;
    await recordAudit({
      action: "mfa.verify_failed",
      actorId: session.userId,
      request,
      targetType: "security_key",
      targetId: key?.userId === session.userId ? key.id : undefined,
      details: { reason: error.reason },
    });
    throw refused("The security key's answer was not accepted. Try again.");
  }
  const wasPending = session.mfa.state === "pending";
  await markSessionVerified(session.sessionId, key.id);
  await recordAudit({
    action: wasPending ? "mfa.verify" : "mfa.step_up",
    actorId: session.userId,
    request,
    targetType: "security_key",
    targetId: key.id,
  });
}

/** One recovery code instead of a key: spent at once, never accepted twice. */
export async function confirmWithRecoveryCode(
  session: SessionContext,
  code: string,
  request: AuditRequest,
) {
  const bucket = recoveryBucket(session.userId);
  const wait = await retryAfter([[bucket, recoveryAttemptLimit]], recoveryWindowMs);
  if (wait > 0) throw tooManyRequests(wait);
  if (!(await spendRecoveryCode(session.userId, hashRecoveryCode(session.userId, code)))) {
    await recordSignInFailure([bucket]);
    await recordAudit({
      action: "mfa.recovery_code_failed",
      actorId: session.userId,
      request,
    });
    throw refused("That recovery code is not valid or was already used.");
  }
  await markSessionVerified(session.sessionId, null);
  const left = await countUnusedRecoveryCodes(session.userId);
  await recordAudit({
    action: "mfa.recovery_code_use",
    actorId: session.userId,
    request,
    details: { codesLeft: left },
  });
}

/**
 * Adds a key. The first one also makes the person's ten recovery codes (returned once) and
 * confirms this session, since registering proved possession of the key.
 */
export async function enrolKey(
  session: SessionContext,
  input: { nickname: string; response: RegistrationResponseJSON },
  request: AuditRequest,
): Promise<{ key: SecurityKey; recoveryCodes: string[] | null }> {
  let verified;
  try {
    verified = await verifyRegistration({
      sessionId: session.sessionId,
      response: input.response,
      userVerificationRequired: session.mfa.userVerification,
    });
  } catch (error) {
    if (!(error instanceof WebAuthnRefused)) throw error;
    await recordAudit({
      action: "mfa.key_add_failed",
      actorId: session.userId,
      request,
      details: { reason: error.reason },
    });
    throw refused("The security key could not be registered. Try again.");
  }
  const firstKey = (await listActiveKeys(session.userId)).length === 0;
  const key = await addKey({ userId: session.userId, nickname: input.nickname, ...verified });
  const recoveryCodes = firstKey ? await issueRecoveryCodes(session.userId) : null;
  await markSessionVerified(session.sessionId, key.id);
  await recordAudit({
    action: "mfa.key_add",
    actorId: session.userId,
    request,
    targetType: "security_key",
    targetId: key.id,
    details: { firstKey },
  });
  // A key meets any MFA policy: a newcomer's onboarding moves on to its vault grants.
  await completeOnboardingMfa(session.userId, request);
  return { key: keyToDto(key), recoveryCodes };
}

export async function issueRecoveryCodes(userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await replaceRecoveryCodes(
    userId,
    codes.map((code) => hashRecoveryCode(userId, code)),
  );
  return codes;
}
