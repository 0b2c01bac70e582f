import "server-only";
import type { ChecklistKind, ManualStep } from "@/lib/api/checklist";

/**
 * What an org starts with when it has no template of a kind: the manual steps most teams
 * forget, as a starting point to edit. Coffer's own steps (invite, account, security key,
 * vault grants; suspension, re-keying, flags) are added to every run and are not listed here.
 */
export const defaultTemplates: Record<ChecklistKind, { name: string; steps: ManualStep[] }> = {
  onboarding: {
    name: "Standard onboarding",
    steps: [
      {
        title: "Add to team chat",
        description: "Invite them to the chat workspace and the channels of their team.",
        link: "",
        assigneeRole: "admin",
      },
      {
        title: "Walk through the security policy",
        description:
          "Go over the rules for devices, passwords and reporting incidents, and check they keep their Emergency Kit somewhere safe.",
        link: "",
        assigneeRole: "admin",
      },
      {
        title: "Show them around their vaults",
        description: "Explain what each vault holds and how the team keeps it tidy.",
        link: "",
        assigneeRole: "vault_manager",
      },
    ],
  },
  offboarding: {
    name: "Standard offboarding",
    steps: [
      {
        title: "Collect laptop and hardware keys",
        description: "Including security keys registered with Coffer and any shared devices.",
        link: "",
        assigneeRole: "admin",
      },
      {
        title: "Remove from external services (cloud consoles, code hosting)",
        description: "Accounts Coffer does not control: cloud, code hosting, CI, domains, SaaS.",
        link: "",
        assigneeRole: "admin",
      },
      {
        title: "Remove from team chat and mailing lists",
        description: "",
        link: "",
        assigneeRole: "admin",
      },
    ],
  },
};
