import "server-only";
import { db } from "../db";
import { chainHash, genesisHash, type AuditRecord } from "../audit-chain";
import type { Prisma } from "../generated/prisma/client";

export type AuditInput = Omit<AuditRecord, "seq" | "at">;

/**
 * Appends one event. The head row is locked for the length of the transaction, so writers
 * on every instance extend the chain one at a time and no two events share a sequence number.
 */
export async function appendAuditEvent(input: AuditInput) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const [head] = await tx.$queryRaw<Array<{ lastSeq: number; lastHash: string }>>`
      SELECT "lastSeq", "lastHash" FROM "AuditHead" WHERE "id" = 1 FOR UPDATE`;
    if (!head) throw new Error("audit head missing");
    const record: AuditRecord = { ...input, seq: head.lastSeq + 1, at: new Date() };
    const hash = chainHash(head.lastHash, record);
    await tx.auditEvent.create({
      data: {
        ...record,
        actorKind: record.actorKind ?? "user",
        details: (record.details ?? {}) as Prisma.InputJsonValue,
        prevHash: head.lastHash,
        hash,
      },
      select: { seq: true },
    });
    await tx.auditHead.update({
      where: { id: 1 },
      data: { lastSeq: record.seq, lastHash: hash },
      select: { id: true },
    });
  });
}

export interface AuditFilter {
  actorId?: string;
  vaultId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  beforeSeq?: number;
}

export async function listAuditEvents(filter: AuditFilter) {
  const prisma = await db();
  return prisma.auditEvent.findMany({
    where: {
      actorId: filter.actorId,
      vaultId: filter.vaultId,
      action: filter.action ? { startsWith: filter.action } : undefined,
      at: { gte: filter.from, lte: filter.to },
      seq: filter.beforeSeq ? { lt: filter.beforeSeq } : undefined,
    },
    orderBy: { seq: "desc" },
    take: filter.limit ?? 100,
    select: {
      seq: true,
      at: true,
      actorId: true,
      actorKind: true,
      action: true,
      targetType: true,
      targetId: true,
      vaultId: true,
      ipAddress: true,
      details: true,
    },
  });
}

export type ChainProblem =
  | { kind: "edited"; seq: number }
  | { kind: "missing"; afterSeq: number; expectedSeq: number }
  | { kind: "truncated"; lastSeq: number; headSeq: number };

/**
 * Walks the chain in order and reports the first row whose hash does not follow from its
 * predecessor (edited), a gap in the sequence (deleted), or a head beyond the last row
 * (deleted at the end). Reads in pages so a long log needs little memory.
 */
export async function verifyAuditChain(): Promise<{
  ok: boolean;
  checked: number;
  problem?: ChainProblem;
}> {
  const prisma = await db();
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await prisma.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: 1000,
    });
    if (page.length === 0) break;
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          problem: { kind: "missing", afterSeq: expectedSeq - 1, expectedSeq },
        };
      }
      const record: AuditRecord = {
        seq: row.seq,
        at: row.at,
        actorId: row.actorId,
        ...(row.actorKind === "machine" ? { actorKind: "machine" as const } : {}),
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        vaultId: row.vaultId,
        ipAddress: row.ipAddress,
        details: row.details,
      };
      if (row.prevHash !== prevHash || chainHash(prevHash, record) !== row.hash) {
        return { ok: false, checked, problem: { kind: "edited", seq: row.seq } };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const head = await prisma.auditHead.findUnique({ where: { id: 1 } });
  if (head && head.lastSeq !== expectedSeq - 1) {
    return {
      ok: false,
      checked,
      problem: { kind: "truncated", lastSeq: expectedSeq - 1, headSeq: head.lastSeq },
    };
  }
  return { ok: true, checked };
}
