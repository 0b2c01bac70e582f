import "server-only";
import { db } from "../db";
import { randomId, randomToken } from "../tokens";

const challengeLifetimeMs = 60_000;

export async function createChallenge() {
  const prisma = await db();
  const challenge = {
    id: randomId(),
    nonce: randomToken(32),
    expiresAt: new Date(Date.now() + challengeLifetimeMs),
  };
  await prisma.loginChallenge.create({ data: challenge, select: { id: true } });
  // Expired rows are swept now and then by whoever asks for a challenge: no background job, and
  // no extra query on most sign-ins.
  if (Math.random() < 0.05) {
    await prisma.loginChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  }
  return { challengeId: challenge.id, nonce: challenge.nonce };
}

export async function findLiveChallenge(challengeId: string) {
  const prisma = await db();
  return prisma.loginChallenge.findFirst({
    where: { id: challengeId, expiresAt: { gt: new Date() } },
    select: { id: true, nonce: true },
  });
}

/**
 * Consumes a challenge; true for exactly one caller. The single conditional DELETE is the
 * atomic step: of two parallel uses, the second deletes nothing.
 */
export async function consumeChallenge(challengeId: string): Promise<boolean> {
  const prisma = await db();
  const result = await prisma.loginChallenge.deleteMany({
    where: { id: challengeId, expiresAt: { gt: new Date() } },
  });
  return result.count === 1;
}
