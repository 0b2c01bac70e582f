import "server-only";
import { db } from "../db";
import { randomId } from "../tokens";
import type { Prisma } from "../generated/prisma/client";
import type { ChecklistKind, ManualStep, TemplateInput } from "@/lib/api/checklist";

type Transaction = Prisma.TransactionClient;

const templateSelect = {
  id: true,
  kind: true,
  name: true,
  steps: true,
  isDefault: true,
  updatedAt: true,
} as const;

/**
 * Template changes that touch "the default of a kind" run one at a time per organisation: the
 * org row is locked first, so two admins (or two first page loads) cannot leave two defaults
 * of one kind, or seed the defaults twice.
 */
async function lockOrganization(tx: Transaction, orgId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR UPDATE`;
}

async function clearOtherDefaults(tx: Transaction, orgId: string, kind: ChecklistKind, id: string) {
  await tx.checklistTemplate.updateMany({
    where: { orgId, kind, isDefault: true, NOT: { id } },
    data: { isDefault: false },
  });
}

const stepsJson = (steps: ManualStep[]) => steps as unknown as Prisma.InputJsonValue;

export async function listTemplates(orgId: string) {
  const prisma = await db();
  return prisma.checklistTemplate.findMany({
    where: { orgId },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    select: templateSelect,
  });
}

/**
 * Creates `defaults[kind]` as the default template of every kind the org has no template of
 * yet. Returns the kinds it created.
 */
export async function seedDefaultTemplates(
  orgId: string,
  defaults: Record<ChecklistKind, { name: string; steps: ManualStep[] }>,
): Promise<ChecklistKind[]> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const present = await tx.checklistTemplate.groupBy({
      by: ["kind"],
      where: { orgId },
      _count: { _all: true },
    });
    const missing = (Object.keys(defaults) as ChecklistKind[]).filter(
      (kind) => !present.some((row) => row.kind === kind),
    );
    for (const kind of missing) {
      await tx.checklistTemplate.create({
        data: {
          id: randomId(),
          orgId,
          kind,
          name: defaults[kind].name,
          steps: stepsJson(defaults[kind].steps),
          isDefault: true,
        },
        select: { id: true },
      });
    }
    return missing;
  });
}

export async function findTemplate(orgId: string, templateId: string) {
  const prisma = await db();
  return prisma.checklistTemplate.findFirst({
    where: { id: templateId, orgId },
    select: templateSelect,
  });
}

export async function findDefaultTemplate(orgId: string, kind: ChecklistKind) {
  const prisma = await db();
  return prisma.checklistTemplate.findFirst({
    where: { orgId, kind, isDefault: true },
    orderBy: { updatedAt: "desc" },
    select: templateSelect,
  });
}

export async function createTemplate(orgId: string, input: TemplateInput) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const id = randomId();
    if (input.isDefault) await clearOtherDefaults(tx, orgId, input.kind, id);
    return tx.checklistTemplate.create({
      data: {
        id,
        orgId,
        kind: input.kind,
        name: input.name,
        steps: stepsJson(input.steps),
        isDefault: input.isDefault,
      },
      select: templateSelect,
    });
  });
}

/** Replaces a template; null when the org has no such template. Past runs keep their steps. */
export async function updateTemplate(orgId: string, templateId: string, input: TemplateInput) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    // A template keeps its kind: runs and defaults are chosen per kind.
    const changed = await tx.checklistTemplate.updateMany({
      where: { id: templateId, orgId, kind: input.kind },
      data: {
        kind: input.kind,
        name: input.name,
        steps: stepsJson(input.steps),
        isDefault: input.isDefault,
      },
    });
    if (changed.count !== 1) return null;
    if (input.isDefault) await clearOtherDefaults(tx, orgId, input.kind, templateId);
    return tx.checklistTemplate.findUniqueOrThrow({
      where: { id: templateId },
      select: templateSelect,
    });
  });
}

/**
 * Deletes a template unless it is the last of its kind: that one is emptied instead, since an
 * org without templates gets Coffer's defaults again. A deleted default hands the role to the
 * most recently edited template of the same kind.
 */
export async function deleteTemplate(
  orgId: string,
  templateId: string,
): Promise<"deleted" | "missing" | "last"> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const template = await tx.checklistTemplate.findFirst({
      where: { id: templateId, orgId },
      select: { kind: true, isDefault: true },
    });
    if (!template) return "missing";
    const sameKind = await tx.checklistTemplate.count({ where: { orgId, kind: template.kind } });
    if (sameKind <= 1) return "last";
    await tx.checklistTemplate.delete({ where: { id: templateId } });
    if (template.isDefault) {
      const next = await tx.checklistTemplate.findFirst({
        where: { orgId, kind: template.kind },
        orderBy: { updatedAt: "desc" },
        select: { id: true },
      });
      if (next) {
        await tx.checklistTemplate.update({ where: { id: next.id }, data: { isDefault: true } });
      }
    }
    return "deleted";
  });
}
