import "server-only";
import { badRequest } from "../errors";
import { findTemplateSteps, startOffboardingRun } from "../data/offboarding";
import { getRotationSettings } from "../data/flags";
import { offboardingSteps } from "./steps";
import { refreshOffboardingReports } from "./report";
import type { OffboardingSubject } from "./policy";

/**
 * Starts an offboarding: everything automatic happens in one transaction (see
 * startOffboardingRun), then the stored report is filled in. The template is the one named,
 * else the org's default offboarding template, else none.
 */
export async function startOffboarding(input: {
  subject: OffboardingSubject;
  templateId?: string;
  startedById: string;
}) {
  const template = await findTemplateSteps(input.subject.orgId, input.templateId);
  if (input.templateId && !template) {
    throw badRequest("No such offboarding template.", "templateId");
  }
  const { dueHours } = await getRotationSettings();
  const started = await startOffboardingRun({
    orgId: input.subject.orgId,
    person: input.subject,
    startedById: input.startedById,
    templateId: template?.id ?? null,
    stepsFor: (vaults) => offboardingSteps(vaults, template?.steps),
    dueHours,
  });
  await refreshOffboardingReports([started.runId]);
  return started;
}
