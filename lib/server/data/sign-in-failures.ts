import "server-only";
import { db } from "../db";

export async function recordSignInFailure(buckets: string[]) {
  const prisma = await db();
  await prisma.signInFailure.createMany({ data: buckets.map((bucket) => ({ bucket })) });
}

/** Failures in the window per bucket, and when the oldest of each leaves it: one query. */
export async function countRecentFailures(buckets: string[], since: Date) {
  const prisma = await db();
  const groups = await prisma.signInFailure.groupBy({
    by: ["bucket"],
    where: { bucket: { in: buckets }, createdAt: { gte: since } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return new Map(
    groups.map((group) => [
      group.bucket,
      { count: group._count._all, oldest: group._min.createdAt ?? null },
    ]),
  );
}

export async function clearFailures(bucket: string) {
  const prisma = await db();
  await prisma.signInFailure.deleteMany({ where: { bucket } });
}
