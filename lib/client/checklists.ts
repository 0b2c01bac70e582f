import {
  checklistDto,
  checklistListResponse,
  onboardingInviteResponse,
  peopleResponse,
  taskListResponse,
  templateDto,
  templateListResponse,
  type ChecklistKind,
  type OnboardingInviteRequest,
  type StepStatus,
  type TemplateInput,
} from "@/lib/api/checklist";
import { api } from "@/lib/client/api";

// Every checklist, onboarding and task call in one place, each parsed with its lib/api contract.

const templatePath = (templateId: string) =>
  `/api/v1/checklist-templates/${encodeURIComponent(templateId)}`;
const checklistPath = (checklistId: string) =>
  `/api/v1/checklists/${encodeURIComponent(checklistId)}`;
const stepPath = (checklistId: string, stepId: string) =>
  `${checklistPath(checklistId)}/steps/${encodeURIComponent(stepId)}`;

export const checklistApi = {
  templates: () => api("/api/v1/checklist-templates", { schema: templateListResponse }),
  createTemplate: (input: TemplateInput) =>
    api("/api/v1/checklist-templates", { json: input, schema: templateDto }),
  updateTemplate: (templateId: string, input: TemplateInput) =>
    api(templatePath(templateId), { method: "PUT", json: input, schema: templateDto }),
  deleteTemplate: (templateId: string) => api(templatePath(templateId), { method: "DELETE" }),

  list: (filter: { status?: "open" | "done" | "cancelled"; kind?: ChecklistKind } = {}) => {
    const query = new URLSearchParams();
    if (filter.status) query.set("status", filter.status);
    if (filter.kind) query.set("kind", filter.kind);
    const search = query.toString();
    return api(`/api/v1/checklists${search ? `?${search}` : ""}`, {
      schema: checklistListResponse,
    });
  },
  get: (checklistId: string) => api(checklistPath(checklistId), { schema: checklistDto }),
  /** Answers the whole checklist as it stands after the change. */
  setStepStatus: (checklistId: string, stepId: string, status: StepStatus) =>
    api(stepPath(checklistId, stepId), { method: "PUT", json: { status }, schema: checklistDto }),
  addComment: (checklistId: string, stepId: string, body: string) =>
    api(`${stepPath(checklistId, stepId)}/comments`, { json: { body }, schema: checklistDto }),

  people: () => api("/api/v1/people", { schema: peopleResponse }),
  tasks: () => api("/api/v1/tasks", { schema: taskListResponse }),
  /** The token appears only in this answer; the caller shows it once and keeps it nowhere. */
  invite: (request: OnboardingInviteRequest) =>
    api("/api/v1/invites", { json: request, schema: onboardingInviteResponse }),
};
