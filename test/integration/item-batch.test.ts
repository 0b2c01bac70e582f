// The batch endpoint an import writes through (issue 10): many items in one request, each its own
// envelope and revision, all or nothing, one audit event per batch. And the SDK's commitImport on
// top of it: chunks, progress, cancel, and a failed vault reported without losing the others.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { decryptItem, encryptItem, type ItemPlaintext } from "@/lib/crypto";
import type { AuditEventDto } from "@/lib/api/audit";
import type { ItemBatchInput } from "@/lib/api/item-batch";
import { itemHistoryResponse } from "@/lib/api/vault";
import type { HttpPort } from "@/lib/sdk/http-port";
import { memoryKeyValueStore } from "@/lib/sdk/key-value-store";
import { commitImport } from "@/lib/sdk/import/commit";
import { VaultSession } from "@/lib/sdk/vaults";
import type { ImportedItem } from "@/lib/sdk/import/types";
import { createServiceAccount, grantServiceAccount, mintToken } from "../support/service-accounts";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

function imported(title: string, history: ItemPlaintext[] = []): ImportedItem {
  return {
    plaintext: samplePlaintext(title),
    folder: [],
    state: "active",
    sourceType: "login",
    history,
  };
}

/** A raw batch of `count` items at the vault's key version `keyVersion`, under `key`. */
function batchOf(
  vaultId: string,
  key: Uint8Array,
  keyVersion: number,
  count: number,
): ItemBatchInput {
  return {
    keyVersion,
    items: Array.from({ length: count }, (_, index) => {
      const id = randomId();
      const plaintext = samplePlaintext(`batch ${index}`);
      return {
        id,
        ciphertext: encryptItem(key, plaintext, { vaultId, itemId: id, keyVersion, revision: 1 }),
      };
    }),
  };
}

