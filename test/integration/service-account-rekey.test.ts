// Service accounts after someone who held saKey leaves: offboarding lists the account for a
// re-key, a manager re-keys it on their device (new keys and saKey, every old token dead, the
// grant re-made), and managers are added and removed with saKey sealed by a manager. The audit
// log names the machine that acted. On both databases.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getSodium, openServiceAccountKey } from "../../lib/crypto";
import type { AuditEventDto } from "../../lib/api/audit";
import type { ServiceAccountDetailResponse } from "../../lib/api/machine";
import type { RekeyServiceAccountResponse } from "../../lib/api/service-account-rekey";
import { MachineClient } from "../../lib/sdk/machine-client";
import { fetchHttpPort } from "../../lib/sdk/http-port";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
} from "../../lib/sdk/service-accounts";
import { buildManagerCopy, buildServiceAccountRekey } from "../../lib/sdk/service-account-rekey";
import {
  invitedVaultClient,
  ownerVaultClient,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";
import { reportOf, startOffboarding } from "../support/rotation-client";
import { expectRefused } from "../support/sdk-refusals";
import { createServiceAccount, grantServiceAccount } from "../support/service-accounts";

const canary = "sk_live_rekey_canary_9902";

describe.each(inject("servers"))("re-keying service accounts on $kind", (server) => {
  let owner: VaultClient;
  let manager: VaultClient;
  let departing: VaultClient;
  let outsider: VaultClient;
  let vaultId: string;
  let serviceAccountId: string;
  let serviceAccountName: string;
  let offboardingId: string;
  const http = () => fetchHttpPort(server.url);

  async function detailAs(client: VaultClient) {
    const response = await client.api.request(`/api/v1/service-accounts/${serviceAccountId}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as ServiceAccountDetailResponse;
  }

  async function mintAs(client: VaultClient, options: { kind?: "sa" | "mt"; name?: string } = {}) {
    const saKey = unsealServiceAccountKey(client.personKeys(), await detailAs(client));
    const { token, request } = buildMachineToken({
      saKey,
      kind: options.kind ?? "sa",
      name: options.name,
      ttlSeconds: 600,
    });
    const response = await client.api.request(
      `/api/v1/service-accounts/${serviceAccountId}/tokens`,
      { json: request },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { token, tokenId: request.id };
  }

  /** The manager's own re-key, keeping only the managers the test names (all verified). */
  async function rekeyRequest(client: VaultClient, keep: VaultClient[] = []) {
    const detail = await detailAs(client);
    const { key, keyVersion } = await client.current(vaultId);
    return buildServiceAccountRekey({
      person: client.personKeys(),
      detail,
      managers: await Promise.all(
        keep.map(async (person) => {
          const bundle = await client.bundleOf(person.userId);
          return { ...bundle, userId: person.userId };
        }),
      ),
      vaultKeys: [{ vaultId, keyVersion, vaultKey: key }],
    }).request;
  }

  const rekey = (client: VaultClient, body: unknown) =>
    client.api.request(`/api/v1/service-accounts/${serviceAccountId}/rekey`, { json: body });

  beforeAll(async () => {
    await getSodium();
    owner = await ownerVaultClient(server);
    manager = await invitedVaultClient(server, owner, { label: "rekey-manager" });
    departing = await invitedVaultClient(server, owner, { label: "rekey-departing" });
    outsider = await invitedVaultClient(server, owner, { label: "rekey-outsider" });
    ({ vaultId } = await manager.createVault("Deploy"));
    await manager.addItem(vaultId, samplePlaintext("Deploy key", canary));

    const account = await createServiceAccount(manager, {
      name: `deploy-${Math.random().toString(36).slice(2, 8)}`,
    });
    serviceAccountId = account.id;
    serviceAccountName = account.name;
    await grantServiceAccount(manager, account, vaultId, "readwrite");
  });

  describe("managers", () => {
    it("a manager seals saKey to a new manager's verified key; the newcomer can mint", async () => {
      const saKey = unsealServiceAccountKey(manager.personKeys(), await detailAs(manager));
      const bundle = await manager.bundleOf(departing.userId);
      const added = await manager.api.request(
        `/api/v1/service-accounts/${serviceAccountId}/managers`,
        { json: buildManagerCopy(saKey, bundle) },
      );
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      const seen = await detailAs(departing);
      expect(openServiceAccountKey(seen.sealedSaKey!, departing.boxKeyPair)).toEqual(saKey);
      const { token } = await mintAs(departing);
      const opened = await new MachineClient(http(), token).readAll();
      expect(opened.vaults[0]?.items[0]?.plaintext.fields[1]?.value).toBe(canary);

      const again = await manager.api.request(
        `/api/v1/service-accounts/${serviceAccountId}/managers`,
        { json: buildManagerCopy(saKey, bundle) },
      );
      expect(again.status).toBe(409);
    });

    it("refuses bad input by field, and anyone who does not manage the account", async () => {
      const path = `/api/v1/service-accounts/${serviceAccountId}/managers`;
      const sealed = (await detailAs(manager)).sealedSaKey!;
      const unknown = await manager.api.request(path, {
        json: { userId: "no-such-person", sealedSaKey: sealed },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ error: { field: "userId" } });
      const short = await manager.api.request(path, {
        json: { userId: outsider.userId, sealedSaKey: "AAAA" },
      });
      expect(short.status).toBe(400);
      expect(short.body).toMatchObject({ error: { field: "sealedSaKey" } });
      // Someone who does not manage it cannot tell it exists, as for a vault they are not in.
      const stranger = await outsider.api.request(path, {
        json: { userId: outsider.userId, sealedSaKey: sealed },
      });
      expect(stranger.status).toBe(404);
      const removal = await outsider.api.request(`${path}/${manager.userId}`, {
        method: "DELETE",
      });
      expect(removal.status).toBe(404);
      expect((await detailAs(manager)).managers.map((person) => person.userId).sort()).toEqual(
        [manager.userId, departing.userId].sort(),
      );
    });

    it("removing a manager flags the account for a re-key; the last one stays", async () => {
      const extra = await invitedVaultClient(server, owner, { label: "rekey-extra" });
      const saKey = unsealServiceAccountKey(manager.personKeys(), await detailAs(manager));
      const path = `/api/v1/service-accounts/${serviceAccountId}/managers`;
      const bundle = await manager.bundleOf(extra.userId);
      expect(
        (await manager.api.request(path, { json: buildManagerCopy(saKey, bundle) })).status,
      ).toBe(201);
      const removed = await manager.api.request(`${path}/${extra.userId}`, { method: "DELETE" });
      expect(removed.status, JSON.stringify(removed.body)).toBe(200);
      const detail = await detailAs(manager);
      expect(detail.managers.map((person) => person.userId)).not.toContain(extra.userId);
      expect(detail.serviceAccount.flagReason).toBe("manager_removed");

      const notManager = await manager.api.request(`${path}/${extra.userId}`, {
        method: "DELETE",
      });
      expect(notManager.status).toBe(400);
      expect(notManager.body).toMatchObject({ error: { field: "userId" } });

      // An account with one manager keeps them: nobody else could mint or re-key it.
      const solo = buildServiceAccount({
        person: manager.personKeys(),
        name: `solo-${Math.random().toString(36).slice(2, 8)}`,
        description: "",
        maxTokenTtlSeconds: 3600,
      });
      expect((await manager.api.request("/api/v1/service-accounts", { json: solo })).status).toBe(
        201,
      );
      const last = await manager.api.request(
        `/api/v1/service-accounts/${solo.id}/managers/${manager.userId}`,
        { method: "DELETE" },
      );
      expect(last.status).toBe(409);
    });
  });

  describe("offboarding and re-key", () => {
    let managerToken: string;
    let departingToken: string;

    beforeAll(async () => {
      ({ token: managerToken } = await mintAs(manager));
      ({ token: departingToken } = await mintAs(departing));
      const started = await startOffboarding(owner.api, departing.userId);
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      offboardingId = (started.body as { id: string }).id;
    });

    it("revokes the departing manager's tokens and lists the account for a re-key", async () => {
      await expectRefused(new MachineClient(http(), departingToken).readAll(), "token_revoked");
      // Tokens other managers made still work until the re-key.
      await expect(new MachineClient(http(), managerToken).readAll()).resolves.toBeTruthy();
      const report = reportOf(
        await owner.api.request(`/api/v1/offboardings/${offboardingId}/report`),
      );
      expect(report.serviceAccounts).toContainEqual({
        serviceAccountId,
        name: serviceAccountName,
        flagReason: "manager_removed",
        needsRekey: true,
      });
      const detail = await detailAs(manager);
      expect(detail.managers.find((person) => person.userId === departing.userId)?.active).toBe(
        false,
      );
    });

    it("refuses a re-key from anyone who does not manage the account", async () => {
      const response = await rekey(outsider, await rekeyRequest(manager));
      expect(response.status).toBe(404);
      await expect(new MachineClient(http(), managerToken).readAll()).resolves.toBeTruthy();
    });

    it("refuses bad input with 400 naming the field, and changes nothing", async () => {
      const good = await rekeyRequest(manager);
      const cases: Array<[unknown, string]> = [
        [{ ...good, keys: undefined }, "keys"],
        [
          {
            ...good,
            keys: {
              ...good.keys,
              bundleSignature: good.keys.bundleSignature.replace(/^./, (c) =>
                c === "A" ? "B" : "A",
              ),
            },
          },
          "keys.bundleSignature",
        ],
        [
          {
            ...good,
            keys: {
              ...good.keys,
              boxPublicKey: (await detailAs(manager)).serviceAccount.boxPublicKey,
            },
          },
          "keys.boxPublicKey",
        ],
        [
          {
            ...good,
            managers: [
              ...good.managers,
              { userId: departing.userId, sealedSaKey: good.managers[0]!.sealedSaKey },
            ],
          },
          "managers.1.userId",
        ],
        [
          {
            ...good,
            managers: [{ userId: outsider.userId, sealedSaKey: good.managers[0]!.sealedSaKey }],
          },
          "managers",
        ],
        [{ ...good, grants: [{ ...good.grants[0]!, scope: "read" }] }, "grants.0.scope"],
        [{ ...good, grants: [{ ...good.grants[0]!, vaultId: "not-granted" }] }, "grants.0.vaultId"],
        [
          {
            ...good,
            grants: [
              { ...good.grants[0]!, signature: good.grants[1]?.signature ?? "A".repeat(86) },
            ],
          },
          "grants.0.signature",
        ],
      ];
      for (const [body, field] of cases) {
        const response = await rekey(manager, body);
        expect(response.status, `${field}: ${JSON.stringify(response.body)}`).toBe(400);
        expect(response.body).toMatchObject({ error: { field } });
      }
      const stale = await rekey(manager, { ...good, baseRevision: good.baseRevision + 5 });
      expect(stale.status).toBe(409);
      await expect(new MachineClient(http(), managerToken).readAll()).resolves.toBeTruthy();
    });

    it("a manager's re-key kills every old token; a new token from a manager decrypts", async () => {
      const oldSaKey = unsealServiceAccountKey(manager.personKeys(), await detailAs(manager));
      const response = await rekey(manager, await rekeyRequest(manager));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const result = response.body as RekeyServiceAccountResponse;
      expect(result.revokedTokens).toBeGreaterThan(0);
      expect(result.regrantedVaultIds).toEqual([vaultId]);
      expect(result.droppedGrants).toEqual([]);
      expect(result.removedManagerIds).toEqual([departing.userId]);

      await expectRefused(new MachineClient(http(), managerToken).readAll(), "token_revoked");
      const detail = await detailAs(manager);
      expect(detail.serviceAccount.flagReason).toBeNull();
      expect(detail.managers.map((person) => person.userId)).toEqual([manager.userId]);
      const newSaKey = unsealServiceAccountKey(manager.personKeys(), detail);
      expect(newSaKey).not.toEqual(oldSaKey);

      const { token } = await mintAs(manager);
      const opened = await new MachineClient(http(), token).readAll();
      expect(opened.vaults.map((vault) => vault.id)).toEqual([vaultId]);
      expect(opened.vaults[0]?.items[0]?.plaintext.fields[1]?.value).toBe(canary);

      const report = reportOf(
        await owner.api.request(`/api/v1/offboardings/${offboardingId}/report`),
      );
      expect(
        report.serviceAccounts.find((entry) => entry.serviceAccountId === serviceAccountId),
      ).toMatchObject({ needsRekey: false });
    });

    it("a grant the re-keying person cannot re-make is dropped and reported", async () => {
      const { vaultId: otherVault } = await owner.createVault("Owner-only");
      const detail = await detailAs(manager);
      // The owner cannot grant it (not a manager of the account): add the owner as a manager.
      const saKey = unsealServiceAccountKey(manager.personKeys(), detail);
      const ownerBundle = await manager.bundleOf(owner.userId);
      expect(
        (
          await manager.api.request(`/api/v1/service-accounts/${serviceAccountId}/managers`, {
            json: buildManagerCopy(saKey, ownerBundle),
          })
        ).status,
      ).toBe(201);
      const ownerDetail = await detailAs(owner);
      const { key, keyVersion } = await owner.current(otherVault);
      const grant = buildServiceAccountGrant({
        person: owner.personKeys(),
        saKey: unsealServiceAccountKey(owner.personKeys(), ownerDetail),
        detail: ownerDetail,
        accountBoxPublicKey: ownerDetail.serviceAccount.boxPublicKey,
        vaultId: otherVault,
        vaultKey: key,
        keyVersion,
        scope: "read",
      });
      expect(
        (
          await owner.api.request(`/api/v1/vaults/${otherVault}/service-accounts`, {
            json: grant,
          })
        ).status,
      ).toBe(201);

      // The manager is not in the owner's vault: they re-make their own grant only.
      const response = await rekey(manager, await rekeyRequest(manager, [owner]));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const result = response.body as RekeyServiceAccountResponse;
      expect(result.regrantedVaultIds).toEqual([vaultId]);
      expect(result.droppedGrants).toEqual([{ vaultId: otherVault, scope: "read" }]);
      const after = await detailAs(manager);
      expect(after.grants.map((entry) => entry.vaultId)).toEqual([vaultId]);
      expect(after.managers.map((person) => person.userId).sort()).toEqual(
        [manager.userId, owner.userId].sort(),
      );
    });
  });

  describe("audit", () => {
    it("names the machine by account and token, and a person by name", async () => {
      const minting = await mintAs(manager, { kind: "mt", name: "scheduler" });
      await new MachineClient(http(), minting.token).mintBootstrap(30);
      const machineEvents = await owner.api.request(
        `/api/v1/audit?action=token.mint&actorId=${serviceAccountId}`,
      );
      expect(machineEvents.status).toBe(200);
      const [minted] = (machineEvents.body as { events: AuditEventDto[] }).events;
      expect(minted).toMatchObject({
        actorKind: "machine",
        actorId: serviceAccountId,
        actorName: serviceAccountName,
        actorToken: { id: minting.tokenId, name: "scheduler", kind: "mt" },
      });

      const people = await owner.api.request("/api/v1/users");
      const managerName = (
        people.body as { users: Array<{ id: string; name: string }> }
      ).users.find((person) => person.id === manager.userId)?.name;
      const rekeys = await owner.api.request(
        `/api/v1/audit?action=service_account.rekey&actorId=${manager.userId}`,
      );
      const [rekeyed] = (rekeys.body as { events: AuditEventDto[] }).events;
      expect(rekeyed).toMatchObject({
        actorKind: "user",
        actorName: managerName,
        actorToken: null,
        targetId: serviceAccountId,
      });
      expect(managerName).toBeTruthy();
    });
  });
});
