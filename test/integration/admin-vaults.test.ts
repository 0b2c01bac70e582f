// Org admins see that a vault exists and who is in it, never what it holds.
import { describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/protocol-client";
import { invitedVaultClient, ownerVaultClient, samplePlaintext } from "../support/vault-client";

describe.each(inject("servers"))("admin vault overview on $kind", (server) => {
  it("lists every vault with its members and no name or ciphertext; members get 403", async () => {
    const owner = await ownerVaultClient(server);
    const admin = await invitedVaultClient(server, owner, { label: "admin", role: "admin" });
    const manager = await invitedVaultClient(server, owner, { label: "manager" });
    const name = `Secret project ${Math.random().toString(36).slice(2)}`;
    const { vaultId } = await manager.createVault(name, "staging");
    await manager.addItem(vaultId, samplePlaintext("Hidden login"));

    const response = await admin.api.request("/api/v1/admin/vaults");
    expect(response.status).toBe(200);
    const vault = (
      response.body as {
        vaults: Array<{ id: string; environment: string; itemCount: number; members: unknown[] }>;
      }
    ).vaults.find((candidate) => candidate.id === vaultId);
    expect(vault).toMatchObject({
      environment: "staging",
      itemCount: 1,
      members: [{ userId: manager.userId, email: manager.email, role: "manage" }],
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain("v1.");
    expect(text).not.toContain(name);
    expect(text).not.toContain("Hidden login");

    // The overview opens nothing: the vault itself still answers 404 to the admin.
    expect((await admin.api.request(`/api/v1/vaults/${vaultId}`)).status).toBe(404);
    expect((await manager.api.request("/api/v1/admin/vaults")).status).toBe(403);
    expect((await new ApiClient(server.url).request("/api/v1/admin/vaults")).status).toBe(401);
  });
});
