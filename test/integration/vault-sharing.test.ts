// Sharing a vault (DESIGN.md §8, policies): a member opens what is sealed to them, roles limit
// what they may write, people outside the vault — org admins included — cannot even tell it
// exists, and a client accepts a vault key only from a granter it trusts.
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildRotationBatch,
  CryptoError,
  generateUserKeys,
  sealVaultKey,
  signBundle,
  signGrant,
  toBase64Url,
  type Grant,
} from "@/lib/crypto";
import type { VaultDetailResponse } from "@/lib/api/vault";
import { VaultAccessError } from "@/lib/sdk/vaults";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

describe.each(inject("servers"))("vault sharing on $kind", (server) => {
  let owner: VaultClient;
  let viewer: VaultClient;
  let editor: VaultClient;
  let outsider: VaultClient;
  let orgAdmin: VaultClient;
  let vaultId: string;
  const titles = ["Production database", "Stripe API key"];

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    ({ vaultId } = await owner.createVault("Payments", "production"));
    for (const title of titles) await owner.addItem(vaultId, samplePlaintext(title));
    viewer = await invitedVaultClient(server, owner, { label: "viewer" });
    editor = await invitedVaultClient(server, owner, { label: "editor" });
    outsider = await invitedVaultClient(server, owner, { label: "outsider" });
    orgAdmin = await invitedVaultClient(server, owner, { label: "admin", role: "admin" });
    for (const member of [viewer, editor]) await member.trust(owner.userId);
    expect((await owner.shareWith(vaultId, viewer.userId, "view")).status).toBe(201);
    expect((await owner.shareWith(vaultId, editor.userId, "edit")).status).toBe(201);
  });

  /** A well-formed request for every vault route, so only the policy can refuse it. */
  async function everyVaultRoute(client: VaultClient, targetVaultId: string, only?: string[]) {
    const [firstItem] = (await owner.detail(vaultId)).items;
    if (!firstItem) throw new Error("fixture: no items");
    const someone = generateUserKeys();
    const grant = {
      keyVersion: 1,
      role: "view" as const,
      memberBoxPublicKey: toBase64Url(someone.boxKeyPair.publicKey),
      sealedKey: toBase64Url(new Uint8Array(80)),
      signature: toBase64Url(new Uint8Array(64)),
    };
    const envelope = firstItem.ciphertext;
    const base = `/api/v1/vaults/${targetVaultId}`;
    const item = `${base}/items/${firstItem.id}`;
    const calls: Array<[string, string, { method?: string; json?: unknown }]> = [
      ["GET detail", base, {}],
      [
        "PATCH",
        base,
        { method: "PATCH", json: { expectedKeyVersion: 1, encryptedName: envelope } },
      ],
      ["DELETE", base, { method: "DELETE" }],
      [
        "POST item",
        `${base}/items`,
        { json: { id: randomId(), keyVersion: 1, ciphertext: envelope } },
      ],
      [
        "PUT item",
        item,
        { method: "PUT", json: { keyVersion: 1, baseRevision: 1, ciphertext: envelope } },
      ],
      ["DELETE item", item, { method: "DELETE" }],
      ["GET history", `${item}/history`, {}],
      ["POST event", `${item}/events`, { json: { action: "reveal" } }],
      ["GET revisions", `${base}/revisions`, {}],
      ["POST member", `${base}/members`, { json: { userId: client.userId, grant } }],
      ["PUT member", `${base}/members/${owner.userId}`, { method: "PUT", json: { grant } }],
      [
        "POST rotate",
        `${base}/rotate`,
        {
          json: {
            expectedKeyVersion: 1,
            encryptedName: envelope,
            items: [],
            revisions: [],
            grants: [{ ...grant, userId: client.userId }],
            removeUserIds: [],
          },
        },
      ],
    ];
    const answers: Record<string, { status: number; body: unknown }> = {};
    for (const [label, path, init] of calls) {
      if (only && !only.includes(label)) continue;
      const { status, body } = await client.api.request(path, init);
      answers[label] = { status, body };
    }
    return answers;
  }

  it("lets a member the vault is shared with open it and decrypt every item", async () => {
    const opened = await viewer.openVault(vaultId);
    expect(opened.name).toBe("Payments");
    expect(opened.detail.vault.role).toBe("view");
    expect(opened.items.map((item) => item.plaintext.title)).toEqual(titles);
    expect(opened.key).toEqual((await owner.openVault(vaultId)).key);
    const listed = (await viewer.api.request("/api/v1/vaults")).body as {
      vaults: Array<{ id: string; role: string }>;
    };
    expect(listed.vaults).toContainEqual(expect.objectContaining({ id: vaultId, role: "view" }));
  });

  it("refuses item writes, sharing and rotation to a viewer (403)", async () => {
    const opened = await viewer.openVault(vaultId);
    const [first] = opened.items;
    if (!first) throw new Error("fixture");
    const create = await viewer.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: {
        id: randomId(),
        keyVersion: 1,
        ciphertext: opened.detail.items[0]?.ciphertext,
      },
    });
    expect(create.status).toBe(403);
    const update = await viewer.updateItem(vaultId, first, samplePlaintext("changed"));
    expect(update.status).toBe(403);
    const remove = await viewer.api.request(`/api/v1/vaults/${vaultId}/items/${first.id}`, {
      method: "DELETE",
    });
    expect(remove.status).toBe(403);
    expect((await viewer.shareWith(vaultId, outsider.userId, "view")).status).toBe(403);
    expect((await viewer.api.request(`/api/v1/vaults/${vaultId}/revisions`)).status).toBe(403);
    const { batch } = await buildRotationBatch({
      vaultId,
      currentKeyVersion: opened.keyVersion,
      currentKey: opened.key,
      vaultName: opened.name,
      items: opened.detail.items,
      revisions: [],
      remainingMembers: opened.detail.members.map((member) => ({
        userId: member.userId,
        role: member.role,
        boxPublicKey: member.boxPublicKey,
      })),
      removeUserIds: [],
      granterSignPrivateKey: viewer.signPrivateKey,
    });
    expect((await viewer.submitRotation(vaultId, batch)).status).toBe(403);
    expect((await owner.detail(vaultId)).vault.keyVersion).toBe(1);
  });

  it("lets an editor write items, but not share, rotate, rename or delete (403)", async () => {
    const added = await editor.addItem(vaultId, samplePlaintext("Editor's item"));
    const opened = await editor.openVault(vaultId);
    const mine = opened.items.find((item) => item.id === added.itemId);
    if (!mine) throw new Error("the editor's item is missing");
    const next = samplePlaintext("Editor's item, renamed");
    expect((await editor.updateItem(vaultId, mine, next)).status).toBe(200);
    expect((await owner.openVault(vaultId)).items.map((item) => item.plaintext.title)).toContain(
      "Editor's item, renamed",
    );

    expect((await editor.shareWith(vaultId, outsider.userId, "view")).status).toBe(403);
    // Even with the viewer's keys compared (the client would refuse otherwise), the server
    // refuses an editor's role change.
    await editor.trust(viewer.userId);
    expect((await editor.changeRole(vaultId, viewer.userId, "edit")).status).toBe(403);
    const managerOnly = [
      "PATCH",
      "DELETE",
      "GET revisions",
      "POST member",
      "PUT member",
      "POST rotate",
    ];
    const answers = await everyVaultRoute(editor, vaultId, managerOnly);
    for (const label of managerOnly) {
      expect([label, answers[label]?.status]).toEqual([label, 403]);
    }
    expect((await owner.detail(vaultId)).vault.keyVersion).toBe(1);
  });

  it("answers 404 to a non-member on every vault route, exactly as for a vault that does not exist", async () => {
    const answers = await everyVaultRoute(outsider, vaultId);
    const missing = await everyVaultRoute(outsider, randomId());
    for (const [label, answer] of Object.entries(answers)) {
      expect([label, answer.status]).toEqual([label, 404]);
      expect([label, answer.body]).toEqual([label, missing[label]?.body]);
    }
    const listed = (await outsider.api.request("/api/v1/vaults")).body as { vaults: unknown[] };
    expect(listed.vaults).toEqual([]);
    // Nothing the outsider sent changed the vault.
    const detail = await owner.detail(vaultId);
    expect(detail.vault.keyVersion).toBe(1);
    expect(detail.members.map((member) => member.userId)).not.toContain(outsider.userId);
  });

  it("treats an org admin who is not a member like any outsider: 404 and an empty list", async () => {
    const me = (await orgAdmin.api.request("/api/v1/account")).body as { role?: string };
    expect(me.role).toBe("admin");
    const answers = await everyVaultRoute(orgAdmin, vaultId);
    for (const [label, answer] of Object.entries(answers)) {
      expect([label, answer.status]).toEqual([label, 404]);
    }
    const listed = (await orgAdmin.api.request("/api/v1/vaults")).body as { vaults: unknown[] };
    expect(listed.vaults).toEqual([]);
  });

  it("makes a client refuse a grant from a granter it does not trust", async () => {
    // A client that accepts only keys it compared (no trust on first use).
    const newcomer = await invitedVaultClient(server, owner, {
      label: "newcomer",
      firstSeen: "refuse",
    });
    expect((await owner.shareWith(vaultId, newcomer.userId, "view")).status).toBe(201);
    const detail = await newcomer.detail(vaultId);
    // Not pinned yet: the owner's correctly signed grant is still refused.
    await expect(newcomer.openDetail(detail)).rejects.toThrow(new CryptoError("untrusted granter"));

    // A server that seals a key it knows and signs the grant with a key of its own making,
    // presenting a self-consistent bundle for it under the owner's id, is refused: the keys
    // differ from the ones pinned for the owner.
    const forger = generateUserKeys();
    const forgedKey = crypto.getRandomValues(new Uint8Array(32));
    const realGrant = detail.vault.grant;
    if (!realGrant) throw new Error("no grant");
    const forgedGrant: Grant = {
      vaultId,
      userId: newcomer.userId,
      keyVersion: realGrant.keyVersion,
      role: "manage",
      memberBoxPublicKey: realGrant.memberBoxPublicKey,
      sealedKey: sealVaultKey(forgedKey, newcomer.boxKeyPair.publicKey),
    };
    const forgerBundle = {
      ...realGrant.granter,
      signPublicKey: toBase64Url(forger.signKeyPair.publicKey),
      boxPublicKey: toBase64Url(forger.boxKeyPair.publicKey),
    };
    forgerBundle.bundleSignature = signBundle(forger.signKeyPair.privateKey, forgerBundle);
    const doctored: VaultDetailResponse = {
      ...detail,
      vault: {
        ...detail.vault,
        grant: {
          ...forgedGrant,
          signature: signGrant(forger.signKeyPair.privateKey, forgedGrant),
          granter: forgerBundle,
        },
      },
    };
    await newcomer.trust(owner.userId);
    await expect(newcomer.openDetail(doctored)).rejects.toThrow(VaultAccessError);
    await expect(newcomer.openDetail(doctored)).rejects.toMatchObject({
      problem: { kind: "keys-changed", email: realGrant.granter.email },
    });
    // The owner's name on a grant the owner never signed: the signature check refuses it.
    const impersonated: VaultDetailResponse = {
      ...doctored,
      vault: {
        ...doctored.vault,
        grant: {
          ...forgedGrant,
          signature: signGrant(forger.signKeyPair.privateKey, forgedGrant),
          granter: realGrant.granter,
        },
      },
    };
    await expect(newcomer.openDetail(impersonated)).rejects.toThrow(
      new CryptoError("grant signature"),
    );

    // Once the owner is pinned, the genuine grant opens.
    expect((await newcomer.openDetail(detail)).items).toHaveLength(detail.items.length);
  });

  it("answers one of two simultaneous shares with the same person 201, the other 409", async () => {
    const twice = await invitedVaultClient(server, owner, { label: "twice" });
    const answers = await Promise.all([
      owner.shareWith(vaultId, twice.userId, "view"),
      owner.shareWith(vaultId, twice.userId, "view"),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    await twice.trust(owner.userId);
    expect((await twice.openVault(vaultId)).detail.vault.role).toBe("view");
  });

  it("refuses (400) a grant sealed to a key that is not the recipient's", async () => {
    const recipient = await invitedVaultClient(server, owner, { label: "recipient" });
    const opened = await owner.openVault(vaultId);
    const stranger = generateUserKeys();
    const grant = owner.signedGrant(vaultId, opened.key, opened.keyVersion, {
      userId: recipient.userId,
      role: "view",
      boxPublicKey: toBase64Url(stranger.boxKeyPair.publicKey),
    });
    const response = await owner.api.request(`/api/v1/vaults/${vaultId}/members`, {
      json: { userId: recipient.userId, grant },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { field: "grant.memberBoxPublicKey" } });
    expect((await recipient.api.request(`/api/v1/vaults/${vaultId}`)).status).toBe(404);

    // The same rule for a role change: a re-signed grant must be sealed to the member's key.
    const swapped = owner.signedGrant(vaultId, opened.key, opened.keyVersion, {
      userId: viewer.userId,
      role: "edit",
      boxPublicKey: toBase64Url(stranger.boxKeyPair.publicKey),
    });
    const roleChange = await owner.api.request(
      `/api/v1/vaults/${vaultId}/members/${viewer.userId}`,
      {
        method: "PUT",
        json: { grant: swapped },
      },
    );
    expect(roleChange.status).toBe(400);
    expect((await viewer.openVault(vaultId)).detail.vault.role).toBe("view");
  });
});
