// Actions outside the vault screens (a grant from Home, an import, a service account's grant)
// read their vault through the tab's one store: the same copy the screens show, opened once.
import { describe, expect, it } from "vitest";
import type { VaultDetailResponse, VaultSummaryDto } from "@/lib/api/vault";
import { VaultStore, type VaultSource } from "@/lib/client/vaults/vault-store";

const vaultKey = new Uint8Array(32).fill(7);

function summary(id: string): VaultSummaryDto {
  return {
    id,
    encryptedName: `v1.${"A".repeat(32)}.${"B".repeat(40)}`,
    environment: null,
    keyVersion: 3,
    role: "manage",
    itemCount: 0,
    memberCount: 1,
    updatedAt: "2026-12-02T00:00:00.000Z",
    grant: null,
  };
}

/** A server of empty vaults that counts its calls; `failing` makes the next calls refuse. */
function fakeSource(ids: string[]) {
  const calls = { list: 0, head: 0, open: 0 };
  const server = { calls, failing: false };
  const source: VaultSource = {
    list: async () => {
      calls.list++;
      if (server.failing) throw new Error("The server is unreachable.");
      return ids.map(summary);
    },
    head: async (vaultId) => {
      calls.head++;
      if (server.failing) throw new Error("The server is unreachable.");
      return { vault: summary(vaultId), items: [], members: [] } satisfies VaultDetailResponse;
    },
    itemPage: async () => ({ items: [], next: null }),
    open: async (vault) => {
      calls.open++;
      return {
        summary: vault,
        key: vaultKey,
        name: `Name of ${vault.id}`,
        problem: null,
        granterUnconfirmed: false,
      };
    },
    decrypt: async () => [],
    trust: async () => new Map(),
    errorMessage: (error) => (error instanceof Error ? error.message : "failed"),
  };
  return { server, source };
}

describe("reading a vault through the store", () => {
  it("opens the vault once for an action and the screen that shows it", async () => {
    const { server, source } = fakeSource(["vault-a"]);
    const store = new VaultStore(source);
    const [loaded] = await Promise.all([
      store.loadedVault("vault-a"),
      store.ensureVault("vault-a"),
    ]);
    await store.loadedVault("vault-a");
    expect(server.calls).toMatchObject({ head: 1, open: 1 });
    expect(loaded.detail.vault.keyVersion).toBe(3);
    expect(loaded.opened.key).toBe(vaultKey);
    expect(store.vault("vault-a")?.opened).toBe(loaded.opened);
  });

  it("rejects with the load's own message, and loads again on the next call", async () => {
    const { server, source } = fakeSource(["vault-a"]);
    const store = new VaultStore(source);
    server.failing = true;
    await expect(store.loadedVault("vault-a")).rejects.toThrow("The server is unreachable.");
    server.failing = false;
    const loaded = await store.loadedVault("vault-a");
    expect(loaded.opened.name).toBe("Name of vault-a");
    expect(server.calls.head).toBe(2);
  });

  it("lists the opened vaults once, and again only when asked to refresh", async () => {
    const { server, source } = fakeSource(["vault-b", "vault-a"]);
    const store = new VaultStore(source);
    const first = await store.openedVaults();
    await store.openedVaults();
    expect(server.calls.list).toBe(1);
    expect(first.map((vault) => vault.summary.id)).toEqual(["vault-a", "vault-b"]);
    await store.openedVaults(true);
    expect(server.calls.list).toBe(2);
  });

  it("rejects when the list cannot be fetched rather than offer no vaults", async () => {
    const { server, source } = fakeSource(["vault-a"]);
    const store = new VaultStore(source);
    server.failing = true;
    await expect(store.openedVaults()).rejects.toThrow("The server is unreachable.");
    server.failing = false;
    expect(await store.openedVaults()).toHaveLength(1);
  });
});
