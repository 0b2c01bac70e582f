import "server-only";
import { badRequest, conflict, notFound } from "../errors";
import { applyHandover, findMemberStanding, findHandoverStep } from "../data/offboarding";
import { personIsCompliant } from "../mfa/compliance-view";
import { refreshOffboardingReports } from "./report";

/**
 * Hands a vault the departing person solely managed to another of its members. The new
 * manager must be active, within the MFA policy (vault keys go only to people who are) and
 * a member already: the server cannot give anyone a vault key, only a role.
 */
export async function handOverVault(input: {
  runId: string;
  stepId: string;
  newManagerId: string;
  actorId: string;
}) {
  const step = await findHandoverStep(input.runId, input.stepId);
  if (!step?.vaultId) throw notFound("No such hand-over step.");
  if (step.run.status !== "open") throw conflict("This offboarding is no longer open.");
  if (step.status !== "pending") throw conflict("This hand-over is already done.");
  if (input.newManagerId === step.run.subjectUserId) {
    throw badRequest("The departing person cannot take the vault over.", "newManagerId");
  }
  const candidate = await findMemberStanding(step.vaultId, input.newManagerId);
  if (!candidate.role) {
    throw badRequest("The new manager must be a member of this vault.", "newManagerId");
  }
  if (candidate.status !== "active") {
    throw badRequest("The new manager's account is not active.", "newManagerId");
  }
  if (!(await personIsCompliant(input.newManagerId))) {
    throw conflict(
      "This person must add a security key, as your organisation requires, before they can manage a vault.",
      "member_not_compliant",
    );
  }
  const closed = await applyHandover({
    runId: input.runId,
    stepId: input.stepId,
    vaultId: step.vaultId,
    newManager: { id: input.newManagerId, name: candidate.name },
    actorId: input.actorId,
  });
  await refreshOffboardingReports([input.runId]);
  return { vaultId: step.vaultId, closed };
}
