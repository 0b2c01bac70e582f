// A vault's members see which service accounts can read it, with the scope and the public
// bundle a rotating manager seals to — and never a key that opens the account.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getSodium } from "../../lib/crypto";
import type { VaultServiceAccountDto } from "../../lib/api/vault-service-accounts";
import { createServiceAccount, grantServiceAccount } from "../support/service-accounts";
import { invitedVaultClient, ownerVaultClient, type VaultClient } from "../support/vault-client";

describe.each(inject("servers"))("a vault's service accounts on $kind", (server) => {
  let manager: VaultClient;
  let viewer: VaultClient;
  let vaultId: string;
  let serviceAccountId: string;

  const listAs = async (client: VaultClient) => {
    const response = await client.api.request(`/api/v1/vaults/${vaultId}/service-accounts`);
    return response;
  };

  beforeAll(async () => {
    await getSodium();
    const owner = await ownerVaultClient(server);
    manager = await invitedVaultClient(server, owner, { label: "vsa-manager" });
    viewer = await invitedVaultClient(server, owner, { label: "vsa-viewer" });
    ({ vaultId } = await manager.createVault("Build secrets"));
    expect((await manager.shareWith(vaultId, viewer.userId, "view")).status).toBe(201);

    const account = await createServiceAccount(manager, { name: "build" });
    serviceAccountId = account.id;
    await grantServiceAccount(manager, account, vaultId, "readwrite");
  });

  it("shows the account, its scope and its managers to every member", async () => {
    for (const [client, manages] of [
      [manager, true],
      [viewer, false],
    ] as const) {
      const response = await listAs(client);
      expect(response.status).toBe(200);
      const [account] = (response.body as { serviceAccounts: VaultServiceAccountDto[] })
        .serviceAccounts;
      expect(account?.id).toBe(serviceAccountId);
      expect(account?.scope).toBe("readwrite");
      expect(account?.manages).toBe(manages);
      expect(account?.managers.map((person) => person.userId)).toEqual([manager.userId]);
    }
  });

  it("carries no wrapped key, sealed copy or grant of the account", async () => {
    const text = JSON.stringify((await listAs(viewer)).body);
    for (const field of ["wrapped", "sealed", "trustedGranters", 'signature"']) {
      expect(text).not.toContain(field);
    }
  });
});
