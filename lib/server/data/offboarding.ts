import "server-only";
import { db } from "../db";
import { conflict } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { OffboardingReport } from "@/lib/api/checklist";
import { closeRunIfFinished, createChecklistRun, peopleById, type NewStep } from "./checklists";
import { insertOffboardingFlags, type DueHours } from "./flags";
import { revokeMachineAccessOf } from "./machine-access";

type Transaction = Prisma.TransactionClient;

/** The person an offboarding is about, with what the policy needs to know of them. */
export async function findOffboardingSubject(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, orgId: true, email: true, name: true, role: true, status: true },
  });
}

/**
 * The vaults the person is in now, each with how many others are members and how many of
 * those manage it: what decides the re-key and hand-over steps.
 */
export async function vaultsOfPerson(userId: string, tx?: Transaction) {
  const client = tx ?? (await db());
  const memberships = await client.vaultMember.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      vaultId: true,
      role: true,
      vault: { select: { members: { select: { userId: true, role: true } } } },
    },
  });
  return memberships.map((membership) => {
    const others = membership.vault.members.filter((member) => member.userId !== userId);
    return {
      vaultId: membership.vaultId,
      role: membership.role,
      otherMembers: others.length,
      otherManagers: others.filter((member) => member.role === "manage").length,
    };
  });
}

export type PersonVault = Awaited<ReturnType<typeof vaultsOfPerson>>[number];

/** The named offboarding template, or the org's default one when none is named. */
export async function findTemplateSteps(orgId: string, templateId: string | undefined) {
  const prisma = await db();
  return prisma.checklistTemplate.findFirst({
    where: templateId
      ? { orgId, id: templateId, kind: "offboarding" }
      : { orgId, kind: "offboarding", isDefault: true },
    orderBy: { updatedAt: "desc" },
    select: { id: true, steps: true },
  });
}

/**
 * Everything an offboarding does at once, in one transaction: the person suspended, their
 * sessions, pending invites, security keys, machine tokens and share links revoked, the run
 * with its steps created and every item they could decrypt flagged. The person's row is
 * locked first, so two managers starting at the same moment produce one run and one 409.
 */
