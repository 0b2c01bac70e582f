// The role order (DESIGN, Sessions, MFA and policy): owner > admin > member. Nobody suspends,
// offboards, resets the keys of or changes the role of someone of equal or higher rank; the
// owner is reached only by an ownership transfer; starting an offboarding is an admin action;
// and a lockdown holds the admins still and counts only those active when it began. Each
// refusal is a 403 with a sentence and an `authz.denied` audit entry.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, makeAccount } from "../support/protocol-client";
import {
  createInvite,
  inviteMember,
  ownerSecrets,
  signedInClient,
  uniqueEmail,
} from "../support/flows";
import { invitedVaultClient, ownerVaultClient } from "../support/vault-client";
import { errorCode, liftLockdown, lockDown, startOffboarding } from "../support/rotation-client";

interface Person {
  client: ApiClient;
  userId: string;
  email: string;
}

const setStatus = (client: ApiClient, userId: string, status: "active" | "suspended") =>
  client.request(`/api/v1/users/${userId}/status`, { method: "PUT", json: { status } });
const resetKeys = (client: ApiClient, userId: string) =>
  client.request(`/api/v1/users/${userId}/mfa`, { method: "DELETE" });
const setRole = (client: ApiClient, userId: string, role: string) =>
  client.request(`/api/v1/users/${userId}/role`, { method: "PUT", json: { role } });
const transfer = (client: ApiClient, userId: string, confirmation: string) =>
  client.request("/api/v1/organization/ownership", { json: { userId, confirmation } });
const messageOf = (body: unknown) => (body as { error?: { message?: string } }).error?.message;
const fieldOf = (body: unknown) => (body as { error?: { field?: string } }).error?.field;

