import "server-only";
import { db } from "../db";

const deviceLoginColumns = {
  id: true,
  publicKey: true,
  clientName: true,
  pollTokenHash: true,
  createdAt: true,
  expiresAt: true,
  ipAddress: true,
  approvedById: true,
  approvedAt: true,
  deniedAt: true,
  sealedUserKey: true,
  redeemedAt: true,
} as const;

export async function insertDeviceLogin(input: {
  id: string;
  publicKey: string;
  code: string;
  clientName: string;
  pollTokenHash: string;
  expiresAt: Date;
  ipAddress: string | null;
}) {
  const prisma = await db();
  await prisma.deviceLogin.create({ data: input, select: { id: true } });
}

export async function publicKeyTaken(publicKey: string) {
  const prisma = await db();
  return (await prisma.deviceLogin.count({ where: { publicKey } })) > 0;
}

/** Requests from this address still waiting: bounds what an unauthenticated caller can store. */
export async function countWaitingDeviceLogins(ipAddress: string | null, now: Date) {
  const prisma = await db();
  return prisma.deviceLogin.count({
    where: { ipAddress, expiresAt: { gt: now }, redeemedAt: null, deniedAt: null },
  });
}

/** A request nobody has answered yet and that has not expired, by id or by its code. */
export async function findWaitingDeviceLogin(where: { id: string } | { code: string }, now: Date) {
  const prisma = await db();
  return prisma.deviceLogin.findFirst({
    where: { ...where, approvedAt: null, deniedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: deviceLoginColumns,
  });
}

export async function findDeviceLogin(id: string) {
  const prisma = await db();
  return prisma.deviceLogin.findUnique({ where: { id }, select: deviceLoginColumns });
}

/** Answers a waiting request once: the count is 0 when it was answered, or expired, first. */
export async function answerDeviceLogin(
  id: string,
  now: Date,
  answer: { approvedById: string; sealedUserKey: string } | { deniedById: string },
): Promise<number> {
  const prisma = await db();
  const result = await prisma.deviceLogin.updateMany({
    where: { id, approvedAt: null, deniedAt: null, expiresAt: { gt: now } },
    data:
      "sealedUserKey" in answer
        ? {
            approvedById: answer.approvedById,
            approvedAt: now,
            sealedUserKey: answer.sealedUserKey,
          }
        : { approvedById: answer.deniedById, deniedAt: now },
  });
  return result.count;
}

/**
 * Takes an approved request for redemption, once: of two polls racing, exactly one gets the
 * count 1. The sealed userKey is cleared in the same statement; the caller holds it already.
 */
export async function markDeviceLoginRedeemed(id: string, pollTokenHash: string, now: Date) {
  const prisma = await db();
  const result = await prisma.deviceLogin.updateMany({
    where: {
      id,
      pollTokenHash,
      approvedAt: { not: null },
      redeemedAt: null,
      expiresAt: { gt: now },
    },
    data: { redeemedAt: now, sealedUserKey: null },
  });
  return result.count;
}

export async function linkDeviceLoginSession(id: string, sessionId: string) {
  const prisma = await db();
  await prisma.deviceLogin.update({ where: { id }, data: { sessionId }, select: { id: true } });
}

/** Requests that expired before anyone answered them; they record nothing a person did. */
export async function deleteUnansweredDeviceLogins(expiredBefore: Date): Promise<number> {
  const prisma = await db();
  const result = await prisma.deviceLogin.deleteMany({
    where: { expiresAt: { lte: expiredBefore }, approvedAt: null, deniedAt: null },
  });
  return result.count;
}

/**
 * Approvals the CLI never redeemed keep their row (who approved what) but not the userKey
 * sealed to a key that can no longer collect it.
 */
export async function clearUnredeemedSealedKeys(expiredBefore: Date): Promise<number> {
  const prisma = await db();
  const result = await prisma.deviceLogin.updateMany({
    where: { expiresAt: { lte: expiredBefore }, redeemedAt: null, sealedUserKey: { not: null } },
    data: { sealedUserKey: null },
  });
  return result.count;
}
