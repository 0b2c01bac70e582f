import "server-only";
import type { ManualStep } from "@/lib/api/checklist";
import { manualSteps, type NewStep } from "../data/checklists";

/**
 * An onboarding run's steps, in the order they happen: the invite (done as the run starts),
 * the account, a security key when the policy asks one of this role, one grant per vault the
 * invite names (for that vault's managers), then the template's manual steps.
 */
export function onboardingSteps(input: {
  keyRequired: boolean;
  vaults: Array<{ vaultId: string; role: "manage" | "edit" | "view" }>;
  manual: ManualStep[];
}): NewStep[] {
  return [
    {
      kind: "automatic",
      action: "invite",
      title: "Invite",
      description: "A one-time link, valid for seven days.",
      assigneeRole: "admin",
      done: true,
    },
    {
      kind: "automatic",
      action: "account",
      title: "Create the account",
      description: "The newcomer opens the link, sets a password and saves their Emergency Kit.",
      assigneeRole: "admin",
    },
    ...(input.keyRequired
      ? [
          {
            kind: "automatic" as const,
            action: "mfa" as const,
            title: "Add a security key",
            description: "The organisation's policy asks a security key of this role.",
            assigneeRole: "admin" as const,
          },
        ]
      : []),
    ...input.vaults.map((vault): NewStep => ({
      kind: "automatic",
      action: "grant_vault",
      vaultId: vault.vaultId,
      vaultRole: vault.role,
      title: "Grant vault access",
      description:
        "A manager of the vault compares the newcomer's fingerprint, then seals and signs the vault key for them.",
      assigneeRole: "vault_manager",
    })),
    ...manualSteps(input.manual),
  ];
}
