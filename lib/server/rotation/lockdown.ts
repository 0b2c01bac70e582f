import "server-only";
import type { z } from "zod";
import type { lockdownResult, lockdownStatus } from "@/lib/api/rotation";
import type { SessionContext } from "../session";
import { conflict, forbidden } from "../errors";
import { peopleById } from "../data/checklists";
import { getRotationSettings } from "../data/flags";
import {
  applyLockdown,
  clearLockdown,
  countOtherActiveAdmins,
  getLockdown,
} from "../data/lockdown";

/**
 * Lifting takes another admin than the one who started it, when another active admin exists:
 * one compromised admin account must not be able to lock everyone out and then quietly
 * reopen the door. An organisation with a single admin can still lift it.
 */
async function mayLift(session: SessionContext, startedById: string | null) {
  if (startedById !== session.userId) return true;
  return (await countOtherActiveAdmins(session.userId)) === 0;
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
    canLift: await mayLift(session, starterId),
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

export async function liftLockdown(session: SessionContext) {
  const lockdown = await getLockdown();
  if (!lockdown?.lockdownAt) throw conflict("There is no lockdown to lift.");
  if (!(await mayLift(session, lockdown.lockdownById))) {
    throw forbidden("Another admin must lift the lockdown: you started it.");
  }
  if (!(await clearLockdown(lockdown.lockdownAt))) {
    throw conflict("The lockdown changed meanwhile; reload and retry.");
  }
  return { startedAt: lockdown.lockdownAt, startedById: lockdown.lockdownById };
}
