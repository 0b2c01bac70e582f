// Break-glass lockdown: an admin revokes every session but their own, suspends machine access,
// flags every item and keeps everyone but admins from signing in; lifting it takes a second
// admin when there is one. Lockdown is org-wide on a shared server, so every path out of this
// file lifts it again.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, cookieJarHttpPort } from "../support/protocol-client";
import { createShareLink, revealShareLink } from "../../lib/sdk/share-links";
import { directKdfRunner } from "../../lib/sdk/kdf-runner";
import { ownerSecrets, signedInClient } from "../support/flows";
import {
  invitedVaultClient,
  ownerVaultClient,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";
import { errorCode, flagList, liftLockdown, lockDown } from "../support/rotation-client";
import type { ServiceAccountDetailResponse } from "../../lib/api/machine";
import { MachineClient } from "../../lib/sdk/machine-client";
import { SdkError, fetchHttpPort } from "../../lib/sdk/http-port";
import {
  buildMachineToken,
  buildServiceAccount,
  unsealServiceAccountKey,
} from "../../lib/sdk/service-accounts";

/** A live session token of a service account `manager` creates for the purpose. */
async function tokenOfNewServiceAccount(manager: VaultClient): Promise<string> {
  const person = manager.personKeys();
  const account = buildServiceAccount({
    person,
    name: `lockdown-${Math.random().toString(36).slice(2, 8)}`,
    description: "",
    maxTokenTtlSeconds: 3600,
  });
  expect((await manager.api.request("/api/v1/service-accounts", { json: account })).status).toBe(
    201,
  );
  const detail = (await manager.api.request(`/api/v1/service-accounts/${account.id}`))
    .body as ServiceAccountDetailResponse;
  const { token, request } = buildMachineToken({
    saKey: unsealServiceAccountKey(person, detail),
    kind: "sa",
    ttlSeconds: 3600,
  });
  const minted = await manager.api.request(`/api/v1/service-accounts/${account.id}/tokens`, {
    json: request,
  });
  expect(minted.status).toBe(201);
  return token;
}

describe.each(inject("servers"))("lockdown on $kind", (server) => {
  let owner: VaultClient;
  let admin: VaultClient;
  let member: VaultClient;
  let vaultId: string;
  let itemId: string;
  let machineToken: string;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    admin = await invitedVaultClient(server, owner, { label: "lockdown-admin", role: "admin" });
    member = await invitedVaultClient(server, owner, { label: "lockdown-member" });
    ({ vaultId } = await member.createVault("Everyday", null));
    ({ itemId } = await member.addItem(vaultId, samplePlaintext("ordinary")));
    machineToken = await tokenOfNewServiceAccount(member);
  });

  afterAll(async () => {
    // Whatever happened above, leave the server unlocked for the files that follow.
    const { client } = await signedInClient(server.url, ownerSecrets(server));
    const status = await client.request("/api/v1/admin/lockdown");
    if ((status.body as { active?: boolean }).active) await liftLockdown(client);
  });

  it("is an admin's action, confirmed by typing it", async () => {
    expect((await member.api.request("/api/v1/admin/lockdown")).status).toBe(403);
    expect((await lockDown(member.api)).status).toBe(403);
    const status = await admin.api.request("/api/v1/admin/lockdown");
    expect(status.body).toEqual({
      active: false,
      startedAt: null,
      startedBy: null,
      canLift: false,
    });
    const unconfirmed = await lockDown(admin.api, "lock down");
    expect(unconfirmed.status).toBe(400);
    expect((unconfirmed.body as { error: { field: string } }).error.field).toBe("confirmation");
    expect((await liftLockdown(admin.api)).status).toBe(409);
    expect((await member.api.request("/api/v1/vaults")).status).toBe(200);
  });

  it("revokes everything it names, keeps admins only, and takes a second admin to lift", async () => {
    const adminElsewhere = (await signedInClient(server.url, admin.credentials)).client;
    const link = await createShareLink(
      cookieJarHttpPort(member.api),
      { payload: { kind: "text", text: "out before the lockdown" } },
      directKdfRunner,
    );
    const started = await lockDown(admin.api);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const result = started.body as {
      sessionsRevoked: number;
      machineTokensSuspended: number;
      shareLinksSuspended: number;
      itemsFlagged: number;
    };
    expect(result.sessionsRevoked).toBeGreaterThanOrEqual(3);
    expect(result.machineTokensSuspended).toBeGreaterThanOrEqual(1);
    // Other files on this shared server may have links out too: at least this one is frozen.
    expect(result.shareLinksSuspended).toBeGreaterThanOrEqual(1);
    const reveal = await revealShareLink(
      cookieJarHttpPort(new ApiClient(server.url)),
      link.url,
      undefined,
      directKdfRunner,
    );
    expect(reveal).toEqual({ status: "gone" });
    expect(result.itemsFlagged).toBeGreaterThanOrEqual(1);
    expect((await lockDown(admin.api)).status).toBe(409);

    // Machines stop too: a token live before the lockdown is refused on its next request.
    const machineRead = await new MachineClient(fetchHttpPort(server.url), machineToken)
      .readAll()
      .then(
        () => "read",
        (error: unknown) => (error instanceof SdkError ? error.code : "other"),
      );
    expect(machineRead).toBe("token_suspended");

    // Only the session that pressed the button survives, not even the same admin's other one.
    expect((await admin.api.request("/api/v1/account")).status).toBe(200);
    for (const revoked of [adminElsewhere, owner.api, member.api]) {
      expect((await revoked.request("/api/v1/account")).status).toBe(401);
    }

    // Every item is flagged, high priority, for the lockdown.
    const { flags } = await flagList(admin.api, { vaultId, state: "open" });
    expect(flags.filter((flag) => flag.itemId === itemId && flag.source === "lockdown")).toEqual([
      expect.objectContaining({ priority: "high", reason: "lockdown", person: null }),
    ]);

    // Members cannot sign in, and are told why; admins can.
    const refused = await new ApiClient(server.url).signIn(member.credentials);
    expect(refused.signedIn).toBe(false);
    const ownerBack = await signedInClient(server.url, ownerSecrets(server));
    const status = await ownerBack.client.request("/api/v1/admin/lockdown");
    expect(status.body).toMatchObject({
      active: true,
      startedBy: { id: admin.userId },
      canLift: true,
    });
    expect(
      ((await admin.api.request("/api/v1/admin/lockdown")).body as { canLift: boolean }).canLift,
    ).toBe(false);

    // The admin who started it may not lift it while another admin exists.
    const selfLift = await liftLockdown(admin.api);
    expect(selfLift.status).toBe(403);
    expect(errorCode(selfLift.body)).toBe("forbidden");
    const lifted = await liftLockdown(ownerBack.client);
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    expect((lifted.body as { active: boolean }).active).toBe(false);

    const again = await new ApiClient(server.url).signIn(member.credentials);
    expect(again.signedIn).toBe(true);

    const audit = await ownerBack.client.request("/api/v1/audit?action=lockdown.&limit=2");
    const events = (
      audit.body as { events: Array<{ action: string; actorId: string; details: object }> }
    ).events;
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["lockdown.lift", owner.userId],
      ["lockdown.start", admin.userId],
    ]);
    expect(events[1]?.details).toMatchObject({
      sessionsRevoked: result.sessionsRevoked,
      itemsFlagged: result.itemsFlagged,
    });
  });

  it("tells a member the sign-in was refused for the lockdown, and counts no failure", async () => {
    const started = await lockDown((await signedInClient(server.url, ownerSecrets(server))).client);
    expect(started.status).toBe(200);
    try {
      const client = new ApiClient(server.url);
      const { loginPrivateKey } = await client.proofFor(member.credentials);
      // More refusals than the account's failure limit (5 on the shared servers).
      for (let attempt = 0; attempt < 6; attempt++) {
        const challenge = await client.challenge();
        const signature = client.signChallenge(loginPrivateKey, member.email, challenge);
        const answer = await client.request("/api/auth/callback/credentials", {
          form: {
            email: member.email,
            ...challenge,
            signature,
            csrfToken: ((await client.request("/api/auth/csrf")).body as { csrfToken: string })
              .csrfToken,
            json: "true",
          },
        });
        expect(answer.status).toBe(401);
        const url = new URL((answer.body as { url: string }).url);
        expect(url.searchParams.get("error")).toBe("LockedDown");
      }
      // A wrong proof still reads as wrong credentials, lockdown or not.
      const wrong = await new ApiClient(server.url).signIn({
        ...member.credentials,
        password: "not the password",
      });
      expect(wrong.signedIn).toBe(false);
    } finally {
      const { client } = await signedInClient(server.url, ownerSecrets(server));
      const other = await signedInClient(server.url, admin.credentials);
      // The owner started this one: the other admin lifts it.
      expect((await liftLockdown(other.client)).status).toBe(200);
      expect((await client.request("/api/v1/admin/lockdown")).body).toMatchObject({
        active: false,
      });
    }
    // Refusals for the lockdown did not use up the member's sign-in attempts.
    expect((await new ApiClient(server.url).signIn(member.credentials)).signedIn).toBe(true);
  });
});
