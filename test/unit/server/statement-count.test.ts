// The statement counter behind COFFER_COUNT_STATEMENTS, on a real Prisma client over an
// in-memory PGlite: what it counts is what the driver is asked to run, per request.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { countStatements, countingAdapter } = await import("@/lib/server/database/statement-count");
const { PrismaClient } = await import("@/lib/server/generated/prisma/client");

describe("countStatements", () => {
  const pglite = new PGlite();
  const prisma = new PrismaClient({
    adapter: countingAdapter(
      new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    ),
  });

  beforeAll(async () => {
    await prisma.$executeRawUnsafe(`CREATE TABLE "Probe" ("id" INT PRIMARY KEY)`);
  }, 60_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await pglite.close();
  });

  it("counts each statement sent inside the work, and what it returned", async () => {
    const { result, statements } = await countStatements(async () => {
      await prisma.$queryRaw`SELECT 1`;
      await prisma.$executeRaw`INSERT INTO "Probe" ("id") VALUES (1)`;
      return "done";
    });
    expect(result).toBe("done");
    expect(statements).toBe(2);
  });

  it("counts a transaction's BEGIN and COMMIT beside the statements in it", async () => {
    const { statements } = await countStatements(() =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "Probe" ("id") VALUES (2)`;
        await tx.$queryRaw`SELECT count(*) FROM "Probe"`;
      }),
    );
    expect(statements).toBe(4);
  });

  it("counts a rolled-back transaction's ROLLBACK", async () => {
    const { statements } = await countStatements(async () => {
      await prisma
        .$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO "Probe" ("id") VALUES (3)`;
          throw new Error("refused");
        })
        .catch(() => {});
    });
    expect(statements).toBe(3);
  });

  it("keeps two concurrent requests' counts apart", async () => {
    const [one, three] = await Promise.all([
      countStatements(async () => {
        await prisma.$queryRaw`SELECT 1`;
      }),
      countStatements(async () => {
        for (let index = 0; index < 3; index++) await prisma.$queryRaw`SELECT 2`;
      }),
    ]);
    expect(one.statements).toBe(1);
    expect(three.statements).toBe(3);
  });

  it("counts nothing outside a request", async () => {
    await prisma.$queryRaw`SELECT 1`;
    const { statements } = await countStatements(async () => {});
    expect(statements).toBe(0);
  });
});
