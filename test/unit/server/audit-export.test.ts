// The audit export names who acted: a person by name, a machine by its service account and the
// token it used, so a reader of the file never sees a machine as a blank person.
import { describe, expect, it, vi } from "vitest";
import type { AuditEventDto } from "@/lib/api/audit";

// The module is server-only; here it is a pure function under test.
vi.mock("server-only", () => ({}));
const { auditEventsToCsv } = await import("@/lib/server/audit-export");

const base: AuditEventDto = {
  seq: 1,
  at: "2026-12-01T10:00:00.000Z",
  actorId: "user-1",
  actorKind: "user",
  actorName: "Ada Lovelace",
  actorToken: null,
  action: "item.reveal",
  targetType: "item",
  targetId: "item-1",
  targetName: null,
  vaultId: "vault-1",
  ipAddress: "203.0.113.7",
  details: {},
};

/** Rows keyed by header; none of these fields holds a comma, so a split is a faithful parse. */
function rows(events: AuditEventDto[]) {
  const [header, ...lines] = auditEventsToCsv(events).trim().split("\n");
  const names = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((name, index) => [name, cells[index]]));
  });
}

describe("audit export actors", () => {
  it("names a person by name", () => {
    const [row] = rows([base]);
    expect(row?.actorKind).toBe("user");
    expect(row?.actor).toBe("Ada Lovelace");
  });

  it("names a machine by its account, its token's label and the token's kind", () => {
    const [row] = rows([
      {
        ...base,
        actorId: "sa-1",
        actorKind: "machine",
        actorName: "ci-deploy",
        actorToken: { id: "tok-1", name: "build", kind: "sa" },
        action: "item.update",
        details: { actorTokenId: "tok-1" },
      },
    ]);
    expect(row?.actorKind).toBe("machine");
    expect(row?.actor).toBe("ci-deploy · token “build” (session token)");
  });

  it("still says it was a machine when the token has no label or the account is gone", () => {
    const [unlabelled, deleted] = rows([
      {
        ...base,
        actorKind: "machine",
        actorId: "sa-1",
        actorName: "ci-deploy",
        actorToken: { id: "tok-2", name: null, kind: "bt" },
      },
      { ...base, actorKind: "machine", actorId: "sa-9", actorName: null, actorToken: null },
    ]);
    expect(unlabelled?.actor).toBe("ci-deploy · bootstrap token");
    expect(deleted?.actor).toBe("deleted service account sa-9 (service account)");
  });
});

describe("audit export targets", () => {
  it("names a person or service account acted on, not only its id", () => {
    const [person, account, item] = rows([
      {
        ...base,
        action: "user.role",
        targetType: "user",
        targetId: "u-7",
        targetName: "Colin Baker",
        vaultId: null,
      },
      {
        ...base,
        action: "service_account.create",
        targetType: "service_account",
        targetId: "sa-2",
        targetName: "ci-deploy",
        vaultId: null,
      },
      base,
    ]);
    expect(person).toMatchObject({ targetId: "u-7", target: "person Colin Baker" });
    expect(account?.target).toBe("service account ci-deploy");
    // The server cannot decrypt a vault's name: the file names the vault by id.
    expect(item?.target).toBe("item item-1 in vault vault-1");
  });
});
