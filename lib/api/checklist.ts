import { z } from "zod";
import { orgRole } from "./account";
import { clientId, email } from "./common";
import { createInviteResponse } from "./invite";
import { vaultRole } from "./vault";

export const checklistKind = z.enum(["onboarding", "offboarding"]);
export type ChecklistKind = z.infer<typeof checklistKind>;

/** Who is expected to do a step: an org admin, or the managers of the step's vault. */
export const assigneeRole = z.enum(["admin", "vault_manager"]);

/**
 * What Coffer does itself. Onboarding: invite, account, mfa, grant_vault (one per vault, done
 * when a manager seals the key). Offboarding: suspend, revoke_access, flag_items, rotate_vault
 * (one per vault, done when a manager re-keys it without the person), handover_vault (one per
 * vault the person solely managed), report.
 */
export const automaticAction = z.enum([
  "invite",
  "account",
  "mfa",
  "grant_vault",
  "suspend",
  "revoke_access",
  "flag_items",
  "rotate_vault",
  "handover_vault",
  "report",
]);
export type AutomaticAction = z.infer<typeof automaticAction>;

/** A manual step of a template: done by a person and checked off. */
export const manualStep = z.object({
  title: z.string().trim().min(1, "is required").max(120),
  description: z.string().trim().max(2000).default(""),
  // http(s) only: the link is rendered as an href for other people, so no javascript: or data:.
  link: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, message: "must be an http(s) URL" })])
    .default(""),
  assigneeRole: assigneeRole.default("admin"),
});
export type ManualStep = z.infer<typeof manualStep>;

export const templateInput = z.object({
  kind: checklistKind,
  name: z.string().trim().min(1, "is required").max(100),
  steps: z.array(manualStep).max(50),
  isDefault: z.boolean().default(false),
});
export type TemplateInput = z.infer<typeof templateInput>;

export const templateDto = z.object({
  id: z.string(),
  kind: checklistKind,
  name: z.string(),
  steps: z.array(manualStep),
  isDefault: z.boolean(),
  updatedAt: z.string(),
});
export type TemplateDto = z.infer<typeof templateDto>;
export const templateListResponse = z.object({ templates: z.array(templateDto) });

export const stepStatus = z.enum(["pending", "done", "skipped"]);
export type StepStatus = z.infer<typeof stepStatus>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const checklistComment = z.object({
  id: z.string(),
  author: personRef,
  body: z.string(),
  createdAt: z.string(),
});

export const checklistStepDto = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(["automatic", "manual"]),
  action: automaticAction.nullable(),
  vaultId: z.string().nullable(),
  vaultRole: vaultRole.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  link: z.string().nullable(),
  assigneeRole,
  status: stepStatus,
  actor: personRef.nullable(),
  completedAt: z.string().nullable(),
  comments: z.array(checklistComment),
});
export type ChecklistStepDto = z.infer<typeof checklistStepDto>;

export const checklistStatus = z.enum(["open", "done", "cancelled"]);

