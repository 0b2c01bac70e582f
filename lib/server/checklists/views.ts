import "server-only";
import type {
  AutomaticAction,
  ChecklistDto,
  ChecklistSummaryDto,
  OffboardingReport,
} from "@/lib/api/checklist";
import type { getChecklistRun } from "../data/checklists";

type LoadedRun = NonNullable<Awaited<ReturnType<typeof getChecklistRun>>>;
type Person = { id: string; name: string };

const unknownPerson = (id: string): Person => ({ id, name: "Former member" });

/** What a summary reads of a run: lists load only this much. */
type SummaryRun = Pick<
  LoadedRun["run"],
  | "id"
  | "kind"
  | "status"
  | "subjectUserId"
  | "subjectEmail"
  | "startedById"
  | "startedAt"
  | "completedAt"
> & {
  steps: Array<Pick<LoadedRun["run"]["steps"][number], "action" | "status">>;
};

export function checklistSummary(
  run: SummaryRun,
  people: Map<string, Person>,
): ChecklistSummaryDto {
  const counted = run.steps.filter((step) => step.action !== "report");
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    subject: {
      userId: run.subjectUserId,
      email: run.subjectEmail,
      name: run.subjectUserId ? (people.get(run.subjectUserId)?.name ?? null) : null,
    },
    startedBy: people.get(run.startedById) ?? unknownPerson(run.startedById),
    startedAt: run.startedAt.toISOString(),
    completedAt: run.completedAt?.toISOString() ?? null,
    progress: {
      done: counted.filter((step) => step.status !== "pending").length,
      total: counted.length,
    },
  };
}

export function checklistToDto({ run, people }: LoadedRun): ChecklistDto {
  return {
    ...checklistSummary(run, people),
    report: (run.report as OffboardingReport | null) ?? null,
    steps: run.steps.map((step) => ({
      id: step.id,
      position: step.position,
      kind: step.kind,
      action: (step.action as AutomaticAction | null) ?? null,
      vaultId: step.vaultId,
      vaultRole: step.vaultRole,
      title: step.title,
      description: step.description,
      link: step.link,
      assigneeRole: step.assigneeRole as "admin" | "vault_manager",
      status: step.status,
      actor: step.actorId ? (people.get(step.actorId) ?? unknownPerson(step.actorId)) : null,
      completedAt: step.completedAt?.toISOString() ?? null,
      comments: step.comments.map((comment) => ({
        id: comment.id,
        author: people.get(comment.authorId) ?? unknownPerson(comment.authorId),
        body: comment.body,
        createdAt: comment.createdAt.toISOString(),
      })),
    })),
  };
}
