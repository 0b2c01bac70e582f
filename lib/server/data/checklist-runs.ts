import "server-only";
import { db } from "../db";
import { randomId } from "../tokens";
import type { Prisma } from "../generated/prisma/client";
import type { ChecklistKind, StepStatus } from "@/lib/api/checklist";
import { closeRunIfFinished, peopleById } from "./checklists";

type Transaction = Prisma.TransactionClient;

const summaryColumns = {
  id: true,
  kind: true,
  status: true,
  subjectUserId: true,
  subjectEmail: true,
  inviteId: true,
  startedById: true,
  startedAt: true,
  completedAt: true,
  steps: { select: { action: true, status: true } },
} as const;

/** Runs for the admin list, newest first, with what their summaries need. */
export async function listChecklistRuns(
  orgId: string,
  filter: { status?: "open" | "done" | "cancelled"; kind?: ChecklistKind },
) {
  const prisma = await db();
  const runs = await prisma.checklistRun.findMany({
    where: { orgId, status: filter.status, kind: filter.kind },
    orderBy: { startedAt: "desc" },
    take: 500,
    select: summaryColumns,
  });
  const people = await peopleById(
    runs.flatMap((run) => [run.startedById, ...(run.subjectUserId ? [run.subjectUserId] : [])]),
  );
  return { runs, people };
}

/** A run's status, subject and steps: what deciding who may read or change it needs. */
export async function findRunForAccess(runId: string) {
  const prisma = await db();
  return prisma.checklistRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      status: true,
      kind: true,
      subjectUserId: true,
      steps: {
        select: { id: true, kind: true, action: true, vaultId: true, assigneeRole: true },
      },
    },
  });
}

/** Which of `vaultIds` (all, when omitted) `userId` manages. */
export async function managedVaultIds(userId: string, vaultIds?: string[]) {
  const prisma = await db();
  const rows = await prisma.vaultMember.findMany({
    where: { userId, role: "manage", ...(vaultIds ? { vaultId: { in: vaultIds } } : {}) },
    select: { vaultId: true },
  });
  return rows.map((row) => row.vaultId);
}

/**
 * Sets a manual step's status (done and skipped record who and when; pending clears them)
 * and closes the run when nothing is left. Only while the run is open: a closed run is a
 * record and does not change.
 */
export async function setManualStepStatus(input: {
  runId: string;
  stepId: string;
  status: StepStatus;
  actorId: string;
}) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const settled = input.status !== "pending";
    const changed = await tx.checklistStep.updateMany({
      where: { id: input.stepId, runId: input.runId, kind: "manual", run: { status: "open" } },
      data: {
        status: input.status,
        actorId: settled ? input.actorId : null,
        completedAt: settled ? new Date() : null,
      },
    });
    if (changed.count !== 1) return { updated: false as const };
    return { updated: true as const, closed: await closeRunIfFinished(input.runId, tx) };
  });
}

export async function addStepComment(input: { stepId: string; authorId: string; body: string }) {
  const prisma = await db();
  const comment = await prisma.checklistComment.create({
    data: { id: randomId(), stepId: input.stepId, authorId: input.authorId, body: input.body },
    select: { id: true },
  });
  return comment.id;
}

/** Of these runs, the ones that are now done. */
export async function doneRunIds(runIds: string[]) {
  if (runIds.length === 0) return new Set<string>();
  const prisma = await db();
  const rows = await prisma.checklistRun.findMany({
    where: { id: { in: runIds }, status: "done" },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/**
 * Open per-vault steps of these vaults that wait on a manager: granting the vault to a
 * newcomer, and re-keying it after a departure.
 */
export async function listOpenVaultSteps(vaultIds: string[]) {
  if (vaultIds.length === 0) return [];
  const prisma = await db();
  return prisma.checklistStep.findMany({
    where: {
      status: "pending",
      vaultId: { in: vaultIds },
      OR: [
        { action: "grant_vault", run: { kind: "onboarding", status: "open" } },
        { action: "rotate_vault", run: { kind: "offboarding", status: "open" } },
      ],
    },
    orderBy: [{ run: { startedAt: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      action: true,
      vaultId: true,
      vaultRole: true,
      run: {
        select: { id: true, subjectUserId: true, subjectEmail: true, startedAt: true },
      },
    },
  });
}

/** What deciding whether a newcomer may receive a vault key needs, for several people. */
export async function listSubjectFacts(userIds: string[]) {
  if (userIds.length === 0) return [];
  const prisma = await db();
  return prisma.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: {
      id: true,
      name: true,
      status: true,
      role: true,
      createdAt: true,
      mfaRequired: true,
      _count: { select: { webAuthnCredentials: { where: { disabledAt: null } } } },
    },
  });
}

/** Everyone the people page shows: accounts, pending invites, and the runs about them. */
export async function listPeopleFacts(orgId: string) {
  const prisma = await db();
  const [users, invites, runs] = await Promise.all([
    prisma.user.findMany({
      where: { orgId },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, email: true, name: true, role: true, status: true },
    }),
    prisma.invite.findMany({
      where: { orgId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, role: true },
    }),
    // Open runs, and every offboarding (the latest one decides "offboarded").
    prisma.checklistRun.findMany({
      where: { orgId, OR: [{ status: "open" }, { kind: "offboarding" }] },
      orderBy: { startedAt: "asc" },
      select: summaryColumns,
    }),
  ]);
  return { users, invites, runs };
}

/**
 * The newcomer's account exists: the onboarding run of their invite gets its subject, its
 * account step is done, and so is its MFA step when the policy asks no key of them. Runs in
 * the sign-up's transaction, so an account never exists without its run knowing it.
 */
export async function linkOnboardingAccount(
  tx: Transaction,
  input: { inviteId: string; userId: string; keyRequired: boolean },
) {
  const run = await tx.checklistRun.findFirst({
    where: { inviteId: input.inviteId, kind: "onboarding", status: "open" },
    select: { id: true },
  });
  if (!run) return null;
  const now = new Date();
  await tx.checklistRun.update({
    where: { id: run.id },
    data: { subjectUserId: input.userId },
    select: { id: true },
  });
  const done: Array<"account" | "mfa"> = [];
  const account = await tx.checklistStep.updateMany({
    where: { runId: run.id, action: "account", status: "pending" },
    data: { status: "done", actorId: input.userId, completedAt: now },
  });
  if (account.count > 0) done.push("account");
  if (!input.keyRequired) {
    // Nobody enrolled anything: Coffer found no key was needed, so no actor.
    const mfa = await tx.checklistStep.updateMany({
      where: { runId: run.id, action: "mfa", status: "pending" },
      data: { status: "done", actorId: null, completedAt: now },
    });
    if (mfa.count > 0) done.push("mfa");
  }
  const closed = await closeRunIfFinished(run.id, tx);
  return { runId: run.id, done, closed };
}

/** A revoked invite's onboarding stops: its open run is cancelled (and kept as a record). */
export async function cancelInviteRun(tx: Transaction, inviteId: string) {
  const cancelled = await tx.checklistRun.updateMany({
    where: { inviteId, status: "open" },
    data: { status: "cancelled", completedAt: new Date() },
  });
  return cancelled.count;
}
