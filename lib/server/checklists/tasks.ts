import "server-only";
import type { TaskDto } from "@/lib/api/checklist";
import { listOpenVaultSteps, listSubjectFacts, managedVaultIds } from "../data/checklist-runs";
import { getOrgMfaPolicy } from "../data/mfa";
import { complianceOf } from "../mfa/compliance";

/**
 * What waits on this person as a vault manager: newcomers to grant their vaults to, and vaults
 * to re-key after a departure. A grant is ready once the newcomer has an account, is active
 * and meets the MFA policy — the same rule the members route enforces (409 otherwise).
 */
export async function tasksFor(userId: string): Promise<TaskDto[]> {
  const steps = (await listOpenVaultSteps(await managedVaultIds(userId))).filter(
    // Nobody grants a vault to themselves.
    (step) => step.run.subjectUserId !== userId,
  );
  const subjectIds = steps.flatMap((step) =>
    step.run.subjectUserId ? [step.run.subjectUserId] : [],
  );
  const [subjects, policy] = await Promise.all([listSubjectFacts(subjectIds), getOrgMfaPolicy()]);
  const now = new Date();
  const subjectById = new Map(subjects.map((subject) => [subject.id, subject]));
  const canReceiveKey = (subjectId: string | null) => {
    const subject = subjectId ? subjectById.get(subjectId) : undefined;
    if (!subject || subject.status !== "active") return false;
    return complianceOf(
      policy,
      { ...subject, activeKeyCount: subject._count.webAuthnCredentials },
      now,
    ).compliant;
  };
  return steps.map((step) => {
    const subject = step.run.subjectUserId ? subjectById.get(step.run.subjectUserId) : undefined;
    return {
      checklistId: step.run.id,
      stepId: step.id,
      action: step.action as TaskDto["action"],
      vaultId: step.vaultId ?? "",
      vaultRole: step.vaultRole,
      subject: {
        userId: step.run.subjectUserId,
        email: step.run.subjectEmail,
        name: subject?.name ?? null,
      },
      ready: step.action === "rotate_vault" || canReceiveKey(step.run.subjectUserId),
      createdAt: step.run.startedAt.toISOString(),
    };
  });
}
