// Offboarding (DESIGN.md, Onboarding and offboarding): starting it cuts the person off at
// once; every item they could decrypt, at every key version they held, is flagged, highest
// for what they revealed or copied; each vault is re-keyed without them by a manager's
// browser; vaults they solely managed are handed over; a report says what was done.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { CryptoError, decryptItem, decryptVaultName } from "@/lib/crypto";
import { ApiClient } from "../support/protocol-client";
import { createInvite } from "../support/flows";
import { memberWithKey } from "../support/mfa-client";
import {
  invitedVaultClient,
  ownerVaultClient,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";
import {
  checklistOf,
  errorCode,
  flagList,
  handOver,
  report,
  reportOf,
  startOffboarding,
  stepsOf,
} from "../support/rotation-client";

describe.each(inject("servers"))("offboarding on $kind", (server) => {
  let owner: VaultClient;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
  });

  /** A manager with a vault that `members` are in (each trusting the manager's key). */
  async function teamVault(
    members: Array<{ client: VaultClient; role: "view" | "edit" | "manage" }>,
  ) {
    const manager = await invitedVaultClient(server, owner, { label: "manager" });
    const { vaultId } = await manager.createVault("Team", "production");
    for (const member of members) {
      await member.client.trust(manager.userId);
      expect((await manager.shareWith(vaultId, member.client.userId, member.role)).status).toBe(
        201,
      );
    }
    return { manager, vaultId };
  }

  it("is an admin's action: never a vault manager's, never for yourself, the owner or twice", async () => {
    const person = await invitedVaultClient(server, owner, { label: "leaver" });
    const colleague = await invitedVaultClient(server, owner, { label: "colleague" });
    const admin = await invitedVaultClient(server, owner, { label: "vault-admin", role: "admin" });
    const { manager } = await teamVault([
      { client: person, role: "edit" },
      { client: colleague, role: "edit" },
      { client: admin, role: "view" },
    ]);

    const plainMember = await startOffboarding(colleague.api, person.userId);
    expect(plainMember.status, JSON.stringify(plainMember.body)).toBe(403);
    const stranger = await invitedVaultClient(server, owner, { label: "stranger" });
    expect((await startOffboarding(stranger.api, person.userId)).status).toBe(403);
    // A vault manager may not suspend an admin of the organisation.
    const adminTarget = await startOffboarding(manager.api, admin.userId);
    expect(adminTarget.status, JSON.stringify(adminTarget.body)).toBe(403);

    const self = await startOffboarding(person.api, person.userId);
    expect(self.status).toBe(400);
    expect(errorCode(self.body)).toBe("bad_request");
    const theOwner = await startOffboarding(admin.api, owner.userId);
    expect(theOwner.status).toBe(403);
    expect((await startOffboarding(owner.api, "no-such-person-xxxxxxxx")).status).toBe(404);
    const badTemplate = await startOffboarding(owner.api, person.userId, "no-such-template");
    expect(badTemplate.status).toBe(400);
    // The refused attempts changed nothing: the person still works.
    expect((await person.api.request("/api/v1/vaults")).status).toBe(200);

    // Managing the person's vault does not make a manager an admin: they remove people from
    // their vaults (which rotates the key), they do not suspend accounts.
    const byManager = await startOffboarding(manager.api, person.userId);
    expect(byManager.status, JSON.stringify(byManager.body)).toBe(403);
    expect((await person.api.request("/api/v1/vaults")).status).toBe(200);

    const started = await startOffboarding(admin.api, person.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const checklist = checklistOf(started);
    expect(checklist.kind).toBe("offboarding");
    expect(checklist.subject.userId).toBe(person.userId);
    expect(checklist.startedBy.id).toBe(admin.userId);

    const again = await startOffboarding(owner.api, person.userId);
    expect(again.status).toBe(409);
  });

  it("cuts the person off at once: sessions, sign-in, security keys and pending invites", async () => {
    const ownerApi = owner.api;
    const person = await memberWithKey(ownerApi, { label: "keyed-leaver", role: "admin" });
    const invitee = `invitee-${Date.now().toString(36)}@example.test`;
    const invite = await createInvite(person.client, invitee);
    expect((await person.client.request("/api/v1/account")).status).toBe(200);

    const started = await startOffboarding(ownerApi, person.secrets.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const checklist = checklistOf(started);
    expect(stepsOf(checklist, "suspend")[0]?.status).toBe("done");
    expect(stepsOf(checklist, "revoke_access")[0]?.status).toBe("done");
    expect(stepsOf(checklist, "flag_items")[0]?.status).toBe("done");
    // In no vault, so nothing is left unless the org's default template adds manual steps.
    const manual = checklist.steps.some((step) => step.kind === "manual");
    expect(stepsOf(checklist, "report")[0]?.status).toBe(manual ? "pending" : "done");
    expect(checklist.status).toBe(manual ? "open" : "done");
    expect(checklist.report?.completedAt === null).toBe(manual);
    expect(checklist.report?.revoked).toEqual({
      sessions: 1,
      securityKeys: 1,
      invites: 1,
      machineTokens: 0,
      shareLinks: 0,
    });

    // Their live session is refused on its next request, and a new sign-in fails.
    expect((await person.client.request("/api/v1/account")).status).toBe(401);
    const again = await new ApiClient(server.url).signIn(person.secrets);
    expect(again.signedIn).toBe(false);

    // Their key is disabled, not deleted: it no longer counts, the record stays.
    const mfa = await ownerApi.request("/api/v1/admin/mfa");
    const entry = (
      mfa.body as { people: Array<{ userId: string; keyCount: number; status: string }> }
    ).people.find((candidate) => candidate.userId === person.secrets.userId);
    expect(entry).toMatchObject({ keyCount: 0, status: "suspended" });

    // The invite they had sent can no longer be used.
    const invites = await ownerApi.request("/api/v1/invites");
    const sent = (invites.body as { invites: Array<{ id: string; status: string }> }).invites.find(
      (candidate) => candidate.id === invite.invite.id,
    );
    expect(sent?.status).toBe("revoked");
    const lookup = await new ApiClient(server.url).request("/api/v1/invites/lookup", {
      json: { token: invite.token },
    });
    expect(lookup.status).toBe(404);

    const audit = await ownerApi.request(
      `/api/v1/audit?action=offboarding.start&actorId=${owner.userId}&limit=5`,
    );
    const events = (audit.body as { events: Array<{ targetId: string; details: object }> }).events;
    expect(events.find((event) => event.targetId === person.secrets.userId)?.details).toMatchObject(
      { sessions: 1, securityKeys: 1, invites: 1, machineTokens: 0, shareLinks: 0 },
    );
  });

  it("flags every item they could decrypt at every key version, ranked by what they opened, and re-keying leaves their keys useless", async () => {
    const person = await invitedVaultClient(server, owner, { label: "exposed" });
    const { manager, vaultId } = await teamVault([{ client: person, role: "edit" }]);
    const revealed = await manager.addItem(vaultId, samplePlaintext("revealed"));
    const copied = await manager.addItem(vaultId, samplePlaintext("copied"));
    const unopened = await manager.addItem(vaultId, samplePlaintext("never opened"));
    await person.openVault(vaultId);
    for (const [item, action] of [
      [revealed, "reveal"],
      [copied, "copy"],
    ] as const) {
      const event = await person.api.request(
        `/api/v1/vaults/${vaultId}/items/${item.itemId}/events`,
        { json: { action } },
      );
      expect(event.status).toBe(204);
    }
    // A rotation while they stay: they now hold key versions 1 and 2.
    expect((await manager.rotate(vaultId)).response.status).toBe(200);
    const later = await manager.addItem(vaultId, samplePlaintext("added under key 2"));
    await person.openVault(vaultId);
    expect([...(person.keys.get(vaultId)?.keys() ?? [])].sort()).toEqual([1, 2]);

    // A vault they left earlier: items from before they left count, items after do not.
    const { manager: formerManager, vaultId: formerVault } = await teamVault([
      { client: person, role: "view" },
    ]);
    const before = await formerManager.addItem(formerVault, samplePlaintext("while there"));
    await person.openVault(formerVault);
    expect((await formerManager.rotate(formerVault, [person.userId])).response.status).toBe(200);
    const after = await formerManager.addItem(formerVault, samplePlaintext("after they left"));

    const started = await startOffboarding(owner.api, person.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const checklist = checklistOf(started);
    expect(stepsOf(checklist, "rotate_vault").map((step) => step.vaultId)).toEqual([vaultId]);
    expect(stepsOf(checklist, "handover_vault")).toEqual([]);
    expect(stepsOf(checklist, "flag_items")[0]?.description).toContain("5 items flagged");

    const { flags } = await flagList(owner.api, { personId: person.userId });
    const byItem = new Map(flags.map((flag) => [flag.itemId, flag]));
    expect(byItem.get(revealed.itemId)).toMatchObject({ priority: "high", reason: "revealed" });
    expect(byItem.get(copied.itemId)).toMatchObject({ priority: "high", reason: "copied" });
    expect(byItem.get(unopened.itemId)).toMatchObject({
      priority: "medium",
      reason: "could_decrypt",
    });
    expect(byItem.get(later.itemId)).toMatchObject({ priority: "medium", reason: "could_decrypt" });
    expect(byItem.get(before.itemId)).toMatchObject({ priority: "medium", vaultId: formerVault });
    expect(byItem.has(after.itemId)).toBe(false);
    for (const flag of flags) {
      expect(flag.source).toBe("offboarding");
      expect(flag.person).toEqual({ id: person.userId, name: "Test Member" });
      const hours = (Date.parse(flag.dueAt) - Date.parse(flag.createdAt)) / 3_600_000;
      expect(hours).toBe(flag.priority === "high" ? 24 : 72);
    }

    // A re-key that keeps them would hand back the key they are to lose: refused.
    const keeping = await manager.rotate(vaultId);
    expect(keeping.response.status).toBe(409);
    expect(errorCode(keeping.response.body)).toBe("member_offboarding");

    // The manager's browser re-keys the vault without them (a suspended member can be removed).
    const rotated = await manager.rotate(vaultId, [person.userId]);
    expect(rotated.response.status, JSON.stringify(rotated.response.body)).toBe(200);
    const current = await manager.openVault(vaultId);
    expect(current.keyVersion).toBe(3);
    for (const [heldVersion, heldKey] of person.keys.get(vaultId) ?? []) {
      expect(heldKey).not.toEqual(current.key);
      for (const item of current.detail.items) {
        for (const keyVersion of [heldVersion, current.keyVersion]) {
          expect(() =>
            decryptItem(heldKey, item.ciphertext, {
              vaultId,
              itemId: item.id,
              keyVersion,
              revision: item.revision,
            }),
          ).toThrow(CryptoError);
        }
      }
      expect(() =>
        decryptVaultName(heldKey, current.detail.vault.encryptedName, vaultId, 3),
      ).toThrow(CryptoError);
    }

    const afterRekey = reportOf(await report(owner.api, checklist.id));
    expect(afterRekey.vaults).toEqual([
      {
        vaultId,
        rekeyed: true,
        rekeyedAt: expect.any(String),
        rekeyedBy: { id: manager.userId, name: "Test Member" },
        handedOverTo: null,
      },
    ]);
  });

  it("hands a vault they solely managed to another member, who re-keys it", async () => {
    const person = await invitedVaultClient(server, owner, { label: "sole-manager" });
    const heir = await invitedVaultClient(server, owner, { label: "heir" });
    const viewer = await invitedVaultClient(server, owner, { label: "viewer" });
    const suspended = await invitedVaultClient(server, owner, { label: "suspended-member" });
    const keyless = await invitedVaultClient(server, owner, { label: "keys-reset" });
    const outsider = await invitedVaultClient(server, owner, { label: "outsider" });
    const { vaultId } = await person.createVault("Theirs", "staging");
    const item = await person.addItem(vaultId, samplePlaintext("handed over"));
    for (const [member, role] of [
      [heir, "edit"],
      [viewer, "view"],
      [suspended, "edit"],
      [keyless, "edit"],
    ] as const) {
      await member.trust(person.userId);
      expect((await person.shareWith(vaultId, member.userId, role)).status).toBe(201);
    }
    // Two members who cannot take over: one suspended, one whose keys an admin reset (out of
    // the MFA policy until they enrol again).
    const suspend = await owner.api.request(`/api/v1/users/${suspended.userId}/status`, {
      method: "PUT",
      json: { status: "suspended" },
    });
    expect(suspend.status).toBe(200);
    expect(
      (await owner.api.request(`/api/v1/users/${keyless.userId}/mfa`, { method: "DELETE" })).status,
    ).toBe(200);
    // A vault with nobody else in it: nothing to re-key, nobody to hand it to.
    const { vaultId: alone } = await person.createVault("Alone", null);

    const started = await startOffboarding(owner.api, person.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const checklist = checklistOf(started);
    const [handover] = stepsOf(checklist, "handover_vault");
    expect(handover).toMatchObject({ vaultId, status: "pending", assigneeRole: "admin" });
    expect(stepsOf(checklist, "handover_vault")).toHaveLength(1);
    const rekeys = stepsOf(checklist, "rotate_vault");
    expect(rekeys.find((step) => step.vaultId === alone)?.status).toBe("skipped");
    expect(rekeys.find((step) => step.vaultId === vaultId)?.status).toBe("pending");

    // Until someone manages the vault nobody can re-key it: the heir may only edit.
    await expect(heir.rotate(vaultId, [person.userId])).rejects.toMatchObject({ status: 403 });

    const handoverStep = handover!.id;
    expect((await handOver(heir.api, checklist.id, handoverStep, heir.userId)).status).toBe(403);
    const toOutsider = await handOver(owner.api, checklist.id, handoverStep, outsider.userId);
    expect(toOutsider.status).toBe(400);
    const toPerson = await handOver(owner.api, checklist.id, handoverStep, person.userId);
    expect(toPerson.status).toBe(400);
    const toSuspended = await handOver(owner.api, checklist.id, handoverStep, suspended.userId);
    expect(toSuspended.status).toBe(400);
    const toKeyless = await handOver(owner.api, checklist.id, handoverStep, keyless.userId);
    expect(toKeyless.status).toBe(409);
    expect(errorCode(toKeyless.body)).toBe("member_not_compliant");
    const done = await handOver(owner.api, checklist.id, handoverStep, heir.userId);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(stepsOf(checklistOf(done), "handover_vault")[0]).toMatchObject({
      status: "done",
      actor: { id: owner.userId },
    });
    expect((await handOver(owner.api, checklist.id, handoverStep, viewer.userId)).status).toBe(409);

    // The server lets the heir manage; the grant they hold is still the one signed as editor
    // (docs/decisions/0012-vault-handover.md) until their rotation re-signs every grant.
    const heirView = await heir.openVault(vaultId);
    expect(heirView.detail.vault.role).toBe("manage");
    expect(heirView.detail.vault.grant?.role).toBe("edit");
    const rotated = await heir.rotate(vaultId, [person.userId]);
    expect(rotated.response.status, JSON.stringify(rotated.response.body)).toBe(200);
    const reopened = await heir.openVault(vaultId);
    expect(reopened.detail.vault.grant?.role).toBe("manage");
    expect(reopened.detail.vault.grant?.granter.userId).toBe(heir.userId);
    expect(reopened.items.map((opened) => opened.id)).toEqual([item.itemId]);
    // The viewer pins the heir's key, as they would after comparing fingerprints.
    await viewer.trust(heir.userId);
    expect((await viewer.openVault(vaultId)).detail.vault.grant?.role).toBe("view");

    const final = reportOf(await report(owner.api, checklist.id));
    const handed = final.vaults.find((vault) => vault.vaultId === vaultId);
    expect(handed).toMatchObject({
      rekeyed: true,
      rekeyedBy: { id: heir.userId },
      handedOverTo: { id: heir.userId },
    });
    expect(final.vaults.find((vault) => vault.vaultId === alone)).toMatchObject({
      rekeyed: false,
      handedOverTo: null,
    });
  });

  it("skips the re-key of a vault deleted while it waited", async () => {
    const person = await invitedVaultClient(server, owner, { label: "deleted-vault" });
    const { manager, vaultId } = await teamVault([{ client: person, role: "edit" }]);
    const checklist = checklistOf(await startOffboarding(owner.api, person.userId));
    expect(stepsOf(checklist, "rotate_vault")[0]?.status).toBe("pending");
    expect(
      (await manager.api.request(`/api/v1/vaults/${vaultId}`, { method: "DELETE" })).status,
    ).toBe(204);
    const after = await owner.api.request(`/api/v1/checklists/${checklist.id}`);
    expect(after.status).toBe(200);
    expect(stepsOf(checklistOf(after), "rotate_vault")[0]?.status).toBe("skipped");
    expect(reportOf(await report(owner.api, checklist.id)).vaults).toEqual([
      { vaultId, rekeyed: false, rekeyedAt: null, rekeyedBy: null, handedOverTo: null },
    ]);
  });

  it("reports what was done as a JSON file, for admins and the managers involved", async () => {
    const person = await invitedVaultClient(server, owner, { label: "reported" });
    const colleague = await invitedVaultClient(server, owner, { label: "report-colleague" });
    const { manager, vaultId } = await teamVault([
      { client: person, role: "edit" },
      { client: colleague, role: "edit" },
    ]);
    const item = await manager.addItem(vaultId, samplePlaintext("in the report"));
    const { manager: otherManager, vaultId: otherVault } = await teamVault([
      { client: person, role: "view" },
    ]);
    const otherItem = await otherManager.addItem(otherVault, samplePlaintext("elsewhere"));
    const started = checklistOf(await startOffboarding(owner.api, person.userId));

    const file = await report(owner.api, started.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="offboarding-${person.email}-${started.startedAt.slice(0, 10)}.json"`,
    );
    const full = reportOf(file);
    expect(full.person).toEqual({
      userId: person.userId,
      email: person.email,
      name: "Test Member",
    });
    expect(full.completedAt).toBeNull();
    expect(full.vaults.map((vault) => vault.vaultId).sort()).toEqual([vaultId, otherVault].sort());
    expect(full.flaggedItems).toEqual(
      expect.arrayContaining([
        {
          itemId: item.itemId,
          vaultId,
          priority: "medium",
          reason: "could_decrypt",
          owner: null,
          cleared: false,
        },
        {
          itemId: otherItem.itemId,
          vaultId: otherVault,
          priority: "medium",
          reason: "could_decrypt",
          owner: null,
          cleared: false,
        },
      ]),
    );
    expect(JSON.stringify(full)).not.toContain("in the report");

    // A manager involved sees the part about their own vaults; a colleague sees nothing.
    const scoped = reportOf(await report(manager.api, started.id));
    expect(scoped.vaults.map((vault) => vault.vaultId)).toEqual([vaultId]);
    expect(scoped.flaggedItems.map((flagged) => flagged.itemId)).toEqual([item.itemId]);
    expect((await report(colleague.api, started.id)).status).toBe(404);
  });
});