describe.each(inject("servers"))("role order on $kind", (server) => {
  let owner: ApiClient;
  const ownerId = server.owner.userId;

  async function person(label: string, role: "admin" | "member" = "member"): Promise<Person> {
    const made = await inviteMember(owner, { label, role });
    const { client } = await signedInClient(server.url, made.secrets);
    return { client, userId: made.secrets.userId, email: made.secrets.email };
  }

  /** The refusals recorded for `actorId`, newest first, as {action, targetId, reason}. */
  async function denials(actorId: string) {
    const events = await owner.request(
      `/api/v1/audit?action=authz.denied&actorId=${actorId}&limit=50`,
    );
    expect(events.status).toBe(200);
    return (events.body as { events: Array<{ details: Record<string, unknown> }> }).events.map(
      (event) => event.details,
    );
  }

  async function standing(userId: string) {
    const users = (await owner.request("/api/v1/users")).body as {
      users: Array<{ id: string; role: string; status: string }>;
    };
    return users.users.find((user) => user.id === userId);
  }

  function expectRefused(answer: { status: number; body: unknown }, sentence: RegExp) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    expect(errorCode(answer.body)).toBe("forbidden");
    expect(messageOf(answer.body)).toMatch(sentence);
  }

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  afterAll(async () => {
    // Lockdown and ownership are org-wide on a shared server: leave both as they were.
    const { client } = await signedInClient(server.url, ownerSecrets(server));
    const status = await client.request("/api/v1/admin/lockdown");
    if ((status.body as { active?: boolean }).active) await liftLockdown(client);
  });

  it("refuses a vault manager who is not an admin the offboarding of a colleague they added", async () => {
    const ownerKeys = await ownerVaultClient(server);
    const manager = await invitedVaultClient(server, ownerKeys, { label: "rank-manager" });
    const colleague = await invitedVaultClient(server, ownerKeys, { label: "rank-colleague" });
    const { vaultId } = await manager.createVault("Ours", null);
    await colleague.trust(manager.userId);
    expect((await manager.shareWith(vaultId, colleague.userId, "edit")).status).toBe(201);

    const attempt = await startOffboarding(manager.api, colleague.userId);
    expectRefused(attempt, /Only an admin can offboard/);
    // The colleague was not suspended, signed out or flagged.
    expect((await colleague.api.request("/api/v1/vaults")).status).toBe(200);
    expect((await standing(colleague.userId))?.status).toBe("active");
    // Whether the person exists is not a member's to learn: the same refusal for nobody.
    expectRefused(
      await startOffboarding(manager.api, "AAAAAAAAAAAAAAAAAAAAAA"),
      /Only an admin can offboard/,
    );
    expect((await denials(manager.userId)).slice(0, 2)).toEqual([
      { action: "offboard", targetId: "AAAAAAAAAAAAAAAAAAAAAA", reason: "not_admin" },
      { action: "offboard", targetId: colleague.userId, reason: "not_admin" },
    ]);
  });

  it("lets admins offboard members, the owner admins, and nobody the owner", async () => {
    const admin = await person("rank-offboarder", "admin");
    const otherAdmin = await person("rank-offboarded-admin", "admin");
    const member = await person("rank-offboarded-member");

    expectRefused(await startOffboarding(admin.client, otherAdmin.userId), /Only the owner/);
    expectRefused(await startOffboarding(admin.client, ownerId), /the owner/);
    expect((await otherAdmin.client.request("/api/v1/account")).status).toBe(200);
    expect((await denials(admin.userId)).slice(0, 2)).toEqual([
      { action: "offboard", targetId: ownerId, reason: "owner" },
      { action: "offboard", targetId: otherAdmin.userId, reason: "rank" },
    ]);

    const byAdmin = await startOffboarding(admin.client, member.userId);
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(201);
    const byOwner = await startOffboarding(owner, otherAdmin.userId);
    expect(byOwner.status, JSON.stringify(byOwner.body)).toBe(201);
    expect((await otherAdmin.client.request("/api/v1/account")).status).toBe(401);
  });

  it("keeps an admin from suspending or resetting the keys of the owner or another admin", async () => {
    const admin = await person("rank-admin", "admin");
    const otherAdmin = await person("rank-other-admin", "admin");
    const member = await person("rank-member");

    // The reported escalation: an admin suspends the owner, then resets the owner's keys.
    expectRefused(await setStatus(admin.client, ownerId, "suspended"), /the owner/);
    expectRefused(await resetKeys(admin.client, ownerId), /the owner/);
    expect((await owner.request("/api/v1/account")).status).toBe(200);
    expect(await standing(ownerId)).toMatchObject({ role: "owner", status: "active" });

    expectRefused(await setStatus(admin.client, otherAdmin.userId, "suspended"), /Only the owner/);
    expectRefused(await resetKeys(admin.client, otherAdmin.userId), /Only the owner/);
    expect((await otherAdmin.client.request("/api/v1/account")).status).toBe(200);
    expect((await denials(admin.userId)).slice(0, 4)).toEqual([
      { action: "reset_mfa", targetId: otherAdmin.userId, reason: "rank" },
      { action: "suspend", targetId: otherAdmin.userId, reason: "rank" },
      { action: "reset_mfa", targetId: ownerId, reason: "owner" },
      { action: "suspend", targetId: ownerId, reason: "owner" },
    ]);

    // Below them, the same actions go through.
    expect((await setStatus(admin.client, member.userId, "suspended")).status).toBe(200);
    expect((await setStatus(admin.client, member.userId, "active")).status).toBe(200);
    expect((await resetKeys(admin.client, member.userId)).status).toBe(200);
    // And the owner acts on admins.
    expect((await setStatus(owner, otherAdmin.userId, "suspended")).status).toBe(200);
    expect((await otherAdmin.client.request("/api/v1/account")).status).toBe(401);
    expect((await setStatus(owner, otherAdmin.userId, "active")).status).toBe(200);
    expect((await resetKeys(owner, otherAdmin.userId)).status).toBe(200);
  });

  it("lets admins make admins, only the owner unmake them, and nobody change the owner's role", async () => {
    const admin = await person("role-admin", "admin");
    const member = await person("role-member");

    expect((await setRole(member.client, admin.userId, "member")).status).toBe(403);
    const promoted = await setRole(admin.client, member.userId, "admin");
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body).toEqual({ role: "admin" });
    expect((await standing(member.userId))?.role).toBe("admin");
    // The new admin's live session is an admin's at once.
    expect((await member.client.request("/api/v1/users")).status).toBe(200);

    expectRefused(await setRole(admin.client, member.userId, "member"), /Only the owner/);
    expectRefused(await setRole(admin.client, ownerId, "member"), /the owner/);
    expectRefused(await setRole(admin.client, ownerId, "admin"), /the owner/);
    expect((await denials(admin.userId)).slice(0, 3)).toEqual([
      { action: "change_role", targetId: ownerId, reason: "owner" },
      { action: "change_role", targetId: ownerId, reason: "owner" },
      { action: "change_role", targetId: member.userId, reason: "rank" },
    ]);
    const asOwner = await setRole(admin.client, member.userId, "owner");
    expect(asOwner.status).toBe(400);
    expect(fieldOf(asOwner.body)).toBe("role");
    expect((await setRole(admin.client, admin.userId, "member")).status).toBe(400);

    const demoted = await setRole(owner, member.userId, "member");
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    expect((await standing(member.userId))?.role).toBe("member");
    expect((await member.client.request("/api/v1/users")).status).toBe(403);

    const changes = await owner.request(
      `/api/v1/audit?action=user.role_change&actorId=${ownerId}&limit=1`,
    );
    expect((changes.body as { events: unknown[] }).events).toEqual([
      expect.objectContaining({
        targetId: member.userId,
        details: { from: "admin", to: "member" },
      }),
    ]);
  });

  it("hands ownership only from the owner, to an active admin whose email the owner typed", async () => {
    const heir = await person("heir", "admin");
    const member = await person("not-heir");
    const suspendedAdmin = await person("suspended-heir", "admin");
    expect((await setStatus(owner, suspendedAdmin.userId, "suspended")).status).toBe(200);

    expectRefused(await transfer(heir.client, heir.userId, heir.email), /Only the owner/);
    expect((await denials(heir.userId))[0]).toEqual({
      action: "transfer_ownership",
      targetId: heir.userId,
      reason: "not_owner",
    });
    const toMember = await transfer(owner, member.userId, member.email);
    expect(toMember.status).toBe(400);
    expect(fieldOf(toMember.body)).toBe("userId");
    const toSuspended = await transfer(owner, suspendedAdmin.userId, suspendedAdmin.email);
    expect(toSuspended.status).toBe(400);
    expect(fieldOf(toSuspended.body)).toBe("userId");
    const mistyped = await transfer(owner, heir.userId, member.email);
    expect(mistyped.status).toBe(400);
    expect(fieldOf(mistyped.body)).toBe("confirmation");
    expect((await transfer(owner, ownerId, server.owner.email)).status).toBe(400);
    expect(await standing(ownerId)).toMatchObject({ role: "owner" });

    const handed = await transfer(owner, heir.userId, ` ${heir.email.toUpperCase()} `);
    try {
      expect(handed.status, JSON.stringify(handed.body)).toBe(200);
      expect(handed.body).toEqual({ ownerId: heir.userId, previousOwnerId: ownerId });
      expect(await standing(heir.userId)).toMatchObject({ role: "owner", status: "active" });
      expect(await standing(ownerId)).toMatchObject({ role: "admin", status: "active" });
      // The former owner is an admin now, bound by the order like any other.
      expectRefused(await setStatus(owner, heir.userId, "suspended"), /the owner/);
      expectRefused(await transfer(owner, heir.userId, heir.email), /Only the owner/);
    } finally {
      const back = await transfer(heir.client, ownerId, server.owner.email);
      expect(back.status, JSON.stringify(back.body)).toBe(200);
    }
    expect(await standing(ownerId)).toMatchObject({ role: "owner" });
    expect(await standing(heir.userId)).toMatchObject({ role: "admin" });
    const audit = await owner.request("/api/v1/audit?action=org.ownership_transfer&limit=2");
    expect(
      (audit.body as { events: Array<{ actorId: string; targetId: string }> }).events.map(
        (event) => [event.actorId, event.targetId],
      ),
    ).toEqual([
      [heir.userId, ownerId],
      [ownerId, heir.userId],
    ]);
  });

  it("holds admins still during a lockdown and lets only admins active when it began lift it", async () => {
    const starter = await person("lock-starter", "admin");
    const otherAdmin = await person("lock-other-admin", "admin");
    const member = await person("lock-member");
    // An admin invited before the lockdown who joins while it is in force.
    const latecomerEmail = uniqueEmail("lock-latecomer");
    const { token } = await createInvite(owner, latecomerEmail, "admin");

    expect((await lockDown(starter.client)).status).toBe(200);
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;

    // The reported bypass: suspending the owner (again and again) never lets the starter lift.
    for (let attempt = 0; attempt < 2; attempt++) {
      expectRefused(await setStatus(starter.client, ownerId, "suspended"), /the owner/);
      const status = await starter.client.request("/api/v1/admin/lockdown");
      expect(status.body).toMatchObject({ active: true, canLift: false });
    }
    expectRefused(await liftLockdown(starter.client), /Another admin must lift/);

    // The owner outranks admins, but not while the lockdown holds them still.
    const frozen = /While a lockdown is in force/;
    expectRefused(await setStatus(owner, otherAdmin.userId, "suspended"), frozen);
    expectRefused(await resetKeys(owner, otherAdmin.userId), frozen);
    expectRefused(await setRole(owner, otherAdmin.userId, "member"), frozen);
    expectRefused(await setRole(owner, member.userId, "admin"), frozen);
    expectRefused(await startOffboarding(owner, otherAdmin.userId), frozen);
    expectRefused(await transfer(owner, otherAdmin.userId, otherAdmin.email), frozen);
    expect(await standing(otherAdmin.userId)).toMatchObject({ role: "admin", status: "active" });
    expect(await standing(member.userId)).toMatchObject({ role: "member" });
    expect((await denials(ownerId)).slice(0, 6).map((denial) => denial.reason)).toEqual(
      Array(6).fill("lockdown"),
    );
    // Members are not what a lockdown protects: their status still changes.
    expect((await setStatus(owner, member.userId, "suspended")).status).toBe(200);
    expect((await setStatus(owner, member.userId, "active")).status).toBe(200);

    // An admin who joined after it began is not "another admin" for lifting it.
    const made = await makeAccount({
      email: latecomerEmail,
      name: "Late Admin",
      password: `pw-${Math.random().toString(36).slice(2)}`,
    });
    const signup = await new ApiClient(server.url).request("/api/v1/signup", {
      json: { inviteToken: token, account: made.account },
    });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
    const latecomer = (await signedInClient(server.url, made.secrets)).client;
    const seen = await latecomer.request("/api/v1/admin/lockdown");
    expect(seen.body).toMatchObject({ active: true, canLift: false });
    expectRefused(await liftLockdown(latecomer), /active when the lockdown began/);
    expect((await denials(made.secrets.userId))[0]).toEqual({
      action: "lift_lockdown",
      targetId: null,
      reason: "not_in_snapshot",
    });

    const lifted = await liftLockdown(owner);
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    // Once lifted, the owner acts on admins again.
    expect((await setStatus(owner, otherAdmin.userId, "suspended")).status).toBe(200);
    expect((await setStatus(owner, otherAdmin.userId, "active")).status).toBe(200);
  });
});
