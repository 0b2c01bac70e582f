// A malicious server cannot rearrange what it stores without the client noticing (DESIGN.md §9):
// the item AD binds each ciphertext to its vault, item, key version and revision, and the
// client's RevisionGuard refuses an item older than one it has already seen. The server is
// played two ways: by doctoring the JSON a client receives, and — on PostgreSQL, where the test
// can reach the database beside the running server — by really rewriting rows with SQL (PGlite
// belongs to the server process alone, and the API offers no way to do it).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CryptoError } from "@/lib/crypto";
import type { VaultDetailResponse } from "@/lib/api/vault";
import {
  ownerVaultClient,
  samplePlaintext,
  type OpenedItem,
  type VaultClient,
} from "../support/vault-client";

type Revision = { revision: number; keyVersion: number; ciphertext: string };

describe.each(inject("servers"))("item integrity on $kind", (server) => {
  let owner: VaultClient;
  let vaultId: string;
  let first: OpenedItem;
  let second: OpenedItem;
  let sql: pg.Client | undefined;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    ({ vaultId } = await owner.createVault("Integrity"));
    await owner.addItem(vaultId, samplePlaintext("first"));
    await owner.addItem(vaultId, samplePlaintext("second"));
    const [created] = (await owner.openVault(vaultId)).items;
    if (!created) throw new Error("fixture");
    // The first item moves to revision 2, and this client has seen it there.
    const edited = await owner.updateItem(vaultId, created, samplePlaintext("first, revision 2"));
    expect(edited.status).toBe(200);
    const opened = await owner.openVault(vaultId);
    [first, second] = opened.items as [OpenedItem, OpenedItem];
    expect(first.revision).toBe(2);
    expect((await owner.revisionGuard()).highest(first.id)).toBe(2);
    if (server.databaseUrl) {
      sql = new pg.Client({ connectionString: server.databaseUrl });
      await sql.connect();
    }
  });

  afterAll(async () => {
    await sql?.end();
  });

  const clone = (detail: VaultDetailResponse): VaultDetailResponse =>
    JSON.parse(JSON.stringify(detail)) as VaultDetailResponse;

  async function revisionsOf(itemId: string): Promise<Revision[]> {
    const response = await owner.api.request(`/api/v1/vaults/${vaultId}/items/${itemId}/history`);
    expect(response.status).toBe(200);
    return (response.body as { revisions: Revision[] }).revisions;
  }

  it("detects two items' ciphertexts swapped in a response", async () => {
    const detail = await owner.detail(vaultId);
    await expect(owner.openDetail(clone(detail))).resolves.toBeDefined();
    const swapped = clone(detail);
    const [a, b] = swapped.items;
    if (!a || !b) throw new Error("fixture");
    [a.ciphertext, b.ciphertext] = [b.ciphertext, a.ciphertext];
    await expect(owner.openDetail(swapped)).rejects.toThrow(new CryptoError("item"));
    // Relabelling the ids as well does not help: the vault id and revision still differ.
    const relabelled = clone(detail);
    const [c, d] = relabelled.items;
    if (!c || !d) throw new Error("fixture");
    [c.id, d.id] = [d.id, c.id];
    await expect(owner.openDetail(relabelled)).rejects.toThrow(CryptoError);
  });

  it("refuses an older revision served in place of one it has seen (item rollback)", async () => {
    const [revisionTwo, revisionOne] = await revisionsOf(first.id);
    expect(revisionTwo?.revision).toBe(2);
    expect(revisionOne?.revision).toBe(1);
    if (!revisionOne) throw new Error("fixture");
    const detail = await owner.detail(vaultId);
    const rolledBack = clone(detail);
    const target = rolledBack.items.find((item) => item.id === first.id);
    if (!target) throw new Error("fixture");
    target.revision = 1;
    target.ciphertext = revisionOne.ciphertext;
    // The old ciphertext is authentic at revision 1: only the guard stands in the way.
    await expect(owner.openDetail(rolledBack)).rejects.toThrow(new CryptoError("item rollback"));
    // A client that never saw revision 2 (a new device) has nothing to compare against.
    const newDevice = await ownerVaultClient(server);
    expect((await newDevice.openDetail(clone(rolledBack))).items[0]?.plaintext.title).toBe("first");

    // Passing revision 1's ciphertext off as revision 2 fails the AD instead.
    const relabelled = clone(detail);
    const relabelledTarget = relabelled.items.find((item) => item.id === first.id);
    if (!relabelledTarget) throw new Error("fixture");
    relabelledTarget.ciphertext = revisionOne.ciphertext;
    await expect(owner.openDetail(relabelled)).rejects.toThrow(new CryptoError("item"));
  });

  it.runIf(server.kind === "postgresql")(
    "detects ciphertexts swapped in the database, and a row rolled back there",
    async () => {
      if (!sql) throw new Error("no database connection");
      const rows = await sql.query<{ id: string; revision: number; ciphertext: string }>(
        `SELECT "id", "revision", "ciphertext" FROM "Item" WHERE "vaultId" = $1`,
        [vaultId],
      );
      const byId = new Map(rows.rows.map((row) => [row.id, row]));
      const a = byId.get(first.id);
      const b = byId.get(second.id);
      if (!a || !b) throw new Error("fixture");
      const restore = async () => {
        for (const row of [a, b]) {
          await sql?.query(`UPDATE "Item" SET "ciphertext" = $2, "revision" = $3 WHERE "id" = $1`, [
            row.id,
            row.ciphertext,
            row.revision,
          ]);
        }
      };
      try {
        await sql.query(`UPDATE "Item" SET "ciphertext" = $2 WHERE "id" = $1`, [
          a.id,
          b.ciphertext,
        ]);
        await sql.query(`UPDATE "Item" SET "ciphertext" = $2 WHERE "id" = $1`, [
          b.id,
          a.ciphertext,
        ]);
        await expect(owner.openVault(vaultId)).rejects.toThrow(new CryptoError("item"));
        await restore();

        const [, revisionOne] = await revisionsOf(first.id);
        if (!revisionOne) throw new Error("fixture");
        await sql.query(`UPDATE "Item" SET "ciphertext" = $2, "revision" = 1 WHERE "id" = $1`, [
          a.id,
          revisionOne.ciphertext,
        ]);
        await expect(owner.openVault(vaultId)).rejects.toThrow(new CryptoError("item rollback"));
      } finally {
        await restore();
      }
      expect((await owner.openVault(vaultId)).items.map((item) => item.plaintext.title)).toEqual([
        "first, revision 2",
        "second",
      ]);
    },
  );

  it("detects a member's write that copies another item's ciphertext (the server cannot check it)", async () => {
    const { vaultId: scratch } = await owner.createVault("Scratch");
    await owner.addItem(scratch, samplePlaintext("one"));
    await owner.addItem(scratch, samplePlaintext("two"));
    const detail = await owner.detail(scratch);
    const [one, two] = detail.items;
    if (!one || !two) throw new Error("fixture");
    const copied = await owner.api.request(`/api/v1/vaults/${scratch}/items/${one.id}`, {
      method: "PUT",
      json: { keyVersion: 1, baseRevision: 1, ciphertext: two.ciphertext },
    });
    expect(copied.status).toBe(200);
    await expect(owner.openVault(scratch)).rejects.toThrow(new CryptoError("item"));
  });
});
