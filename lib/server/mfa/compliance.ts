import "server-only";
import type { ComplianceState, MfaPolicy, MfaState } from "@/lib/api/mfa";
import type { OrgRole } from "@/lib/api/account";

const dayMs = 86_400_000;

export interface OrgMfaPolicy {
  requireMfa: MfaPolicy;
  mfaGraceDays: number;
  mfaPolicySince: Date | null;
  mfaUserVerification: boolean;
}

export interface PersonMfaFacts {
  role: OrgRole;
  createdAt: Date;
  /** Set once the person enrolled a key, or an admin reset their keys. */
  mfaRequired: boolean;
  activeKeyCount: number;
}

export interface Compliance {
  required: boolean;
  compliant: boolean;
  graceUntil: Date | null;
}

/**
 * Whether a person meets the org's MFA policy. Someone with a key always does; someone made
 * MFA-required personally (by enrolling once, or by an admin reset) never does without one;
 * otherwise the policy applies to their role after a grace period that starts when the policy
 * reached them (the policy change, or their sign-up if later).
 */
export function complianceOf(
  policy: OrgMfaPolicy,
  person: PersonMfaFacts,
  now = new Date(),
): Compliance {
  const policyApplies =
    policy.requireMfa === "everyone" ||
    (policy.requireMfa === "admins" && person.role !== "member");
  if (person.activeKeyCount > 0) {
    return { required: policyApplies || person.mfaRequired, compliant: true, graceUntil: null };
  }
  if (person.mfaRequired) return { required: true, compliant: false, graceUntil: null };
  if (!policyApplies) return { required: false, compliant: true, graceUntil: null };
  const since = policy.mfaPolicySince ?? person.createdAt;
  const start = Math.max(since.getTime(), person.createdAt.getTime());
  const graceUntil = new Date(start + policy.mfaGraceDays * dayMs);
  return { required: true, compliant: now < graceUntil, graceUntil };
}

/** The label the admin compliance view shows. */
export function complianceLabel(compliance: Compliance, activeKeyCount: number): ComplianceState {
  if (activeKeyCount > 0) return "enrolled";
  if (!compliance.required) return "not-required";
  return compliance.compliant ? "in-grace" : "out-of-compliance";
}

/** A session is pending until a key confirms it, when the person has any key. */
export function sessionMfaState(activeKeyCount: number, sessionVerified: boolean): MfaState {
  if (activeKeyCount === 0) return "none";
  return sessionVerified ? "verified" : "pending";
}
