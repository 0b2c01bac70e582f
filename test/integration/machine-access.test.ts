// Service accounts and machine tokens over HTTP, on both databases: a manager creates an
// account, grants it a vault and mints tokens; a program holding only a token decrypts the
// secrets with lib/sdk; and the server holds every limit on every request.
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  bearerCredential,
  encryptItem,
  getSodium,
  parseMachineToken,
  type MachineScope,
} from "../../lib/crypto";
import type { MachineAccessResponse, ServiceAccountDetailResponse } from "../../lib/api/machine";
import type { VaultDetailResponse } from "../../lib/api/vault";
import { MachineClient } from "../../lib/sdk/machine-client";
import { fetchHttpPort } from "../../lib/sdk/http-port";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
} from "../../lib/sdk/service-accounts";
import {
  invitedVaultClient,
  ownerVaultClient,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";
import { startOffboarding } from "../support/rotation-client";
import { expectRefused } from "../support/sdk-refusals";

const canary = "sk_live_machine_canary_4417";

const bearerOf = (token: string) => bearerCredential(parseMachineToken(token));

describe.each(inject("servers"))("machine access on $kind", (server) => {
  let owner: VaultClient;
  let manager: VaultClient;
  let vaultId: string;
  let otherVaultId: string;
  let serviceAccountId: string;
  let saKey: Uint8Array;
  const http = () => fetchHttpPort(server.url);

  async function detail(id = serviceAccountId) {
    const response = await manager.api.request(`/api/v1/service-accounts/${id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as ServiceAccountDetailResponse;
  }

  async function grant(vault: string, scope: MachineScope) {
    const { keyVersion, key } = await manager.current(vault);
    const body = buildServiceAccountGrant({
      person: manager.personKeys(),
      saKey,
      detail: await detail(),
      accountBoxPublicKey: (await detail()).serviceAccount.boxPublicKey,
      vaultId: vault,
      vaultKey: key,
      keyVersion,
      scope,
    });
    const response = await manager.api.request(`/api/v1/vaults/${vault}/service-accounts`, {
      json: body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }

  /** A machine read with a bare credential, answered as it came. */
  async function readAccess(bearer: string) {
    const response = await fetch(`${server.url}/api/v1/machine/access`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  async function mint(options: Partial<Parameters<typeof buildMachineToken>[0]> = {}) {
    const { token, request } = buildMachineToken({
      saKey,
      kind: "sa",
      ttlSeconds: 600,
      ...options,
    });
    const response = await manager.api.request(
      `/api/v1/service-accounts/${serviceAccountId}/tokens`,
      { json: request },
    );
    return { token, response, tokenId: request.id };
  }

  async function mintOk(options: Partial<Parameters<typeof buildMachineToken>[0]> = {}) {
    const minted = await mint(options);
    expect(minted.response.status, JSON.stringify(minted.response.body)).toBe(201);
    return minted;
  }

  beforeAll(async () => {
    await getSodium();
    owner = await ownerVaultClient(server);
    manager = await invitedVaultClient(server, owner, { label: "sa-manager" });
    ({ vaultId } = await manager.createVault("CI secrets", "production"));
    await manager.addItem(vaultId, samplePlaintext("Deploy key", canary));
    ({ vaultId: otherVaultId } = await manager.createVault("Staging"));
    await manager.addItem(otherVaultId, samplePlaintext("Staging key"));

    const request = buildServiceAccount({
      person: manager.personKeys(),
      name: `ci-${Math.random().toString(36).slice(2, 8)}`,
      description: "Deploys production",
      maxTokenTtlSeconds: 3600,
    });
    const created = await manager.api.request("/api/v1/service-accounts", { json: request });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    serviceAccountId = request.id;
    saKey = unsealServiceAccountKey(manager.personKeys(), await detail());
    await grant(vaultId, "readwrite");
    await grant(otherVaultId, "read");
  });

  it("a program holding only a token decrypts the granted secrets", async () => {
    const { token } = await mintOk();
    const opened = await new MachineClient(http(), token).readAll();
    const vault = opened.vaults.find((entry) => entry.id === vaultId);
    expect(vault?.name).toBe("CI secrets");
    const password = vault?.items[0]?.plaintext.fields.find((field) => field.name === "password");
    expect(password?.value).toBe(canary);
    expect(opened.vaults.map((entry) => entry.id).sort()).toEqual([vaultId, otherVaultId].sort());
  });

  it("lists the account for its manager, shows it to admins without the key, hides it from others", async () => {
    const list = await manager.api.request("/api/v1/service-accounts");
    const mine = (list.body as { serviceAccounts: Array<{ id: string; manages: boolean }> })
      .serviceAccounts;
    expect(mine.find((account) => account.id === serviceAccountId)?.manages).toBe(true);
    const asOwner = await owner.api.request(`/api/v1/service-accounts/${serviceAccountId}`);
    expect(asOwner.status).toBe(200);
    expect((asOwner.body as ServiceAccountDetailResponse).sealedSaKey).toBeNull();
    const stranger = await invitedVaultClient(server, owner, { label: "sa-stranger" });
    const hidden = await stranger.api.request(`/api/v1/service-accounts/${serviceAccountId}`);
    expect(hidden.status).toBe(404);
    const mintAsStranger = await stranger.api.request(
      `/api/v1/service-accounts/${serviceAccountId}/tokens`,
      { json: buildMachineToken({ saKey, kind: "sa", ttlSeconds: 60 }).request },
    );
    expect(mintAsStranger.status).toBe(404);
  });

  it("refuses a token longer than the account allows, or scoped to a vault it lacks", async () => {
    const tooLong = await mint({ ttlSeconds: 7200 });
    expect(tooLong.response.status).toBe(400);
    expect((tooLong.response.body as { error: { field: string } }).error.field).toBe("ttlSeconds");
    const outside = await mint({ vaultIds: ["AAAAAAAAAAAAAAAAAAAAAA"] });
    expect(outside.response.status).toBe(400);
    expect((outside.response.body as { error: { field: string } }).error.field).toBe("vaultIds.0");
  });

  it("a vault-scoped token sees only that vault", async () => {
    const { token } = await mintOk({ vaultIds: [otherVaultId] });
    const opened = await new MachineClient(http(), token).readAll();
    expect(opened.vaults.map((vault) => vault.id)).toEqual([otherVaultId]);
  });

  it("a revoked token is refused on its next request", async () => {
    const { token, tokenId } = await mintOk();
    const client = new MachineClient(http(), token);
    await client.readAll();
    const revoked = await manager.api.request(
      `/api/v1/service-accounts/${serviceAccountId}/tokens/${tokenId}`,
      { method: "DELETE" },
    );
    expect(revoked.status).toBe(200);
    await expectRefused(client.readAll(), "token_revoked");
  });

  it("counts uses: the last use goes to exactly one of two parallel requests", async () => {
    const { token } = await mintOk({ maxUses: 2 });
    const client = new MachineClient(http(), token);
    await client.readAll();
    const results = await Promise.allSettled([client.readAll(), client.readAll()]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason.code).toBe("token_used_up");
    await expectRefused(client.readAll(), "token_used_up");
  });

  it("a wrong secret for a real token id is refused and spends none of its uses", async () => {
    const { token } = await mintOk({ maxUses: 1 });
    const parsed = parseMachineToken(token);
    const forged = bearerCredential({
      ...parsed,
      authSecret: parsed.authSecret.map((byte, index) => (index === 0 ? byte ^ 1 : byte)),
    });
    const refused = await readAccess(forged);
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { code: string } }).error.code).toBe("token_invalid");
    expect((await readAccess(bearerOf(token))).status).toBe(200);
    await expectRefused(new MachineClient(http(), token).readAll(), "token_used_up");
  });

  it("a read answers the token as this use left it, and items as the vault routes show them", async () => {
    const { token } = await mintOk({ maxUses: 3 });
    const before = Date.now();
    const first = await readAccess(bearerOf(token));
    const second = await readAccess(bearerOf(token));
    expect(first.status).toBe(200);
    const firstBody = first.body as MachineAccessResponse;
    const secondBody = second.body as MachineAccessResponse;
    expect([firstBody.token.usesLeft, secondBody.token.usesLeft]).toEqual([2, 1]);
    expect(Date.parse(firstBody.token.lastUsedAt ?? "")).toBeGreaterThanOrEqual(before - 1000);
    expect(firstBody.token.lastUsedAddress).toBeTruthy();
    const detail = await manager.api.request(`/api/v1/vaults/${vaultId}`);
    const machineVault = firstBody.vaults.find((vault) => vault.id === vaultId);
    const byId = (items: Array<{ id: string }> = []) =>
      [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(machineVault?.items.length).toBeGreaterThan(0);
    expect(byId(machineVault?.items)).toEqual(byId((detail.body as VaultDetailResponse).items));
  });

  it("an expired token is refused", async () => {
    const { token, response } = await mintOk({ ttlSeconds: 1 });
    const expiresAt = Date.parse((response.body as { expiresAt: string }).expiresAt);
    // Wait out the one-second lifetime itself, not a guess at it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 50));
    await expectRefused(new MachineClient(http(), token).readAll(), "token_expired");
  });

  it("an address allow-list refuses other addresses and admits its own", async () => {
    const elsewhere = await mintOk({ allowedCidrs: ["203.0.113.0/24"] });
    await expectRefused(new MachineClient(http(), elsewhere.token).readAll(), "token_address");
    const here = await mintOk({ allowedCidrs: ["127.0.0.1/32", "::1/128"] });
    await expect(new MachineClient(http(), here.token).readAll()).resolves.toBeTruthy();
    const bad = await mint({ allowedCidrs: ["not-a-range/99"] });
    expect(bad.response.status).toBe(400);
  });

  it("a disabled account's tokens are refused until it is enabled again", async () => {
    const { token } = await mintOk();
    const client = new MachineClient(http(), token);
    const status = (value: string) =>
      manager.api.request(`/api/v1/service-accounts/${serviceAccountId}/status`, {
        method: "PUT",
        json: { status: value },
      });
    expect((await status("disabled")).status).toBe(200);
    await expectRefused(client.readAll(), "account_disabled");
    expect((await status("active")).status).toBe(200);
    await expect(client.readAll()).resolves.toBeTruthy();
  });

  it("a minting token reads no ciphertext, but mints a bootstrap token that is exchanged once", async () => {
    const minting = await mintOk({ kind: "mt" });
    const scheduler = new MachineClient(http(), minting.token);
    await expectRefused(scheduler.readAll(), "forbidden");
    const bootstrap = await scheduler.mintBootstrap(30);
    expect(bootstrap.token.startsWith("coffer_bt_")).toBe(true);
    const container = new MachineClient(http(), bootstrap.token);
    await expectRefused(container.readAll(), "forbidden");
    const own = await container.exchangeBootstrap(3600);
    expect(own.dto.kind).toBe("sa");
    const opened = await new MachineClient(http(), own.token).readAll();
    expect(opened.vaults.length).toBeGreaterThan(0);

    // The second exchange of the same bootstrap token: refused, audited, account flagged.
    await expectRefused(container.exchangeBootstrap(3600), "token_used_up");
    const audit = await owner.api.request("/api/v1/audit?action=token.bootstrap_replay");
    const events = (audit.body as { events: Array<{ targetId: string; actorKind: string }> })
      .events;
    expect(events.some((event) => event.targetId === bootstrap.dto.id)).toBe(true);
    expect(events[0]?.actorKind).toBe("machine");
    expect((await detail()).serviceAccount.flagReason).toBe("bootstrap_replayed");
  });

  it("two parallel exchanges of one bootstrap token: exactly one succeeds", async () => {
    const { token } = await mintOk({ kind: "bt", ttlSeconds: 30 });
    const results = await Promise.allSettled([
      new MachineClient(http(), token).exchangeBootstrap(600),
      new MachineClient(http(), token).exchangeBootstrap(600),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("a read-only token cannot write, a read scope cannot write, read-write can", async () => {
    const readOnly = await mintOk({ readOnly: true });
    const writer = await mintOk();
    const write = async (token: string, vault: string) => {
      const access = await new MachineClient(http(), writer.token).readAll();
      const target = access.vaults.find((entry) => entry.id === vault)!;
      const item = target.items[0]!;
      return fetch(`${server.url}/api/v1/machine/vaults/${vault}/items/${item.id}`, {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${bearerOf(token)}`,
        },
        body: JSON.stringify({
          keyVersion: target.keyVersion,
          baseRevision: item.revision,
          ciphertext: encryptItem(manager.keyFor(vault, target.keyVersion), item.plaintext, {
            vaultId: vault,
            itemId: item.id,
            keyVersion: target.keyVersion,
            revision: item.revision + 1,
          }),
          changedSecretFields: 0,
        }),
      });
    };
    expect((await write(readOnly.token, vaultId)).status).toBe(403);
    expect((await write(writer.token, otherVaultId)).status).toBe(403);
    expect((await write(writer.token, vaultId)).status).toBe(200);
  });

  it("a cookie session cannot use the machine routes, and a token cannot use a person's", async () => {
    const asPerson = await manager.api.request("/api/v1/machine/access");
    expect(asPerson.status).toBe(401);
    const { token } = await mintOk();
    const asMachine = await fetch(`${server.url}/api/v1/vaults`, {
      headers: { authorization: `Bearer ${bearerOf(token)}` },
    });
    expect(asMachine.status).toBe(401);
  });

  it("a rotation must carry the account's grant, and the machine reads under the new key", async () => {
    // The manager's client seals the new key to the account as the manager pinned it.
    const attempt = await manager.prepareRotation(vaultId, []);
    expect(attempt.batch.serviceAccountGrants?.map((grant) => grant.serviceAccountId)).toEqual([
      serviceAccountId,
    ]);
    const withoutMachine = await manager.submitRotation(vaultId, {
      ...attempt.batch,
      serviceAccountGrants: [],
    });
    expect(withoutMachine.status).toBe(409);
    const rotated = await manager.submitRotation(vaultId, attempt.batch);
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const { token } = await mintOk();
    const opened = await new MachineClient(http(), token).readAll();
    expect(opened.vaults.find((vault) => vault.id === vaultId)?.keyVersion).toBe(
      attempt.keyVersion,
    );
  });

  it("offboarding the person who made a token revokes it and flags the account", async () => {
    const departing = await invitedVaultClient(server, owner, { label: "sa-departing" });
    // Anyone who manages a vault may create a service account.
    await departing.createVault("Departing");
    const request = buildServiceAccount({
      person: departing.personKeys(),
      name: `departing-${Math.random().toString(36).slice(2, 8)}`,
      description: "",
      maxTokenTtlSeconds: 3600,
    });
    expect(
      (await departing.api.request("/api/v1/service-accounts", { json: request })).status,
    ).toBe(201);
    const departingSaKey = unsealServiceAccountKey(
      departing.personKeys(),
      (await departing.api.request(`/api/v1/service-accounts/${request.id}`))
        .body as ServiceAccountDetailResponse,
    );
    const { token, request: tokenRequest } = buildMachineToken({
      saKey: departingSaKey,
      kind: "sa",
      ttlSeconds: 600,
    });
    expect(
      (
        await departing.api.request(`/api/v1/service-accounts/${request.id}/tokens`, {
          json: tokenRequest,
        })
      ).status,
    ).toBe(201);
    await new MachineClient(http(), token).readAll();
    const started = await startOffboarding(owner.api, departing.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await expectRefused(new MachineClient(http(), token).readAll(), "token_revoked");
    const flagged = await owner.api.request(`/api/v1/service-accounts/${request.id}`);
    expect((flagged.body as ServiceAccountDetailResponse).serviceAccount.flagReason).toBe(
      "manager_left",
    );
  });
});
