import "server-only";
import { db } from "../db";
import { randomId } from "../tokens";
import type { Prisma } from "../generated/prisma/client";
import type { AutomaticAction, ChecklistKind, ManualStep } from "@/lib/api/checklist";

type Transaction = Prisma.TransactionClient;

/** A step about to be created: automatic (with its action) or manual (from a template). */
export interface NewStep {
  kind: "automatic" | "manual";
  action?: AutomaticAction;
  vaultId?: string;
  vaultRole?: "manage" | "edit" | "view";
  title: string;
  description?: string;
  link?: string;
  assigneeRole: "admin" | "vault_manager";
  /** Automatic steps Coffer has already done when the run starts. */
  done?: boolean;
}

export const manualSteps = (steps: ManualStep[]): NewStep[] =>
  steps.map((step) => ({
    kind: "manual",
    title: step.title,
    description: step.description || undefined,
    link: step.link || undefined,
    assigneeRole: step.assigneeRole,
  }));

/**
 * Creates a run with its steps in order. Pass `tx` to make it part of a larger change (the
 * invite it belongs to, the suspension it records).
 */
export async function createChecklistRun(
  input: {
    orgId: string;
    kind: ChecklistKind;
    subjectUserId: string | null;
    subjectEmail: string;
    inviteId?: string;
    templateId?: string;
    startedById: string;
    steps: NewStep[];
  },
  tx?: Transaction,
) {
  const client = tx ?? (await db());
  const now = new Date();
  const runId = randomId();
  await client.checklistRun.create({
    data: {
      id: runId,
      orgId: input.orgId,
      kind: input.kind,
      subjectUserId: input.subjectUserId,
      subjectEmail: input.subjectEmail,
      inviteId: input.inviteId ?? null,
      templateId: input.templateId ?? null,
      startedById: input.startedById,
      startedAt: now,
      steps: {
        create: input.steps.map((step, position) => ({
          id: randomId(),
          position,
          kind: step.kind,
          action: step.action ?? null,
          vaultId: step.vaultId ?? null,
          vaultRole: step.vaultRole ?? null,
          title: step.title,
          description: step.description ?? null,
          link: step.link ?? null,
          assigneeRole: step.assigneeRole,
          status: step.done ? "done" : "pending",
          actorId: step.done ? input.startedById : null,
          completedAt: step.done ? now : null,
        })),
      },
    },
    select: { id: true },
  });
  return runId;
}

/**
 * Marks the open automatic steps matching `where` done (for example every open grant_vault
 * step of this vault for this newcomer), then closes runs that have nothing left. Returns the
 * ids of the runs touched.
 */
export async function completeAutomaticSteps(
  where: {
    action: AutomaticAction;
    kind: ChecklistKind;
    subjectUserId?: string;
    subjectUserIds?: string[];
    vaultId?: string;
  },
  actorId: string | null,
  tx?: Transaction,
): Promise<string[]> {
  const client = tx ?? (await db());
  const subjects = where.subjectUserIds ?? (where.subjectUserId ? [where.subjectUserId] : []);
  if (subjects.length === 0) return [];
  const steps = await client.checklistStep.findMany({
    where: {
      action: where.action,
      status: "pending",
      ...(where.vaultId ? { vaultId: where.vaultId } : {}),
      run: { kind: where.kind, status: "open", subjectUserId: { in: subjects } },
    },
    select: { id: true, runId: true },
  });
  if (steps.length === 0) return [];
  await client.checklistStep.updateMany({
    where: { id: { in: steps.map((step) => step.id) }, status: "pending" },
    data: { status: "done", actorId, completedAt: new Date() },
  });
  const runIds = [...new Set(steps.map((step) => step.runId))];
  for (const runId of runIds) await closeRunIfFinished(runId, client);
  return runIds;
}

/**
 * A run is done when every step but its closing report is done or skipped; the report step
 * (when there is one) is then marked done with it. Returns true when it closed the run.
 */
export async function closeRunIfFinished(runId: string, tx?: Transaction): Promise<boolean> {
  const client = tx ?? (await db());
  // DO NOT simplify to NOT: { action: "report" }: in SQL that is NULL for manual steps (no
  // action), which would leave them out and close a run while people still have work in it.
  const open = await client.checklistStep.count({
    where: { runId, status: "pending", OR: [{ action: null }, { action: { not: "report" } }] },
  });
  if (open > 0) return false;
  const now = new Date();
  await client.checklistStep.updateMany({
    where: { runId, action: "report", status: "pending" },
    data: { status: "done", completedAt: now },
  });
  const closed = await client.checklistRun.updateMany({
    where: { id: runId, status: "open" },
    data: { status: "done", completedAt: now },
  });
  return closed.count === 1;
}

const personSelect = { select: { id: true, name: true } } as const;

/** A run with its steps in order and each step's comments, for the DTO. */
export async function getChecklistRun(runId: string) {
  const prisma = await db();
  const run = await prisma.checklistRun.findUnique({
    where: { id: runId },
    include: {
      steps: {
        orderBy: { position: "asc" },
        include: { comments: { orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!run) return null;
  const people = await peopleById([
    run.startedById,
    ...(run.subjectUserId ? [run.subjectUserId] : []),
    ...run.steps.flatMap((step) => [
      ...(step.actorId ? [step.actorId] : []),
      ...step.comments.map((comment) => comment.authorId),
    ]),
  ]);
  return { run, people };
}

/** id → { id, name } for the people a run mentions, in one query. */
export async function peopleById(ids: string[]) {
  const prisma = await db();
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await prisma.user.findMany({ where: { id: { in: unique } }, select: personSelect.select })
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}
