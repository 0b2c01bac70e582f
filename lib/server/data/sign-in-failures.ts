import "server-only";
import { db } from "../db";

export async function recordSignInFailure(buckets: string[]) {
  const prisma = await db();
  await prisma.signInFailure.createMany({ data: buckets.map((bucket) => ({ bucket })) });
}

/** Failures in the window for a bucket, and when the oldest of them leaves it. */
export async function countRecentFailures(bucket: string, since: Date) {
  const prisma = await db();
  const [count, oldest] = await Promise.all([
    prisma.signInFailure.count({ where: { bucket, createdAt: { gte: since } } }),
    prisma.signInFailure.findFirst({
      where: { bucket, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  return { count, oldest: oldest?.createdAt ?? null };
}

export async function clearFailures(bucket: string) {
  const prisma = await db();
  await prisma.signInFailure.deleteMany({ where: { bucket } });
}
