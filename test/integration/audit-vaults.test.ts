// The audit log records every vault and item event (DESIGN.md, Audit log) with the vault and
// the thing acted on, and nothing more: no ciphertext, no sealed key, no name or secret.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { toBase64Url } from "@/lib/crypto";
import type { AuditEventDto } from "@/lib/api/audit";
import {
  invitedVaultClient,
  ownerVaultClient,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

describe.each(inject("servers"))("vault audit events on $kind", (server) => {
  let owner: VaultClient;
  let member: VaultClient;
  let vaultId: string;
  let itemId: string;
  let removedItemId: string;
  const secretValues = [`s3cret-${toBase64Url(crypto.getRandomValues(new Uint8Array(9)))}`];
  const plaintexts = ["Audit vault name", "Audited login", "Audited login, edited", "To delete"];
  const shipped: string[] = [];

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    member = await invitedVaultClient(server, owner, { label: "audited" });
    const created = await owner.createVault("Audit vault name", "development");
    vaultId = created.vaultId;
    const added = await owner.addItem(vaultId, samplePlaintext("Audited login", secretValues[0]));
    itemId = added.itemId;
    removedItemId = (await owner.addItem(vaultId, samplePlaintext("To delete"))).itemId;
    const [item] = (await owner.openVault(vaultId)).items;
    if (!item) throw new Error("fixture");
    const next = samplePlaintext("Audited login, edited", `${secretValues[0]}-2`);
    secretValues.push(`${secretValues[0]}-2`);
    expect((await owner.updateItem(vaultId, item, next)).status).toBe(200);
    for (const action of ["reveal", "copy"]) {
      const event = await member.api.request(`/api/v1/vaults/${vaultId}/items/${itemId}/events`, {
        json: { action },
      });
      expect(event.status).toBe(404); // not shared yet
    }
    expect((await owner.shareWith(vaultId, member.userId, "view")).status).toBe(201);
    await member.trust(owner.userId);
    await member.openVault(vaultId);
    for (const action of ["reveal", "copy"]) {
      const event = await member.api.request(`/api/v1/vaults/${vaultId}/items/${itemId}/events`, {
        json: { action },
      });
      expect(event.status).toBe(204);
    }
    const deleted = await owner.api.request(`/api/v1/vaults/${vaultId}/items/${removedItemId}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
    const rotated = await owner.rotate(vaultId, [member.userId]);
    expect(rotated.response.status).toBe(200);
    // Everything that went over the wire for this vault: none of it belongs in the log.
    for (const exchange of [...owner.api.exchanges, ...member.api.exchanges]) {
      if (exchange.url.includes(vaultId)) shipped.push(exchange.request, exchange.response);
    }
  });

  async function vaultEvents(): Promise<AuditEventDto[]> {
    const response = await owner.api.request(`/api/v1/audit?vaultId=${vaultId}&limit=1000`);
    expect(response.status).toBe(200);
    return (response.body as { events: AuditEventDto[] }).events.reverse();
  }

  it("records each vault and item event with its vault, target and actor", async () => {
    const events = await vaultEvents();
    const summary = events.map((event) => [
      event.action,
      event.actorId,
      event.targetType,
      event.targetId,
    ]);
    expect(summary).toEqual([
      ["vault.create", owner.userId, "vault", vaultId],
      ["item.create", owner.userId, "item", itemId],
      ["item.create", owner.userId, "item", removedItemId],
      ["item.update", owner.userId, "item", itemId],
      ["vault.share", owner.userId, "user", member.userId],
      ["item.reveal", member.userId, "item", itemId],
      ["item.copy", member.userId, "item", itemId],
      ["item.delete", owner.userId, "item", removedItemId],
      ["vault.unshare", owner.userId, "user", member.userId],
      ["vault.rotate", owner.userId, "vault", vaultId],
    ]);
    expect(events.every((event) => event.vaultId === vaultId)).toBe(true);
    expect(events.find((event) => event.action === "vault.share")?.details).toEqual({
      role: "view",
      keyVersion: 1,
    });
    expect(events.find((event) => event.action === "vault.rotate")?.details).toMatchObject({
      keyVersion: 2,
      items: 1,
      members: 1,
    });
    expect(events.find((event) => event.action === "item.update")?.details).toEqual({
      revision: 2,
      changedSecretFields: 1,
    });
    const verified = await owner.api.request("/api/v1/audit/verify", { method: "POST" });
    expect(verified.body).toMatchObject({ ok: true });
  });

  it("keeps ciphertext, keys, names and secrets out of the events", async () => {
    const json = JSON.stringify(await vaultEvents());
    expect(json).not.toMatch(/v1\.[A-Za-z0-9_-]{32}\./);
    for (const text of [...plaintexts, ...secretValues]) expect(json).not.toContain(text);
    // Any base64url run of 40+ characters the client sent or received for this vault (sealed
    // keys, signatures, envelope parts, public keys) must not appear in the log.
    const blobs = new Set(shipped.flatMap((text) => text.match(/[A-Za-z0-9_-]{40,}/g) ?? []));
    expect(blobs.size).toBeGreaterThan(10);
    for (const blob of blobs) expect(json).not.toContain(blob);
    const key = owner.keyFor(vaultId, 2);
    expect(json).not.toContain(toBase64Url(key));
  });
});
