import "server-only";
import type { z } from "zod";
import type { lockdownResult, lockdownStatus } from "@/lib/api/rotation";
import type { SessionContext } from "../session";
import { conflict, forbidden } from "../errors";
import { recordAudit } from "../audit";
import { peopleById } from "../data/checklists";
import { getRotationSettings } from "../data/flags";
import {
  applyLockdown,
  clearLockdown,
  countOtherActiveAdmins,
  getLockdown,
} from "../data/lockdown";

type Lockdown = NonNullable<Awaited<ReturnType<typeof getLockdown>>>;

/**
 * Lifting takes another admin than the one who started it, when another admin exists: one
 * compromised admin account must not be able to lock everyone out and then quietly reopen the
 * door. "Admin" means one of those active when it began (the snapshot taken then), so neither
 * suspending a colleague nor making a new admin afterwards meets the rule. An organisation
 * with a single admin can still lift it. Null when lifting is allowed, else why not.
 */
async function liftRefusal(session: SessionContext, lockdown: Lockdown) {
  const admins = lockdown.lockdownAdminIds;
  // A lockdown begun before the snapshot existed: judged by who is an active admin now.
  if (admins.length === 0) {
    if (lockdown.lockdownById !== session.userId) return null;
    return (await countOtherActiveAdmins(session.userId)) === 0 ? null : "starter";
  }
  if (!admins.includes(session.userId)) return "not_in_snapshot";
  if (lockdown.lockdownById !== session.userId) return null;
  return admins.some((id) => id !== session.userId) ? "starter" : null;
}

export async function lockdownStatusFor(
  session: SessionContext,
): Promise<z.infer<typeof lockdownStatus>> {
  const lockdown = await getLockdown();
  if (!lockdown?.lockdownAt) {
    return { active: false, startedAt: null, startedBy: null, canLift: false };
  }
  const starterId = lockdown.lockdownById;
  const people = await peopleById(starterId ? [starterId] : []);
  return {
    active: true,
    startedAt: lockdown.lockdownAt.toISOString(),
    startedBy: starterId
      ? (people.get(starterId) ?? { id: starterId, name: "Former admin" })
      : null,
    canLift: (await liftRefusal(session, lockdown)) === null,
  };
}

export async function startLockdown(
  session: SessionContext,
): Promise<z.infer<typeof lockdownResult> & { lockdownAt: Date }> {
  const { dueHours } = await getRotationSettings();
  const applied = await applyLockdown({
    adminId: session.userId,
    keepSessionId: session.sessionId,
    dueHours,
  });
  if (!applied) throw conflict("A lockdown is already in force.");
  return applied;
}

export async function liftLockdown(session: SessionContext, request?: Request) {
  const lockdown = await getLockdown();
  if (!lockdown?.lockdownAt) throw conflict("There is no lockdown to lift.");
  const refusal = await liftRefusal(session, lockdown);
  if (refusal) {
    await recordAudit({
      action: "authz.denied",
      actorId: session.userId,
      request,
      targetType: "organization",
      details: { action: "lift_lockdown", targetId: null, reason: refusal },
    });
    throw forbidden(
      refusal === "starter"
        ? "Another admin must lift the lockdown: you started it."
        : "Only an admin who was active when the lockdown began can lift it.",
    );
  }
  if (!(await clearLockdown(lockdown.lockdownAt))) {
    throw conflict("The lockdown changed meanwhile; reload and retry.");
  }
  return { startedAt: lockdown.lockdownAt, startedById: lockdown.lockdownById };
}
