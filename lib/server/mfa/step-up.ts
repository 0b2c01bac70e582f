import "server-only";
import { env } from "../env";
import { stepUpRequired } from "../errors";
import type { SessionContext } from "../session";

/** How long one key check covers sensitive actions (five minutes unless configured). */
const stepUpWindowMs = env.COFFER_STEP_UP_MINUTES * 60_000;

/** Until when this session may act without a new key check; null when it needs one now. */
export function stepUpUntil(session: SessionContext, now = Date.now()): Date | null {
  if (session.mfa.activeKeyCount === 0) return null;
  if (!session.mfa.stepUpAt) return null;
  const until = new Date(session.mfa.stepUpAt).getTime() + stepUpWindowMs;
  return until > now ? new Date(until) : null;
}

/**
 * Sensitive actions need a key check from the last five minutes, when the person has a key.
 * `notKeyId` refuses a check made with that key: a key cannot vouch for its own removal
 * (a recovery code, recorded as no key, can).
 */
export function requireStepUp(session: SessionContext, options: { notKeyId?: string } = {}) {
  if (session.mfa.activeKeyCount === 0) return;
  if (!stepUpUntil(session)) throw stepUpRequired();
  if (options.notKeyId && session.mfa.stepUpCredentialId === options.notKeyId) {
    throw stepUpRequired("Confirm with another security key or a recovery code.");
  }
}
