// The rotation tracker (DESIGN.md, Onboarding and offboarding): flagged items across vaults,
// filtered, owned and due; a flag clears when a member saves a new secret value, or when
// someone marks it rotated elsewhere. Intervals and due times are settings of their own.
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  invitedVaultClient,
  ownerVaultClient,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";
import { flagList, flagsFor, startOffboarding } from "../support/rotation-client";
import type { ItemFlagDto } from "@/lib/api/rotation";

describe.each(inject("servers"))("rotation tracker on $kind", (server) => {
  let owner: VaultClient;
  let manager: VaultClient;
  let editor: VaultClient;
  let viewer: VaultClient;
  let outsider: VaultClient;
  let leaver: VaultClient;
  let vaultId: string;
  const items: Record<string, string> = {};

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    manager = await invitedVaultClient(server, owner, { label: "tracker-manager" });
    editor = await invitedVaultClient(server, owner, { label: "tracker-editor" });
    viewer = await invitedVaultClient(server, owner, { label: "tracker-viewer" });
    outsider = await invitedVaultClient(server, owner, { label: "tracker-outsider" });
    leaver = await invitedVaultClient(server, owner, { label: "tracker-leaver" });
    ({ vaultId } = await manager.createVault("Tracked", "production"));
    for (const [member, role] of [
      [editor, "edit"],
      [viewer, "view"],
      [leaver, "view"],
    ] as const) {
      await member.trust(manager.userId);
      expect((await manager.shareWith(vaultId, member.userId, role)).status).toBe(201);
    }
    for (const name of ["database", "api", "ssh", "unchanged"]) {
      items[name] = (await manager.addItem(vaultId, samplePlaintext(name))).itemId;
    }
    const revealed = await leaver.api.request(
      `/api/v1/vaults/${vaultId}/items/${items.database}/events`,
      { json: { action: "reveal" } },
    );
    expect(revealed.status).toBe(204);
    expect((await startOffboarding(owner.api, leaver.userId)).status).toBe(201);
  });

  const openFlagOf = async (itemId: string, client = manager.api) => {
    const [flag] = await flagsFor(client, itemId);
    if (!flag) throw new Error(`no open flag for ${itemId}`);
    return flag;
  };

  it("lists flags by person, vault, priority and age; members see their vaults' only", async () => {
    const mine = await flagList(manager.api, { vaultId });
    expect(mine.status).toBe(200);
    expect(mine.flags.map((flag) => flag.itemId).sort()).toEqual(Object.values(items).sort());

    const high = await flagList(manager.api, { vaultId, priority: "high" });
    expect(high.flags.map((flag) => [flag.itemId, flag.reason])).toEqual([
      [items.database, "revealed"],
    ]);
    const byPerson = await flagList(editor.api, { personId: leaver.userId });
    expect(byPerson.flags).toHaveLength(4);
    expect(byPerson.flags.every((flag) => flag.person?.id === leaver.userId)).toBe(true);
    expect((await flagList(manager.api, { vaultId, olderThanDays: "1" })).flags).toEqual([]);
    expect((await flagList(manager.api, { vaultId, state: "cleared" })).flags).toEqual([]);
    // Soonest due first: the high-priority one leads.
    expect(mine.flags[0]?.itemId).toBe(items.database);
    expect(mine.flags.every((flag) => !flag.overdue)).toBe(true);

    // Someone outside the vault sees none of it, even asking for it by id; an admin sees all.
    expect((await flagList(outsider.api, { vaultId })).flags).toEqual([]);
    expect((await flagList(outsider.api, { personId: leaver.userId })).flags).toEqual([]);
    expect((await flagList(owner.api, { vaultId })).flags).toHaveLength(4);
    expect((await flagList(manager.api, { priority: "urgent" })).status).toBe(400);
  });

  it("lets a vault manager or an admin assign an owner from the vault, with a due date", async () => {
    const flag = await openFlagOf(items.api!);
    const assign = (client: VaultClient, ownerId: string | null, dueAt?: string) =>
      client.api.request(`/api/v1/flags/${flag.id}/owner`, {
        method: "PUT",
        json: { ownerId, dueAt },
      });
    expect((await assign(outsider, editor.userId)).status).toBe(404);
    expect((await assign(viewer, editor.userId)).status).toBe(403);
    expect((await assign(editor, editor.userId)).status).toBe(403);
    const notMember = await assign(manager, outsider.userId);
    expect(notMember.status).toBe(400);
    const leaverOwner = await assign(manager, leaver.userId);
    expect(leaverOwner.status, "a suspended member cannot own a flag").toBe(400);

    const past = new Date(Date.now() - 3_600_000).toISOString();
    const assigned = await assign(manager, editor.userId, past);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({
      owner: { id: editor.userId },
      dueAt: past,
      overdue: true,
    });
    const byAdmin = await assign(owner, manager.userId);
    expect(byAdmin.status).toBe(200);
    expect((byAdmin.body as ItemFlagDto).owner?.id).toBe(manager.userId);
    expect((await openFlagOf(items.api!)).overdue).toBe(true);

    const audit = await owner.api.request(`/api/v1/audit?action=flag.assign&vaultId=${vaultId}`);
    expect((audit.body as { events: unknown[] }).events).toHaveLength(2);
  });

  it("clears when an editor marks it rotated elsewhere, with a note", async () => {
    const flag = await openFlagOf(items.ssh!);
    const mark = (client: VaultClient, note = "Rotated in the cloud console") =>
      client.api.request(`/api/v1/flags/${flag.id}/rotated`, { json: { note } });
    expect((await mark(viewer)).status).toBe(403);
    expect((await mark(outsider)).status).toBe(404);
    expect((await mark(editor, "  ")).status).toBe(400);
    const marked = await mark(editor);
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toMatchObject({
      clearedHow: "marked",
      clearNote: "Rotated in the cloud console",
      clearedAt: expect.any(String),
      overdue: false,
    });
    expect(await flagsFor(manager.api, items.ssh!)).toEqual([]);
    expect((await mark(editor)).status).toBe(409);
    const cleared = await flagList(manager.api, { vaultId, state: "cleared" });
    expect(cleared.flags.map((entry) => entry.itemId)).toContain(items.ssh);
  });

  it("clears by itself when a member saves a new secret value, and not on other edits", async () => {
    const current = await editor.openVault(vaultId);
    const item = current.items.find((entry) => entry.id === items.unchanged)!;
    const retitled = { ...item.plaintext, title: "unchanged, renamed" };
    const titleOnly = await editor.updateItem(vaultId, item, retitled);
    expect(titleOnly.status).toBe(200);
    expect(await flagsFor(manager.api, items.unchanged!)).toHaveLength(1);

    const reopened = (await editor.openVault(vaultId)).items.find(
      (entry) => entry.id === items.unchanged,
    )!;
    const newSecret = samplePlaintext("unchanged, renamed", "a brand new password");
    const saved = await editor.updateItem(vaultId, reopened, newSecret);
    expect(saved.status).toBe(200);
    expect(await flagsFor(manager.api, items.unchanged!)).toEqual([]);
    const [cleared] = await flagsFor(manager.api, items.unchanged!, "cleared");
    expect(cleared).toMatchObject({ clearedHow: "new_value", clearNote: null });
  });

  it("keeps due times as an admin sets them", async () => {
    expect((await manager.api.request("/api/v1/admin/rotation-settings")).status).toBe(403);
    const read = await owner.api.request("/api/v1/admin/rotation-settings");
    expect(read.body).toEqual({ dueHighHours: 24, dueMediumHours: 72 });
    const bad = await owner.api.request("/api/v1/admin/rotation-settings", {
      method: "PUT",
      json: { dueHighHours: 0, dueMediumHours: 72 },
    });
    expect(bad.status).toBe(400);
    try {
      const set = await owner.api.request("/api/v1/admin/rotation-settings", {
        method: "PUT",
        json: { dueHighHours: 4, dueMediumHours: 48 },
      });
      expect(set.status).toBe(200);
      // A new offboarding's flags take the new times.
      const another = await invitedVaultClient(server, owner, { label: "tracker-second" });
      await another.trust(manager.userId);
      expect((await manager.shareWith(vaultId, another.userId, "view")).status).toBe(201);
      expect((await startOffboarding(owner.api, another.userId)).status).toBe(201);
      const { flags } = await flagList(owner.api, { personId: another.userId });
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) {
        expect((Date.parse(flag.dueAt) - Date.parse(flag.createdAt)) / 3_600_000).toBe(48);
      }
    } finally {
      // Other files share this server.
      await owner.api.request("/api/v1/admin/rotation-settings", {
        method: "PUT",
        json: { dueHighHours: 24, dueMediumHours: 72 },
      });
    }
  });

  it("sets rotation intervals: a vault's by its managers, an item's by its editors", async () => {
    const vaultInterval = (client: VaultClient, days: number | null) =>
      client.api.request(`/api/v1/vaults/${vaultId}/rotation-interval`, {
        method: "PUT",
        json: { rotationIntervalDays: days },
      });
    const itemInterval = (client: VaultClient, days: number | null) =>
      client.api.request(`/api/v1/vaults/${vaultId}/items/${items.api}/rotation-interval`, {
        method: "PUT",
        json: { rotationIntervalDays: days },
      });
    expect((await vaultInterval(editor, 90)).status).toBe(403);
    expect((await vaultInterval(outsider, 90)).status).toBe(404);
    expect((await vaultInterval(manager, 0)).status).toBe(400);
    expect((await vaultInterval(manager, 90)).status).toBe(200);
    const read = await viewer.api.request(`/api/v1/vaults/${vaultId}/rotation-interval`);
    expect(read.body).toEqual({ rotationIntervalDays: 90 });

    expect((await itemInterval(viewer, 30)).status).toBe(403);
    const set = await itemInterval(editor, 30);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ rotationIntervalDays: 30, vaultRotationIntervalDays: 90 });
    const due = Date.parse((set.body as { nextDueAt: string }).nextDueAt);
    expect(due).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await itemInterval(editor, null)).body).toMatchObject({
      rotationIntervalDays: null,
      vaultRotationIntervalDays: 90,
    });
    const audit = await owner.api.request(
      `/api/v1/audit?action=rotation.interval&vaultId=${vaultId}`,
    );
    expect((audit.body as { events: unknown[] }).events).toHaveLength(3);
  });
});
