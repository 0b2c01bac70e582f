import "server-only";
import { outranks } from "@/lib/api/user";
import type { OrgRole } from "@/lib/api/account";
import { recordAudit } from "./audit";
import { forbidden } from "./errors";
import { isLockedDown } from "./data/lockdown";

/** What one person does to another that the role order governs. */
export type RankedAction =
  "suspend" | "reactivate" | "offboard" | "reset_mfa" | "change_role" | "transfer_ownership";

export type DenialReason = "owner" | "rank" | "not_admin" | "not_owner" | "lockdown";

interface Actor {
  userId: string;
  role: OrgRole;
}

interface Target {
  id: string;
  role: OrgRole;
}

const verbs: Record<RankedAction, string> = {
  suspend: "suspend",
  reactivate: "reactivate",
  offboard: "offboard",
  reset_mfa: "reset the security keys of",
  change_role: "change the role of",
  transfer_ownership: "hand ownership to",
};

function messageFor(action: RankedAction, reason: DenialReason, target?: Target): string {
  const verb = verbs[action];
  switch (reason) {
    case "owner":
      return `Nobody can ${verb} the owner: the owner hands ownership to an admin first.`;
    case "rank":
      return target?.role === "admin"
        ? `Only the owner can ${verb} an admin.`
        : `You can only ${verb} people whose role is below yours.`;
    case "not_admin":
      return action === "offboard"
        ? "Only an admin can offboard someone. To take them out of your vaults, remove them there: the vault key is rotated."
        : `Only an admin can ${verb} someone.`;
    case "not_owner":
      return "Only the owner can hand over ownership.";
    case "lockdown":
      return "While a lockdown is in force, the status, role and security keys of admins and the owner cannot change.";
  }
}

/** Every refusal is a 403 with a sentence saying why, and an entry in the audit log. */
export async function denied(
  actor: Actor,
  action: RankedAction,
  reason: DenialReason,
  options: { target?: Target; targetId?: string; request?: Request } = {},
) {
  const targetId = options.target?.id ?? options.targetId ?? null;
  await recordAudit({
    action: "authz.denied",
    actorId: actor.userId,
    request: options.request,
    targetType: targetId ? "user" : "organization",
    targetId: targetId ?? undefined,
    details: { action, targetId, reason },
  });
  return forbidden(messageFor(action, reason, options.target));
}

/**
 * The role order (DESIGN, Sessions, MFA and policy): owner > admin > member. Nobody acts on
 * someone of equal or higher rank; the owner is reached only through an ownership transfer;
 * and while a lockdown is in force, nothing about an admin or the owner changes, so the
 * people able to lift it stay the ones who could when it began.
 */
export async function requireOutranks(
  actor: Actor,
  target: Target,
  action: RankedAction,
  request?: Request,
) {
  const reason = await refusalReason(actor, target, action);
  if (reason) throw await denied(actor, action, reason, { target, request });
}

async function refusalReason(
  actor: Actor,
  target: Target,
  action: RankedAction,
): Promise<DenialReason | null> {
  if (target.role === "owner") return "owner";
  if (actor.role === "member") return "not_admin";
  if (!outranks(actor.role, target.role)) return "rank";
  if ((target.role !== "member" || action === "change_role") && (await isLockedDown())) {
    return "lockdown";
  }
  return null;
}

/** An admin action that is not about one person's rank (e.g. who may start an offboarding). */
export async function requireOrgAdmin(
  actor: Actor,
  action: RankedAction,
  targetId: string,
  request?: Request,
) {
  if (actor.role === "member")
    throw await denied(actor, action, "not_admin", { targetId, request });
}
