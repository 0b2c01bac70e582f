import "server-only";
import { manualStep } from "@/lib/api/checklist";
import { manualSteps, type NewStep } from "../data/checklists";
import type { PersonVault } from "../data/offboarding";

/** A vault only they manage while others remain: someone must be made its manager first. */
export const needsHandover = (vault: PersonVault) =>
  vault.role === "manage" && vault.otherManagers === 0 && vault.otherMembers > 0;

/**
 * The steps of an offboarding, in the order people work through them: what Coffer did at
 * once (done), hand-overs (an admin picks a new manager), one re-key per vault (its managers'
 * browsers rotate the key without the person), the template's manual steps, the report.
 */
export function offboardingSteps(vaults: PersonVault[], templateSteps: unknown): NewStep[] {
  // Step by step: one malformed template entry must not cost the offboarding the others (the
  // suspension itself must never wait on a template).
  const manual = (Array.isArray(templateSteps) ? templateSteps : []).flatMap((step) => {
    const parsed = manualStep.safeParse(step);
    return parsed.success ? [parsed.data] : [];
  });
  return [
    {
      kind: "automatic",
      action: "suspend",
      title: "Suspend the account",
      assigneeRole: "admin",
      done: true,
    },
    {
      kind: "automatic",
      action: "revoke_access",
      title: "Revoke sessions, security keys, machine tokens, share links and pending invites",
      assigneeRole: "admin",
      done: true,
    },
    {
      kind: "automatic",
      action: "flag_items",
      title: "Flag every item they could decrypt for rotation",
      assigneeRole: "admin",
      done: true,
    },
    ...vaults.filter(needsHandover).map((vault): NewStep => ({
      kind: "automatic",
      action: "handover_vault",
      vaultId: vault.vaultId,
      title: "Hand the vault over to another manager",
      description: "They were its only manager. Choose a member to manage it and re-key it.",
      assigneeRole: "admin",
    })),
    ...vaults.map((vault): NewStep => ({
      kind: "automatic",
      action: "rotate_vault",
      vaultId: vault.vaultId,
      title: "Re-key the vault without them",
      description:
        vault.otherMembers === 0
          ? "Nobody else is in this vault: there is no one to re-key it for. Its items are flagged."
          : "A manager's browser makes a new vault key, re-encrypts every item and removes them.",
      assigneeRole: "vault_manager",
    })),
    ...manualSteps(manual),
    {
      kind: "automatic",
      action: "report",
      title: "Completion report",
      assigneeRole: "admin",
    },
  ];
}
