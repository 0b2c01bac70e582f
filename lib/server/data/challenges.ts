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

/**
 * Takes a live challenge out of the store and returns its nonce, or null. The single
 * conditional DELETE is the atomic step: of two parallel uses exactly one gets the nonce, and a
 * replay finds nothing. A challenge is spent even when the proof then fails: one try each.
 */
export async function takeChallenge(challengeId: string): Promise<string | null> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<Array<{ nonce: string }>>`
    DELETE FROM "LoginChallenge" WHERE "id" = ${challengeId} AND "expiresAt" > ${new Date()}
    RETURNING "nonce"`;
  return rows[0]?.nonce ?? null;
}
