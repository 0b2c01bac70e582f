// Offboarding, rotation-tracker and lockdown calls for integration tests, over the real HTTP
// API. Each returns the raw answer; the typed readers below assert nothing, so a test states
// the status it expects itself.
import type { ChecklistDto, OffboardingReport } from "../../lib/api/checklist";
import type { ItemFlagDto } from "../../lib/api/rotation";
import type { ApiClient } from "./protocol-client";

export function startOffboarding(client: ApiClient, userId: string, templateId?: string) {
  return client.request("/api/v1/offboardings", { json: { userId, templateId } });
}

export function checklistOf(response: { body: unknown }) {
  return response.body as ChecklistDto;
}

export function reportOf(response: { body: unknown }) {
  return response.body as OffboardingReport;
}

/** The run's steps for one action, in order. */
export function stepsOf(checklist: ChecklistDto, action: string) {
  return checklist.steps.filter((step) => step.action === action);
}

export async function flagList(client: ApiClient, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString();
  const response = await client.request(`/api/v1/flags${search ? `?${search}` : ""}`);
  return { ...response, flags: (response.body as { flags?: ItemFlagDto[] }).flags ?? [] };
}

/** Open flags of one item raised by one source, as an admin or member sees them. */
export async function flagsFor(client: ApiClient, itemId: string, state = "open") {
  const { flags } = await flagList(client, { state });
  return flags.filter((flag) => flag.itemId === itemId);
}

export function report(client: ApiClient, checklistId: string) {
  return client.request(`/api/v1/offboardings/${checklistId}/report`);
}

export function handOver(
  client: ApiClient,
  checklistId: string,
  stepId: string,
  newManagerId: string,
) {
  return client.request(`/api/v1/checklists/${checklistId}/steps/${stepId}/handover`, {
    json: { newManagerId },
  });
}

export function lockDown(client: ApiClient, confirmation = "LOCK DOWN") {
  return client.request("/api/v1/admin/lockdown", { json: { confirmation } });
}

export function liftLockdown(client: ApiClient) {
  return client.request("/api/v1/admin/lockdown", { method: "DELETE" });
}

export const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;
