import "server-only";
import type { OrgRole } from "@/lib/api/account";
import { completeAutomaticSteps } from "../data/checklists";
import { doneRunIds } from "../data/checklist-runs";
import { getOrgMfaPolicy } from "../data/mfa";
import { complianceOf, type OrgMfaPolicy } from "../mfa/compliance";
import { recordStepChange } from "../checklists/record";

/**
 * Whether the org's policy asks a security key of a newcomer with this role: the compliance
 * rule itself, applied to a person who has just arrived and has no key yet.
 */
export function keyRequiredForRole(policy: OrgMfaPolicy, role: OrgRole): boolean {
  return complianceOf(policy, {
    role,
    createdAt: new Date(),
    mfaRequired: false,
    activeKeyCount: 0,
  }).required;
}

/** The current policy's answer for each role, for a sign-up's transaction. */
export async function newcomerKeyRequirement() {
  const policy = await getOrgMfaPolicy();
  return (role: OrgRole) => keyRequiredForRole(policy, role);
}

/** Audits what sign-up did to the newcomer's onboarding run (see acceptInvite). */
export async function recordSignupSteps(
  onboarding: { runId: string; done: Array<"account" | "mfa">; closed: boolean } | null,
  userId: string,
  request: Request,
) {
  if (!onboarding) return;
  for (const [index, action] of onboarding.done.entries()) {
    await recordStepChange({
      actorId: action === "account" ? userId : null,
      request,
      runId: onboarding.runId,
      action,
      status: "done",
      automatic: true,
      closed: onboarding.closed && index === onboarding.done.length - 1,
    });
  }
}

async function completeOnboardingSteps(
  where: { action: "mfa" | "grant_vault"; subjectUserId: string; vaultId?: string },
  actorId: string,
  request: Request,
) {
  const runIds = await completeAutomaticSteps({ ...where, kind: "onboarding" }, actorId);
  const closed = await doneRunIds(runIds);
  for (const runId of runIds) {
    await recordStepChange({
      actorId,
      request,
      runId,
      action: where.action,
      vaultId: where.vaultId,
      status: "done",
      automatic: true,
      closed: closed.has(runId),
    });
  }
}

/** A newcomer enrolled a security key: they meet any MFA policy now. */
export const completeOnboardingMfa = (userId: string, request: Request) =>
  completeOnboardingSteps({ action: "mfa", subjectUserId: userId }, userId, request);

/** A manager sealed a vault's key to a newcomer: that vault's grant step is done. */
export const completeOnboardingGrant = (
  grant: { vaultId: string; userId: string; granterId: string },
  request: Request,
) =>
  completeOnboardingSteps(
    { action: "grant_vault", subjectUserId: grant.userId, vaultId: grant.vaultId },
    grant.granterId,
    request,
  );
