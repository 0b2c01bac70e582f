// Rotation of a vault key (DESIGN.md §11): removing a member rotates the key, so the copy they
// kept opens nothing the server still serves; the batch applies atomically under a
// compare-and-swap on the key version, and writes made against the old version or an old
// revision are refused.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { CryptoError, decryptItem, decryptVaultName } from "@/lib/crypto";
import pg from "pg";
import { sleep } from "../support/server";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await sleep(20);
  }
}

type Revision = { itemId: string; revision: number; keyVersion: number; ciphertext: string };

describe.each(inject("servers"))("vault rotation on $kind", (server) => {
  let owner: VaultClient;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
  });

  /** A vault with `count` items, the first edited once so that it has history. */
  async function vaultWithItems(count: number) {
    const { vaultId } = await owner.createVault("Rotation", "staging");
    for (let index = 0; index < count; index++) {
      await owner.addItem(vaultId, samplePlaintext(`item ${index}`));
    }
    const [first] = (await owner.openVault(vaultId)).items;
    if (!first) throw new Error("fixture");
    const edited = await owner.updateItem(vaultId, first, samplePlaintext("item 0, edited"));
    expect(edited.status).toBe(200);
    return vaultId;
  }

  async function vaultRevisions(vaultId: string) {
    const response = await owner.api.request(`/api/v1/vaults/${vaultId}/revisions`);
    expect(response.status).toBe(200);
    return (response.body as { revisions: Revision[] }).revisions;
  }

  it("cuts a removed member off: 404, gone from their list, and their old key opens nothing", async () => {
    const vaultId = await vaultWithItems(4);
    const departing = await invitedVaultClient(server, owner, { label: "departing" });
    const staying = await invitedVaultClient(server, owner, { label: "staying" });
    for (const member of [departing, staying]) {
      await member.trust(owner.userId);
      expect((await owner.shareWith(vaultId, member.userId, "edit")).status).toBe(201);
    }
    const before = await departing.openVault(vaultId);
    const oldKey = before.key;
    expect(before.items).toHaveLength(4);

    const rotated = await owner.rotate(vaultId, [departing.userId]);
    expect(rotated.response.status).toBe(200);
    expect(rotated.response.body).toEqual({ keyVersion: 2 });

    expect((await departing.api.request(`/api/v1/vaults/${vaultId}`)).status).toBe(404);
    const list = (await departing.api.request("/api/v1/vaults")).body as {
      vaults: Array<{ id: string }>;
    };
    expect(list.vaults.map((vault) => vault.id)).not.toContain(vaultId);

    const after = await owner.openVault(vaultId);
    expect(after.keyVersion).toBe(2);
    expect(after.key).toEqual(rotated.newKey);
    expect(after.key).not.toEqual(oldKey);
    expect(after.name).toBe("Rotation");
    expect(after.items.map((item) => item.plaintext.title)).toEqual(
      before.items.map((item) => item.plaintext.title),
    );
    for (const item of after.detail.items) {
      expect(item.keyVersion).toBe(2);
      for (const keyVersion of [1, 2]) {
        expect(() =>
          decryptItem(oldKey, item.ciphertext, {
            vaultId,
            itemId: item.id,
            keyVersion,
            revision: item.revision,
          }),
        ).toThrow(CryptoError);
      }
    }
    expect(() => decryptVaultName(oldKey, after.detail.vault.encryptedName, vaultId, 2)).toThrow(
      CryptoError,
    );

    // History too: every stored revision moved to the new key.
    const history = await vaultRevisions(vaultId);
    expect(history).toHaveLength(5);
    for (const revision of history) {
      const context = {
        vaultId,
        itemId: revision.itemId,
        keyVersion: 2,
        revision: revision.revision,
      };
      expect(revision.keyVersion).toBe(2);
      expect(decryptItem(after.key, revision.ciphertext, context).type).toBe("login");
      expect(() => decryptItem(oldKey, revision.ciphertext, context)).toThrow(CryptoError);
      expect(() => decryptItem(oldKey, revision.ciphertext, { ...context, keyVersion: 1 })).toThrow(
        CryptoError,
      );
    }
    const itemHistory = await owner.api.request(
      `/api/v1/vaults/${vaultId}/items/${after.items[0]?.id}/history`,
    );
    expect(
      (itemHistory.body as { revisions: Array<{ keyVersion: number }> }).revisions.map(
        (revision) => revision.keyVersion,
      ),
    ).toEqual([2, 2]);

    // The member who stayed was granted the new key, signed by the owner.
    const kept = await staying.openVault(vaultId);
    expect(kept.key).toEqual(after.key);
    expect(kept.detail.vault.role).toBe("edit");
    expect(after.detail.members.map((member) => member.userId).sort()).toEqual(
      [owner.userId, staying.userId].sort(),
    );
  });

  it("lets exactly one of two concurrent rotations win; the other gets 409", async () => {
    const vaultId = await vaultWithItems(20);
    const first = await owner.prepareRotation(vaultId, []);
    const second = await owner.prepareRotation(vaultId, []);
    const answers = await Promise.all([
      owner.submitRotation(vaultId, first.batch),
      owner.submitRotation(vaultId, second.batch),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers[0]?.status === 200 ? first : second;

    const opened = await owner.openVault(vaultId);
    expect(opened.keyVersion).toBe(2);
    expect(opened.key).toEqual(winner.newKey);
    expect(opened.items).toHaveLength(20);
    for (const revision of await vaultRevisions(vaultId)) {
      expect(() =>
        decryptItem(winner.newKey, revision.ciphertext, {
          vaultId,
          itemId: revision.itemId,
          keyVersion: 2,
          revision: revision.revision,
        }),
      ).not.toThrow();
    }

    // The client's retry rebuilds from fresh data and succeeds.
    const retried = await owner.rotate(vaultId);
    expect(retried.response.status).toBe(200);
    expect((await owner.openVault(vaultId)).keyVersion).toBe(3);
  });

  it("refuses (409) a batch that leaves out an item, a revision or a member, changing nothing", async () => {
    const vaultId = await vaultWithItems(3);
    const member = await invitedVaultClient(server, owner, { label: "kept" });
    expect((await owner.shareWith(vaultId, member.userId, "view")).status).toBe(201);
    const before = await owner.openVault(vaultId);
    const historyBefore = await vaultRevisions(vaultId);
    const { batch } = await owner.prepareRotation(vaultId, []);

    const incomplete = [
      { ...batch, items: batch.items.slice(1) },
      { ...batch, revisions: batch.revisions.slice(1) },
      { ...batch, grants: batch.grants.filter((grant) => grant.userId !== member.userId) },
    ];
    for (const partial of incomplete) {
      const response = await owner.submitRotation(vaultId, partial);
      expect(response.status).toBe(409);
    }

    const after = await owner.openVault(vaultId);
    expect(after.keyVersion).toBe(1);
    expect(after.key).toEqual(before.key);
    expect(after.detail.vault.encryptedName).toBe(before.detail.vault.encryptedName);
    expect(after.detail.items).toEqual(before.detail.items);
    expect(await vaultRevisions(vaultId)).toEqual(historyBefore);
    expect(after.items.map((item) => item.plaintext.title)).toEqual(
      before.items.map((item) => item.plaintext.title),
    );
    expect(after.detail.members.map((person) => person.userId).sort()).toEqual(
      [owner.userId, member.userId].sort(),
    );

    // The complete batch is accepted.
    expect((await owner.submitRotation(vaultId, batch)).status).toBe(200);
  });

  it("refuses (400) a rotation grant sealed to a key that is not the member's", async () => {
    const vaultId = await vaultWithItems(1);
    const member = await invitedVaultClient(server, owner, { label: "sealed" });
    expect((await owner.shareWith(vaultId, member.userId, "view")).status).toBe(201);
    const { batch } = await owner.prepareRotation(vaultId, []);
    const ownerBoxKey = batch.grants.find(
      (grant) => grant.userId === owner.userId,
    )?.memberBoxPublicKey;
    if (!ownerBoxKey) throw new Error("fixture");
    const misdirected = {
      ...batch,
      grants: batch.grants.map((grant) =>
        grant.userId === member.userId ? { ...grant, memberBoxPublicKey: ownerBoxKey } : grant,
      ),
    };
    expect((await owner.submitRotation(vaultId, misdirected)).status).toBe(400);
    expect((await owner.detail(vaultId)).vault.keyVersion).toBe(1);
  });

  it("refuses (409) item writes under the old key version after a rotation", async () => {
    const vaultId = await vaultWithItems(2);
    const before = await owner.openVault(vaultId);
    const [item] = before.items;
    if (!item) throw new Error("fixture");
    expect((await owner.rotate(vaultId)).response.status).toBe(200);

    const stale = await owner.updateItem(vaultId, item, samplePlaintext("under the old key"), {
      keyVersion: 1,
      key: before.key,
    });
    expect(stale.status).toBe(409);
    const created = await owner.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: { id: randomId(), keyVersion: 1, ciphertext: before.detail.items[0]?.ciphertext },
    });
    expect(created.status).toBe(409);

    const after = await owner.openVault(vaultId);
    expect(after.items).toHaveLength(2);
    expect(after.items.every((opened) => opened.keyVersion === 2)).toBe(true);
    const current = after.items.find((opened) => opened.id === item.id);
    if (!current) throw new Error("item lost");
    expect(current.revision).toBe(item.revision);
    // The same edit under the current key is accepted.
    expect((await owner.updateItem(vaultId, current, samplePlaintext("new key"))).status).toBe(200);
  });

  // Deterministic on PostgreSQL: the test holds a lock the rotation needs at its very end, so
  // the rotation sits inside its transaction — key version swapped, items re-encrypted, not yet
  // committed — while writes under the old key arrive. (PGlite runs one transaction at a time.)
  it.runIf(server.kind === "postgresql")(
    "makes item writes that arrive during a rotation wait for it, then refuses them (409)",
    async () => {
      const vaultId = await vaultWithItems(3);
      const opened = await owner.openVault(vaultId);
      const [item] = opened.items;
      if (!item) throw new Error("fixture");
      const { batch, newKey } = await owner.prepareRotation(vaultId, []);
      const sql = new pg.Client({ connectionString: server.databaseUrl });
      await sql.connect();
      const waiting = async () =>
        Number(
          (
            await sql.query<{ count: string }>(
              `SELECT count(*) FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows[0]?.count,
        );
      const holder = new pg.Client({ connectionString: server.databaseUrl });
      await holder.connect();
      try {
        await holder.query(`BEGIN`);
        await holder.query(`LOCK TABLE "KeyGrantHistory" IN SHARE MODE`);
        const rotation = owner.submitRotation(vaultId, batch);
        await until(async () => (await waiting()) >= 1);
        const update = owner.updateItem(vaultId, item, samplePlaintext("during rotation"), {
          keyVersion: opened.keyVersion,
          key: opened.key,
        });
        const created = owner.api.request(`/api/v1/vaults/${vaultId}/items`, {
          json: {
            id: randomId(),
            keyVersion: opened.keyVersion,
            ciphertext: opened.detail.items[0]?.ciphertext,
          },
        });
        await until(async () => (await waiting()) >= 3, 2_000).catch(() => {});
        await holder.query(`COMMIT`);
        expect((await rotation).status).toBe(200);
        expect((await update).status).toBe(409);
        expect((await created).status).toBe(409);
      } finally {
        await holder.end();
        await sql.end();
      }
      const after = await owner.openVault(vaultId);
      expect(after.keyVersion).toBe(2);
      expect(after.key).toEqual(newKey);
      expect(after.items).toHaveLength(3);
      for (const current of after.detail.items) expect(current.keyVersion).toBe(2);
      for (const revision of await vaultRevisions(vaultId)) expect(revision.keyVersion).toBe(2);
    },
  );

  it("refuses (409) a write based on a revision someone else already replaced", async () => {
    const vaultId = await vaultWithItems(1);
    const [base] = (await owner.openVault(vaultId)).items;
    if (!base) throw new Error("fixture");
    expect((await owner.updateItem(vaultId, base, samplePlaintext("first writer"))).status).toBe(
      200,
    );
    const late = await owner.updateItem(vaultId, base, samplePlaintext("second writer"));
    expect(late.status).toBe(409);
    const [current] = (await owner.openVault(vaultId)).items;
    expect(current?.plaintext.title).toBe("first writer");
    expect(current?.revision).toBe(base.revision + 1);
  });
});
