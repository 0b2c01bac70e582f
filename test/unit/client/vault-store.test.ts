// The tab's one vault store: a vault is fetched and decrypted once for every screen, its pages
// appear in title order as they decrypt, and a server that drops, repeats or reorders pages —
// or swaps ciphertexts between items — never makes it show a wrong item.
import { beforeAll, describe, expect, it } from "vitest";
import {
  encryptItem,
  getSodium,
  newVaultKey,
  RevisionGuard,
  type ItemPlaintext,
} from "@/lib/crypto";
import type { ItemPageResponse } from "@/lib/api/item-page";
import type { ItemDto, VaultDetailResponse, VaultSummaryDto } from "@/lib/api/vault";
import { INTEGRITY_MESSAGE, openItem } from "@/lib/sdk/vaults/open-vault";
import { CryptoError } from "@/lib/crypto";
import { VaultStore, type VaultSource } from "@/lib/client/vaults/vault-store";

const vaultId = "vault-aaaaaaaaaaaaaaaa";

function plaintext(title: string): ItemPlaintext {
  return { type: "login", title, fields: [], notes: "", urls: [], tags: [] };
}

function summary(itemCount: number): VaultSummaryDto {
  return {
    id: vaultId,
    encryptedName: `v1.${"A".repeat(32)}.${"B".repeat(40)}`,
    environment: null,
    keyVersion: 1,
    role: "view",
    itemCount,
    memberCount: 1,
    updatedAt: "2026-12-02T00:00:00.000Z",
    grant: null,
  };
}

/** A server holding `titles` as items, paged by `pageSize`, with hooks to misbehave. */
function fakeServer(key: Uint8Array, titles: string[], pageSize = 2) {
  const items: ItemDto[] = titles.map((title, index) => {
    const id = `item-${String(index).padStart(4, "0")}`;
    return {
      id,
      keyVersion: 1,
      revision: 1,
      ciphertext: encryptItem(key, plaintext(title), {
        vaultId,
        itemId: id,
        keyVersion: 1,
        revision: 1,
      }),
      createdAt: "2026-12-02T00:00:00.000Z",
      updatedAt: "2026-12-02T00:00:00.000Z",
    };
  });
  const calls = { head: 0, pages: 0, open: 0 };
  const server = {
    items,
    calls,
    itemCount: items.length,
    /** Rewrites each page before it is sent. */
    doctor: (page: ItemPageResponse): ItemPageResponse => page,
    source(): VaultSource {
      return {
        list: async () => [summary(server.itemCount)],
        head: async () => {
          calls.head++;
          return {
            vault: summary(server.itemCount),
            items: [],
            members: [],
          } satisfies VaultDetailResponse;
        },
        itemPage: async (_vault, after, limit) => {
          calls.pages++;
          const start = after ? server.items.findIndex((item) => item.id === after) + 1 : 0;
          const slice = server.items.slice(start, start + Math.min(limit, pageSize));
          const next =
            start + slice.length < server.items.length ? (slice.at(-1)?.id ?? null) : null;
          return server.doctor({ items: slice, next });
        },
        open: async (vault) => {
          calls.open++;
          return { summary: vault, key, name: "Fake", problem: null, granterUnconfirmed: false };
        },
        decrypt: async (id, vaultKey, dtos) => {
          const guard = new RevisionGuard();
          return dtos.map((dto) => {
            try {
              return { dto, plaintext: openItem(guard, id, vaultKey, dto), error: null };
            } catch (error) {
              if (error instanceof CryptoError) {
                return { dto, plaintext: null, error: INTEGRITY_MESSAGE };
              }
              throw error;
            }
          });
        },
        trust: async () => new Map(),
        errorMessage: (error) => (error instanceof Error ? error.message : "failed"),
      };
    },
  };
  return server;
}

const titlesOf = (store: VaultStore) =>
  store.vault(vaultId)?.items.map((item) => item.plaintext?.title ?? item.error);

