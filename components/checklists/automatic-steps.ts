import type { ChecklistKind } from "@/lib/api/checklist";

/**
 * What Coffer does itself in every run of a kind (lib/server/onboarding/onboarding-steps.ts,
 * lib/server/offboarding/steps.ts), shown for context: templates add manual steps only.
 */
export const automaticSteps: Record<ChecklistKind, Array<{ title: string; note: string }>> = {
  onboarding: [
    { title: "Invite", note: "A one-time link, valid for seven days." },
    { title: "Create the account", note: "Password, keys and Emergency Kit." },
    { title: "Add a security key", note: "When the security policy asks one of their role." },
    {
      title: "Grant vault access",
      note: "One per vault the invite names: a manager compares fingerprints and seals the key.",
    },
  ],
  offboarding: [
    { title: "Suspend the account", note: "At once, when the offboarding starts." },
    {
      title: "Revoke sessions, security keys, machine tokens, share links and pending invites",
      note: "At once.",
    },
    { title: "Flag every item they could decrypt for rotation", note: "At once." },
    {
      title: "Hand the vault over to another manager",
      note: "For each vault they managed alone.",
    },
    { title: "Re-key the vault without them", note: "One per vault, by its managers." },
    { title: "Completion report", note: "Last, after the steps of the template." },
  ],
};
