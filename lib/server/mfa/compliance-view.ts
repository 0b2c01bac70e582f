import "server-only";
import type { MfaAdminResponse } from "@/lib/api/mfa";
import { getOrgMfaPolicy, getPersonMfaFacts, listMfaFacts } from "../data/mfa";
import { complianceLabel, complianceOf, type OrgMfaPolicy } from "./compliance";

export function policyToDto(policy: OrgMfaPolicy): MfaAdminResponse["policy"] {
  return {
    requireMfa: policy.requireMfa,
    graceDays: policy.mfaGraceDays,
    userVerification: policy.mfaUserVerification,
    since: policy.mfaPolicySince?.toISOString() ?? null,
  };
}

/** The admin's compliance view: each person, their keys, last use and where they stand. */
export async function complianceView(): Promise<MfaAdminResponse> {
  const [policy, people] = await Promise.all([getOrgMfaPolicy(), listMfaFacts()]);
  const now = new Date();
  return {
    policy: policyToDto(policy),
    people: people.map((person) => {
      const keyCount = person.webAuthnCredentials.length;
      const compliance = complianceOf(policy, { ...person, activeKeyCount: keyCount }, now);
      const lastUsed = person.webAuthnCredentials
        .map((key) => key.lastUsedAt?.getTime() ?? 0)
        .reduce((latest, time) => Math.max(latest, time), 0);
      return {
        userId: person.id,
        name: person.name,
        email: person.email,
        role: person.role,
        status: person.status,
        keyCount,
        lastUsedAt: lastUsed ? new Date(lastUsed).toISOString() : null,
        graceUntil: compliance.graceUntil?.toISOString() ?? null,
        compliance: complianceLabel(compliance, keyCount),
      };
    }),
  };
}

/** Whether a person (not a session) meets the MFA policy now: vault keys go only to those who do. */
export async function personIsCompliant(userId: string): Promise<boolean> {
  const [policy, person] = await Promise.all([getOrgMfaPolicy(), getPersonMfaFacts(userId)]);
  if (!person) return false;
  return complianceOf(policy, { ...person, activeKeyCount: person._count.webAuthnCredentials })
    .compliant;
}