describe("the vault store", () => {
  let key: Uint8Array;
  beforeAll(async () => {
    await getSodium();
    key = newVaultKey();
  });

  it("opens a vault once for every screen that asks", async () => {
    const server = fakeServer(key, ["b", "a", "c"]);
    const store = new VaultStore(server.source());
    await Promise.all([store.ensureVault(vaultId), store.ensureVault(vaultId)]);
    await store.ensureVault(vaultId);
    expect(server.calls).toEqual({ head: 1, pages: 2, open: 1 });
    expect(titlesOf(store)).toEqual(["a", "b", "c"]);
    expect(store.vault(vaultId)?.complete).toBe(true);
  });

  it("shows the first page before the last one arrives, in title order as pages merge", async () => {
    const server = fakeServer(key, ["delta", "alpha", "charlie", "bravo", "echo"]);
    const store = new VaultStore(server.source());
    const seen: (string | null | undefined)[][] = [];
    store.subscribe(() => {
      const state = store.vault(vaultId);
      if (state && !state.complete && state.items.length) seen.push(titlesOf(store) ?? []);
    });
    await store.ensureVault(vaultId);
    expect(seen[0]).toEqual(["alpha", "delta"]);
    expect(seen[1]).toEqual(["alpha", "bravo", "charlie", "delta"]);
    expect(titlesOf(store)).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
  });

  it("fetches a stale copy again but keeps it on screen until the new one is complete", async () => {
    let now = 0;
    const server = fakeServer(key, ["a", "b", "c"]);
    const store = new VaultStore(server.source(), () => now);
    await store.ensureVault(vaultId);
    now = 120_000;
    const partialCounts: number[] = [];
    store.subscribe(() => partialCounts.push(store.vault(vaultId)?.items.length ?? 0));
    await store.ensureVault(vaultId);
    expect(server.calls.head).toBe(2);
    expect(partialCounts).toEqual([3]);
  });

  it("says how many items are missing when the server drops a page", async () => {
    const server = fakeServer(key, ["a", "b", "c", "d", "e"]);
    server.doctor = (page) =>
      page.items[0]?.id === "item-0002" ? { items: [], next: null } : page;
    const store = new VaultStore(server.source());
    await store.ensureVault(vaultId);
    expect(titlesOf(store)).toEqual(["a", "b"]);
    expect(store.vault(vaultId)?.missing).toBe(3);
  });

  it("refuses a server that sends an item twice, showing no item twice", async () => {
    const server = fakeServer(key, ["a", "b", "c", "d"]);
    server.doctor = (page) =>
      page.items[0]?.id === "item-0002"
        ? { items: [server.items[1]!, ...page.items], next: page.next }
        : page;
    const store = new VaultStore(server.source());
    await store.ensureVault(vaultId);
    const state = store.vault(vaultId);
    expect(state?.error).toBe("The server sent an item twice.");
    expect(new Set(titlesOf(store)).size).toBe(titlesOf(store)?.length);
  });

  it("shows items served in any order in title order, every item under its own title", async () => {
    const server = fakeServer(key, ["d", "c", "b", "a"]);
    server.items.reverse();
    const store = new VaultStore(server.source());
    await store.ensureVault(vaultId);
    const state = store.vault(vaultId)!;
    expect(titlesOf(store)).toEqual(["a", "b", "c", "d"]);
    for (const item of state.items) {
      expect(item.dto.id).toBe(`item-000${"dcba".indexOf(item.plaintext!.title)}`);
    }
  });

  it("refuses a page reordered under its cursor rather than show anything twice", async () => {
    const server = fakeServer(key, ["a", "b", "c", "d"]);
    server.doctor = (page) => ({ ...page, items: [...page.items].reverse() });
    const store = new VaultStore(server.source());
    await store.ensureVault(vaultId);
    expect(store.vault(vaultId)?.error).toBe("The server sent a page that does not lead on.");
  });

  it("refuses an item whose ciphertext was moved to another item's id", async () => {
    const server = fakeServer(key, ["a", "b", "c"]);
    const [first, second] = server.items;
    server.items[0] = { ...first!, ciphertext: second!.ciphertext };
    const store = new VaultStore(server.source());
    await store.ensureVault(vaultId);
    const swapped = store.vault(vaultId)?.items.find((item) => item.dto.id === first!.id);
    expect(swapped?.plaintext).toBeNull();
    expect(swapped?.error).toBe(INTEGRITY_MESSAGE);
    expect(titlesOf(store)?.filter((title) => title === "b")).toHaveLength(1);
  });

  it("writes the revision marks once a vault's last page is in, not once per page", async () => {
    const server = fakeServer(key, ["a", "b", "c", "d", "e"]);
    const saves: number[] = [];
    const store = new VaultStore({
      ...server.source(),
      saveRevisions: async () => {
        saves.push(store.vault(vaultId)?.items.length ?? -1);
      },
    });
    await store.ensureVault(vaultId);
    expect(server.calls.pages).toBe(3);
    expect(saves).toEqual([5]);
    expect(store.vault(vaultId)?.complete).toBe(true);
  });

  it("keeps the search text of every item, lower-cased once", async () => {
    const server = fakeServer(key, ["Stripe Live"]);
    const store = new VaultStore(server.source());
    await store.ensureVault(vaultId);
    expect(store.vault(vaultId)?.items[0]?.text).toContain("stripe live");
  });
});

describe("the vault store over a streamed answer", () => {
  let key: Uint8Array;
  beforeAll(async () => {
    await getSodium();
    key = newVaultKey();
  });

  /** The fake server's pages, all in one answer; `cut` drops the answer's last pages. */
  function streaming(server: ReturnType<typeof fakeServer>, cut = 0): VaultSource {
    const source = server.source();
    return {
      ...source,
      itemPage: async () => {
        throw new Error("a streamed read makes no page request");
      },
      async *itemStream(id, firstLimit) {
        const pages: ItemPageResponse[] = [];
        let after: string | null = null;
        do {
          const page: ItemPageResponse = await source.itemPage(id, after, firstLimit);
          pages.push(page);
          after = page.next;
        } while (after !== null);
        yield* pages.slice(0, pages.length - cut);
      },
    };
  }

  it("reads every page from the one answer when the source can stream", async () => {
    const server = fakeServer(key, ["delta", "alpha", "charlie", "bravo", "echo"]);
    const store = new VaultStore(streaming(server));
    await store.ensureVault(vaultId);
    expect(titlesOf(store)).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
    expect(store.vault(vaultId)).toMatchObject({ complete: true, error: null, missing: 0 });
  });

  it("says so when the answer breaks off before the vault's last page", async () => {
    const server = fakeServer(key, ["delta", "alpha", "charlie", "bravo", "echo"]);
    const store = new VaultStore(streaming(server, 1));
    await store.ensureVault(vaultId);
    expect(store.vault(vaultId)?.error).toBe(
      "The server's answer ended before the vault's last item.",
    );
  });
});