export const checklistSummaryDto = z.object({
  id: z.string(),
  kind: checklistKind,
  status: checklistStatus,
  subject: z.object({
    userId: z.string().nullable(),
    email: z.string(),
    name: z.string().nullable(),
  }),
  startedBy: personRef,
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type ChecklistSummaryDto = z.infer<typeof checklistSummaryDto>;

export const checklistDto = checklistSummaryDto.extend({
  steps: z.array(checklistStepDto),
  /** The offboarding report, once the automatic steps have run. */
  report: z.lazy(() => offboardingReport).nullable(),
});
export type ChecklistDto = z.infer<typeof checklistDto>;

export const checklistListQuery = z.object({
  status: checklistStatus.optional(),
  kind: checklistKind.optional(),
});
export const checklistListResponse = z.object({ checklists: z.array(checklistSummaryDto) });

export const updateStepRequest = z.object({ status: stepStatus });
export const addCommentRequest = z.object({
  body: z.string().trim().min(1, "is required").max(2000),
});

/** Everyone the org knows, with where they stand; invitees appear before they have an account. */
export const personStatus = z.enum([
  "invited",
  "onboarding",
  "active",
  "offboarding",
  "offboarded",
  "suspended",
]);
export type PersonStatus = z.infer<typeof personStatus>;

export const personDto = z.object({
  userId: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  role: orgRole,
  status: personStatus,
  openChecklists: z.array(checklistSummaryDto.pick({ id: true, kind: true, progress: true })),
});
export const peopleResponse = z.object({ people: z.array(personDto) });

/** Onboarding: an invite naming vaults (each a task for its managers) and a template. */
export const onboardingInviteRequest = z.object({
  // Trimmed before it is checked, like every other email field (lib/api/common.ts).
  email,
  role: z.enum(["admin", "member"]).default("member"),
  vaults: z
    .array(z.object({ vaultId: clientId, role: vaultRole }))
    .max(100)
    .default([]),
  templateId: z.string().max(64).optional(),
});
export type OnboardingInviteRequest = z.infer<typeof onboardingInviteRequest>;

/** The invite as before, with its onboarding checklist and whether the link went out by email. */
export const onboardingInviteResponse = createInviteResponse.extend({
  checklistId: z.string(),
  emailed: z.boolean(),
});
export type OnboardingInviteResponse = z.infer<typeof onboardingInviteResponse>;

/** A step waiting for the signed-in person as a manager of its vault. */
export const taskDto = z.object({
  checklistId: z.string(),
  stepId: z.string(),
  action: z.enum(["grant_vault", "rotate_vault"]),
  vaultId: z.string(),
  vaultRole: vaultRole.nullable(),
  subject: z.object({
    userId: z.string().nullable(),
    email: z.string(),
    name: z.string().nullable(),
  }),
  /** grant_vault: false until the newcomer has an account and meets the MFA policy. */
  ready: z.boolean(),
  createdAt: z.string(),
});
export type TaskDto = z.infer<typeof taskDto>;
export const taskListResponse = z.object({ tasks: z.array(taskDto) });

export const startOffboardingRequest = z.object({
  userId: z.string().min(1).max(64),
  templateId: z.string().max(64).optional(),
});

export const handoverRequest = z.object({ newManagerId: z.string().min(1).max(64) });

/** What an offboarding did: ids and counts only, never a name or value of a secret. */
export const offboardingReport = z.object({
  person: z.object({ userId: z.string(), email: z.string(), name: z.string() }),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  revoked: z.object({
    sessions: z.number().int(),
    securityKeys: z.number().int(),
    invites: z.number().int(),
    machineTokens: z.number().int(),
    shareLinks: z.number().int(),
  }),
  vaults: z.array(
    z.object({
      vaultId: z.string(),
      rekeyed: z.boolean(),
      rekeyedAt: z.string().nullable(),
      rekeyedBy: personRef.nullable(),
      handedOverTo: personRef.nullable(),
    }),
  ),
  flaggedItems: z.array(
    z.object({
      itemId: z.string(),
      vaultId: z.string(),
      priority: z.enum(["high", "medium"]),
      reason: z.string(),
      owner: personRef.nullable(),
      cleared: z.boolean(),
    }),
  ),
  /**
   * Service accounts the person managed or minted for: each needs a re-key (new keys and
   * saKey, old tokens dead) until a manager does it. Absent from reports made before machines.
   */
  serviceAccounts: z
    .array(
      z.object({
        serviceAccountId: z.string(),
        name: z.string(),
        flagReason: z.string().nullable(),
        needsRekey: z.boolean(),
      }),
    )
    .default([]),
  /**
   * The share links the person made: what each was made from, whether anyone opened it (its
   * item is then flagged high) and whether this offboarding revoked it. Absent from older
   * reports.
   */
  shareLinks: z
    .array(
      z.object({
        id: z.string(),
        sourceVaultId: z.string().nullable(),
        sourceItemId: z.string().nullable(),
        viewsUsed: z.number().int(),
        lastViewedAt: z.string().nullable(),
        revokedNow: z.boolean(),
      }),
    )
    .default([]),
});
export type OffboardingReport = z.infer<typeof offboardingReport>;
