import "server-only";
import type { OnboardingInviteRequest } from "@/lib/api/checklist";
import { badRequest } from "../errors";
import { getOrgMfaPolicy } from "../data/mfa";
import { createOnboardingInvite } from "../data/onboarding";
import { templateForRun } from "../checklists/templates";
import { onboardingSteps } from "./onboarding-steps";
import { keyRequiredForRole } from "./progress";

/**
 * An invite with its onboarding checklist. Each vault may be named once and must be one of
 * the org's (400 naming `vaults.N.vaultId` otherwise); the manual steps come from `templateId`
 * or the default onboarding template.
 */
export async function startOnboarding(input: {
  orgId: string;
  createdById: string;
  invite: OnboardingInviteRequest;
}) {
  const { invite } = input;
  const seen = new Set<string>();
  invite.vaults.forEach((vault, index) => {
    if (seen.has(vault.vaultId)) {
      throw badRequest("This vault is already named above.", `vaults.${index}.vaultId`);
    }
    seen.add(vault.vaultId);
  });
  const template = await templateForRun(input.orgId, "onboarding", invite.templateId);
  const policy = await getOrgMfaPolicy();
  const created = await createOnboardingInvite({
    orgId: input.orgId,
    email: invite.email,
    role: invite.role,
    createdById: input.createdById,
    vaultGrants: invite.vaults,
    templateId: template?.id ?? null,
    steps: onboardingSteps({
      keyRequired: keyRequiredForRole(policy, invite.role),
      vaults: invite.vaults,
      manual: template?.steps ?? [],
    }),
  });
  if (created.outcome === "unknown_vault") {
    const field = `vaults.${created.index}.vaultId`;
    throw badRequest(
      "This vault is not in the organisation any more. Choose another or remove the row.",
      field,
    );
  }
  return created;
}