export async function startOffboardingRun(input: {
  orgId: string;
  person: { id: string; email: string; name: string };
  startedById: string;
  templateId: string | null;
  /** The run's steps for the vaults the person is in, read under the lock. */
  stepsFor: (vaults: PersonVault[]) => NewStep[];
  dueHours: DueHours;
}) {
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${input.person.id} FOR UPDATE`;
      const open = await tx.checklistRun.count({
        where: { kind: "offboarding", subjectUserId: input.person.id, status: "open" },
      });
      if (open > 0) throw conflict("An offboarding of this person is already under way.");
      const vaults = await vaultsOfPerson(input.person.id, tx);
      const now = new Date();
      await tx.user.update({
        where: { id: input.person.id },
        data: { status: "suspended" },
        select: { id: true },
      });
      const sessions = await tx.session.updateMany({
        where: { userId: input.person.id, revokedAt: null },
        data: { revokedAt: now },
      });
      const pendingInvites = await tx.invite.findMany({
        where: {
          createdById: input.person.id,
          usedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
        },
        select: { id: true },
      });
      const inviteIds = pendingInvites.map((invite) => invite.id);
      const invites = await tx.invite.updateMany({
        where: { id: { in: inviteIds }, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      // As when one invite is revoked (data/invites.ts): its onboarding run ends with it.
      await tx.checklistRun.updateMany({
        where: { inviteId: { in: inviteIds }, status: "open" },
        data: { status: "cancelled", completedAt: now },
      });
      const securityKeys = await tx.webAuthnCredential.updateMany({
        where: { userId: input.person.id, disabledAt: null },
        data: { disabledAt: now },
      });
      const { serviceAccountIds, shareLinkReport, ...machine } = await revokeMachineAccessOf(
        tx,
        input.person.id,
      );
      const runId = await createChecklistRun(
        {
          orgId: input.orgId,
          kind: "offboarding",
          subjectUserId: input.person.id,
          subjectEmail: input.person.email,
          templateId: input.templateId ?? undefined,
          startedById: input.startedById,
          steps: input.stepsFor(vaults),
        },
        tx,
      );
      // Nobody else is in these vaults: there is no one to re-key them for.
      const soloVaultIds = vaults
        .filter((vault) => vault.otherMembers === 0)
        .map((vault) => vault.vaultId);
      if (soloVaultIds.length) {
        await tx.checklistStep.updateMany({
          where: { runId, action: "rotate_vault", vaultId: { in: soloVaultIds } },
          data: { status: "skipped", completedAt: now },
        });
      }
      const flagged = await insertOffboardingFlags(tx, {
        runId,
        personId: input.person.id,
        now,
        dueHours: input.dueHours,
      });
      await tx.checklistStep.updateMany({
        where: { runId, action: "flag_items" },
        data: {
          description: `${flagged.high + flagged.medium} items flagged: ${flagged.high} high priority (revealed or copied), ${flagged.medium} medium.`,
        },
      });
      const revoked = {
        sessions: sessions.count,
        securityKeys: securityKeys.count,
        invites: invites.count,
        ...machine,
      };
      // A first, valid report: the revoked counts are known only now. The vaults and flags
      // are filled in from the steps and flag rows once this commits (report.ts).
      const report: OffboardingReport = {
        person: { userId: input.person.id, email: input.person.email, name: input.person.name },
        startedAt: now.toISOString(),
        completedAt: null,
        revoked,
        vaults: [],
        flaggedItems: [],
        // Which accounts this person could mint for is known only now: a re-key replaces
        // their manager row, so the report keeps the ids from here on.
        serviceAccounts: serviceAccountIds.map((serviceAccountId) => ({
          serviceAccountId,
          name: "",
          flagReason: null,
          needsRekey: true,
        })),
        // Known only now: the links are revoked in this transaction.
        shareLinks: shareLinkReport,
      };
      await tx.checklistRun.update({
        where: { id: runId },
        data: { report: report as unknown as Prisma.InputJsonValue },
        select: { id: true },
      });
      // A person in no vault, with no template steps, is done at once.
      await closeRunIfFinished(runId, tx);
      return { runId, revoked, flagged, vaults: vaults.length };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * What a report is made of: the run, its per-vault steps, its flags and the people they
 * name. The stored report holds what cannot be recomputed (revoked counts, hand-overs).
 */
export async function loadReportInputs(runId: string) {
  const prisma = await db();
  const run = await prisma.checklistRun.findFirst({
    where: { id: runId, kind: "offboarding" },
    select: {
      id: true,
      status: true,
      subjectUserId: true,
      subjectEmail: true,
      startedById: true,
      startedAt: true,
      completedAt: true,
      report: true,
      steps: {
        where: { action: { in: ["rotate_vault", "handover_vault"] } },
        orderBy: { position: "asc" },
        select: {
          id: true,
          action: true,
          vaultId: true,
          status: true,
          actorId: true,
          completedAt: true,
        },
      },
    },
  });
  if (!run) return null;
  const flags = await prisma.itemFlag.findMany({
    where: { runId },
    orderBy: [{ priority: "asc" }, { vaultId: "asc" }, { itemId: "asc" }],
    select: {
      itemId: true,
      vaultId: true,
      priority: true,
      reason: true,
      ownerId: true,
      clearedAt: true,
    },
  });
  const people = await peopleById([
    ...(run.subjectUserId ? [run.subjectUserId] : []),
    ...run.steps.flatMap((step) => (step.actorId ? [step.actorId] : [])),
    ...flags.flatMap((flag) => (flag.ownerId ? [flag.ownerId] : [])),
  ]);
  const subject = run.subjectUserId
    ? await prisma.user.findUnique({
        where: { id: run.subjectUserId },
        select: { id: true, email: true, name: true },
      })
    : null;
  return { run, flags, people, subject };
}

/** Stores a report on its run (report.ts decides when: never over a closing snapshot). */
export async function storeReport(runId: string, report: OffboardingReport) {
  const prisma = await db();
  await prisma.checklistRun.update({
    where: { id: runId },
    data: { report: report as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
}

/** The step of a run, if it is a hand-over; with its run's status and subject. */
export async function findHandoverStep(runId: string, stepId: string) {
  const prisma = await db();
  return prisma.checklistStep.findFirst({
    where: { id: stepId, runId, action: "handover_vault", run: { kind: "offboarding" } },
    select: {
      id: true,
      vaultId: true,
      status: true,
      run: { select: { id: true, status: true, subjectUserId: true } },
    },
  });
}

/**
 * Makes `newManagerId` a manager of the vault, marks the hand-over done and records it in the
 * run's report, in one transaction. Only the membership role changes: the server cannot sign
 * a grant, so the new manager's signed grant keeps its role until their re-key of this vault
 * re-signs every grant (docs/decisions/0012-vault-handover.md). Returns whether the run closed.
 */
export async function applyHandover(input: {
  runId: string;
  stepId: string;
  vaultId: string;
  newManager: { id: string; name: string };
  actorId: string;
}) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<Array<{ status: string; report: unknown }>>`
      SELECT "status"::text AS "status", "report" FROM "ChecklistRun"
      WHERE "id" = ${input.runId} FOR UPDATE`;
    if (run?.status !== "open") throw conflict("This offboarding is no longer open.");
    const step = await tx.checklistStep.updateMany({
      where: { id: input.stepId, status: "pending" },
      data: { status: "done", actorId: input.actorId, completedAt: new Date() },
    });
    if (step.count !== 1) throw conflict("This hand-over is already done.");
    const promoted = await tx.vaultMember.updateMany({
      where: { vaultId: input.vaultId, userId: input.newManager.id },
      data: { role: "manage" },
    });
    if (promoted.count !== 1) throw conflict("That person is no longer a member of the vault.");
    const report = run.report as OffboardingReport;
    const entry = report.vaults.find((vault) => vault.vaultId === input.vaultId);
    const handedOverTo = { id: input.newManager.id, name: input.newManager.name };
    const vaults = entry
      ? report.vaults.map((vault) =>
          vault.vaultId === input.vaultId ? { ...vault, handedOverTo } : vault,
        )
      : [
          ...report.vaults,
          {
            vaultId: input.vaultId,
            rekeyed: false,
            rekeyedAt: null,
            rekeyedBy: null,
            handedOverTo,
          },
        ];
    await tx.checklistRun.update({
      where: { id: input.runId },
      data: { report: { ...report, vaults } as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    return closeRunIfFinished(input.runId, tx);
  });
}

/** A person's role in a vault and account status (nulls when unknown). */
export async function findMemberStanding(vaultId: string, userId: string) {
  const prisma = await db();
  const [membership, user] = await Promise.all([
    prisma.vaultMember.findUnique({
      where: { vaultId_userId: { vaultId, userId } },
      select: { role: true },
    }),
    prisma.user.findUnique({ where: { id: userId }, select: { status: true, name: true } }),
  ]);
  return { role: membership?.role ?? null, status: user?.status ?? null, name: user?.name ?? "" };
}

/** Whether the person manages any of these vaults now. */
export async function managesAnyOf(userId: string, vaultIds: string[]) {
  if (vaultIds.length === 0) return false;
  const prisma = await db();
  const count = await prisma.vaultMember.count({
    where: { userId, role: "manage", vaultId: { in: vaultIds } },
  });
  return count > 0;
}

/**
 * A deleted vault needs no re-key and no hand-over: its open offboarding steps are skipped and
 * their runs closed when nothing else is left. Returns the runs touched.
 */
export async function skipStepsOfDeletedVault(vaultId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const steps = await tx.checklistStep.findMany({
      where: {
        vaultId,
        status: "pending",
        action: { in: ["rotate_vault", "handover_vault"] },
        run: { kind: "offboarding", status: "open" },
      },
      select: { id: true, runId: true },
    });
    if (steps.length === 0) return [];
    await tx.checklistStep.updateMany({
      where: { id: { in: steps.map((step) => step.id) }, status: "pending" },
      data: { status: "skipped", completedAt: new Date() },
    });
    const runIds = [...new Set(steps.map((step) => step.runId))];
    for (const runId of runIds) await closeRunIfFinished(runId, tx);
    return runIds;
  });
}
