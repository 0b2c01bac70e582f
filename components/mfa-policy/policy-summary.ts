import type { CompliancePerson, MfaPolicy, MfaPolicySettings } from "@/lib/api/mfa";
import { countOf } from "@/lib/client/format";

/** Whether a policy asks this person for a security key. */
export function appliesTo(policy: MfaPolicy, person: CompliancePerson) {
  return policy === "everyone" || (policy === "admins" && person.role !== "member");
}

/** The saved policy in one sentence, for the confirmation after a save. */
export function policySummary(settings: MfaPolicySettings) {
  if (settings.requireMfa === "off") return "Security keys are optional.";
  const who = settings.requireMfa === "everyone" ? "Everyone" : "Admins and owners";
  const when =
    settings.graceDays === 0
      ? "starting now"
      : `after a grace period of ${countOf(settings.graceDays, "day")}`;
  return `${who} must sign in with a security key, ${when}.`;
}