describe.each(inject("servers"))("item batches on $kind", (server) => {
  let owner: VaultClient;
  let editor: VaultClient;
  let viewer: VaultClient;
  let outsider: VaultClient;
  let vaultId: string;
  let vaultKey: Uint8Array;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    [editor, viewer, outsider] = await Promise.all([
      invitedVaultClient(server, owner, { label: "batch-editor" }),
      invitedVaultClient(server, owner, { label: "batch-viewer" }),
      invitedVaultClient(server, owner, { label: "batch-outsider" }),
    ]);
    const created = await owner.createVault("Batch target");
    vaultId = created.vaultId;
    vaultKey = created.key;
    expect((await owner.shareWith(vaultId, editor.userId, "edit")).status).toBe(201);
    expect((await owner.shareWith(vaultId, viewer.userId, "view")).status).toBe(201);
    await editor.trust(owner.userId);
    await viewer.trust(owner.userId);
  }, 120_000);

  const post = (client: VaultClient, id: string, body: unknown) =>
    client.api.request(`/api/v1/vaults/${id}/items/batch`, { json: body });
  const itemCount = async (id: string) => (await owner.detail(id)).items.length;

  async function batchEvents(id: string): Promise<AuditEventDto[]> {
    const response = await owner.api.request(`/api/v1/audit?vaultId=${id}&limit=1000`);
    expect(response.status).toBe(200);
    return (response.body as { events: AuditEventDto[] }).events.filter((event) =>
      event.action.startsWith("item."),
    );
  }

  it("an editor's batch opens through the normal vault read, with history, and is one audit event", async () => {
    const target = vaultId;
    const before = await itemCount(target);
    const old1 = samplePlaintext("Rotated login", "first-password");
    const old2 = samplePlaintext("Rotated login", "second-password");
    const plan = [
      {
        target: { kind: "existing" as const, vaultId: target },
        items: [
          imported("Plain login"),
          imported("Rotated login", [old1, old2]),
          imported("Third"),
        ],
      },
    ];
    const result = await commitImport(editor.session, plan);
    expect(result).toMatchObject({ committed: 3, failures: [], cancelled: false });
    expect(result.vaults).toEqual([
      { vaultId: target, name: "Batch target", created: false, committed: 3 },
    ]);

    // Another device of the owner reads them with the SDK, every envelope under its own AD.
    const opened = await owner.openVault(target);
    expect(opened.items).toHaveLength(before + 3);
    const rotated = opened.items.find((item) => item.plaintext.title === "Rotated login");
    expect(rotated?.revision).toBe(3);
    expect(opened.items.find((item) => item.plaintext.title === "Plain login")?.revision).toBe(1);

    const history = await owner.api.request(
      `/api/v1/vaults/${target}/items/${rotated?.id}/history`,
    );
    expect(history.status).toBe(200);
    const revisions = itemHistoryResponse.parse(history.body).revisions;
    expect(revisions.map((entry) => entry.revision)).toEqual([3, 2, 1]);
    const passwords = revisions.map(
      (entry) =>
        decryptItem(opened.key, entry.ciphertext, {
          vaultId: target,
          itemId: rotated!.id,
          keyVersion: entry.keyVersion,
          revision: entry.revision,
        }).fields.find((field) => field.name === "password")?.value,
    );
    expect(passwords.slice(1)).toEqual(["second-password", "first-password"]);
    expect(revisions.every((entry) => entry.authorId === editor.userId)).toBe(true);

    const events = await batchEvents(target);
    const batch = events.filter((event) => event.action === "item.batch_create");
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({
      actorId: editor.userId,
      targetType: "vault",
      targetId: target,
      details: { items: 3, withHistory: 1, revisions: 5, keyVersion: 1 },
    });
    expect(events.filter((event) => event.action === "item.create")).toHaveLength(0);
  });

  it("answers each item's id and revision", async () => {
    const body = batchOf(vaultId, vaultKey, 1, 2);
    const response = await post(owner, vaultId, body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      items: body.items.map((item) => ({ id: item.id, revision: 1 })),
    });
  });

  it("refuses a viewer (403), a non-member (404) and a machine token (401), writing nothing", async () => {
    const before = await itemCount(vaultId);
    expect((await post(viewer, vaultId, batchOf(vaultId, vaultKey, 1, 1))).status).toBe(403);
    expect((await post(outsider, vaultId, batchOf(vaultId, vaultKey, 1, 1))).status).toBe(404);

    const account = await createServiceAccount(owner);
    await grantServiceAccount(owner, account, vaultId, "readwrite");
    const { token } = await mintToken(owner, account);
    const machine = await fetch(`${server.url}/api/v1/vaults/${vaultId}/items/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(batchOf(vaultId, vaultKey, 1, 1)),
    });
    expect(machine.status).toBe(401);
    expect(await itemCount(vaultId)).toBe(before);
  });

  it("refuses batches over the limits with 400 naming the field, writing nothing", async () => {
    const before = await itemCount(vaultId);
    const refusal = async (body: unknown, field: string) => {
      const response = await post(owner, vaultId, body);
      expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(400);
      expect((response.body as { error: { field?: string } }).error.field).toBe(field);
    };
    await refusal(batchOf(vaultId, vaultKey, 1, 501), "items");
    await refusal({ keyVersion: 1, items: [] }, "items");

    const duplicated = batchOf(vaultId, vaultKey, 1, 3);
    duplicated.items[2] = { ...duplicated.items[2]!, id: duplicated.items[0]!.id };
    await refusal(duplicated, "items.2.id");

    const oversized = batchOf(vaultId, vaultKey, 1, 1);
    oversized.items[0]!.ciphertext = `v1.${"A".repeat(32)}.${"B".repeat(65536)}`;
    await refusal(oversized, "items.0.ciphertext");

    const longHistory = batchOf(vaultId, vaultKey, 1, 1);
    longHistory.items[0]!.history = Array.from(
      { length: 101 },
      () => longHistory.items[0]!.ciphertext,
    );
    await refusal(longHistory, "items.0.history");

    // 260 envelopes of 64 KiB: each one allowed, the batch over 16 MiB in all.
    const big = `v1.${"A".repeat(32)}.${"B".repeat(65000)}`;
    await refusal(
      {
        keyVersion: 1,
        items: Array.from({ length: 260 }, () => ({ id: randomId(), ciphertext: big })),
      },
      "items",
    );
    expect(await itemCount(vaultId)).toBe(before);
  });

  it("a batch with one taken id answers 409 and leaves none of its items", async () => {
    const taken = await owner.addItem(vaultId, samplePlaintext("Already here"));
    const before = await itemCount(vaultId);
    const body = batchOf(vaultId, vaultKey, 1, 4);
    body.items[3] = { ...body.items[3]!, id: taken.itemId };
    const response = await post(owner, vaultId, body);
    expect(response.status).toBe(409);
    const after = await owner.detail(vaultId);
    expect(after.items).toHaveLength(before);
    for (const item of body.items.slice(0, 3)) {
      expect(after.items.some((stored) => stored.id === item.id)).toBe(false);
    }
  });

  it("a batch under a rotated-away key version answers 409 and writes nothing", async () => {
    const vault = await owner.createVault("Batch rotated");
    await owner.addItem(vault.vaultId, samplePlaintext("Before rotation"));
    const rotated = await owner.rotate(vault.vaultId);
    expect(rotated.response.status).toBe(200);
    const response = await post(owner, vault.vaultId, batchOf(vault.vaultId, vault.key, 1, 2));
    expect(response.status).toBe(409);
    expect(await itemCount(vault.vaultId)).toBe(1);
    expect((await batchEvents(vault.vaultId)).some((e) => e.action === "item.batch_create")).toBe(
      false,
    );
  });

  it("commitImport posts in chunks, reports progress, and stops cleanly when cancelled", async () => {
    const items = Array.from({ length: 7 }, (_, index) => imported(`Chunked ${index}`));
    const progress: number[] = [];
    const sentBefore = owner.api.exchanges.length;
    const result = await commitImport(
      owner.session,
      [{ target: { kind: "new", name: "Chunked" }, items }],
      {
        batchSize: 3,
        onProgress: ({ committed, total }) => {
          expect(total).toBe(7);
          progress.push(committed);
        },
      },
    );
    expect(result).toMatchObject({ committed: 7, failures: [], cancelled: false });
    expect(progress).toEqual([0, 3, 6, 7]);
    const batches = owner.api.exchanges
      .slice(sentBefore)
      .filter((exchange) => exchange.url.endsWith("/items/batch"));
    expect(batches).toHaveLength(3);
    const [vault] = result.vaults;
    expect(vault).toMatchObject({ name: "Chunked", created: true, committed: 7 });
    const opened = await owner.openVault(vault!.vaultId);
    expect(opened.name).toBe("Chunked");
    expect(opened.items.map((item) => item.plaintext.title).sort()).toEqual(
      items.map((item) => item.plaintext.title).sort(),
    );

    const controller = new AbortController();
    const cancelled = await commitImport(
      owner.session,
      [
        { target: { kind: "new", name: "Cancelled" }, items },
        { target: { kind: "new", name: "Never made" }, items },
      ],
      {
        batchSize: 3,
        signal: controller.signal,
        onProgress: ({ committed }) => {
          if (committed === 3) controller.abort();
        },
      },
    );
    expect(cancelled).toMatchObject({ committed: 3, cancelled: true, failures: [] });
    expect(cancelled.vaults.map((entry) => entry.name)).toEqual(["Cancelled"]);
    expect(await itemCount(cancelled.vaults[0]!.vaultId)).toBe(3);
  });

  it("commitImport reports a vault it cannot write to and still commits the others", async () => {
    const result = await commitImport(viewer.session, [
      { target: { kind: "existing", vaultId }, items: [imported("Refused")] },
      {
        target: { kind: "new", name: "Viewer's own" },
        items: [imported("Kept 1"), imported("Kept 2")],
      },
    ]);
    expect(result.committed).toBe(2);
    expect(result.failures).toEqual([
      { vaultName: "the chosen vault", items: 1, message: expect.stringMatching(/only view/) },
    ]);
    expect(result.vaults).toMatchObject([{ name: "Viewer's own", created: true, committed: 2 }]);

    // An item larger than the server stores is left out before sending, and named as a count.
    const huge = imported("Huge note");
    huge.plaintext.notes = "x".repeat(70_000);
    const withHuge = await commitImport(owner.session, [
      {
        target: { kind: "new", name: "With a huge item" },
        items: [imported("Small 1"), huge, imported("Small 2")],
      },
    ]);
    expect(withHuge.committed).toBe(2);
    expect(withHuge.failures).toEqual([
      { vaultName: "With a huge item", items: 1, message: expect.stringMatching(/larger than/) },
    ]);
    expect(await itemCount(withHuge.vaults[0]!.vaultId)).toBe(2);

    // The vault is rotated by another device between the first and second batch: the server
    // refuses the second (409), the first stays, and the rest is reported with the failure.
    const vault = await owner.createVault("Rotated under the import");
    let batches = 0;
    const rotatingHttp: HttpPort = {
      async request(input) {
        if (input.path.endsWith("/items/batch") && ++batches === 2) {
          expect((await owner.rotate(vault.vaultId)).response.status).toBe(200);
        }
        return owner.api.http.request(input);
      },
    };
    const session = new VaultSession(owner.session.person, {
      http: rotatingHttp,
      store: memoryKeyValueStore(),
    });
    const items = Array.from({ length: 5 }, (_, index) => imported(`Late ${index}`));
    const interrupted = await commitImport(
      session,
      [{ target: { kind: "existing", vaultId: vault.vaultId }, items }],
      { batchSize: 2 },
    );
    expect(interrupted).toMatchObject({ committed: 2, cancelled: false });
    expect(interrupted.vaults).toMatchObject([{ name: "Rotated under the import", committed: 2 }]);
    expect(interrupted.failures).toEqual([
      {
        vaultName: "Rotated under the import",
        items: 3,
        message: expect.stringMatching(/key changed/),
      },
    ]);
    const opened = await owner.openVault(vault.vaultId);
    expect(opened.items.map((item) => item.plaintext.title).sort()).toEqual(["Late 0", "Late 1"]);
  });
});
