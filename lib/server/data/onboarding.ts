import "server-only";
import { db } from "../db";
import { createChecklistRun, type NewStep } from "./checklists";
import { createInvite } from "./invites";

/**
 * The invite and its onboarding run, in one transaction: there is never an invite without its
 * checklist, nor a checklist naming a vault that is not the org's. `steps` is built from the
 * vault grants by the caller (lib/server/onboarding); a vault the org does not have answers
 * `unknown_vault` with its index in `vaultGrants`, and nothing is created.
 */
export async function createOnboardingInvite(input: {
  orgId: string;
  email: string;
  role: "admin" | "member";
  createdById: string;
  vaultGrants: Array<{ vaultId: string; role: "manage" | "edit" | "view" }>;
  templateId: string | null;
  steps: NewStep[];
}) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const requested = input.vaultGrants.map((grant) => grant.vaultId);
    const found = requested.length
      ? await tx.vault.findMany({
          where: { id: { in: requested }, orgId: input.orgId },
          select: { id: true },
        })
      : [];
    const known = new Set(found.map((vault) => vault.id));
    const unknownIndex = requested.findIndex((vaultId) => !known.has(vaultId));
    if (unknownIndex >= 0) return { outcome: "unknown_vault" as const, index: unknownIndex };
    const { invite, token } = await createInvite(
      {
        orgId: input.orgId,
        email: input.email,
        role: input.role,
        createdById: input.createdById,
        vaultGrants: input.vaultGrants,
      },
      tx,
    );
    const checklistId = await createChecklistRun(
      {
        orgId: input.orgId,
        kind: "onboarding",
        subjectUserId: null,
        subjectEmail: input.email,
        inviteId: invite.id,
        templateId: input.templateId ?? undefined,
        startedById: input.createdById,
        steps: input.steps,
      },
      tx,
    );
    return { outcome: "created" as const, invite, token, checklistId };
  });
}
