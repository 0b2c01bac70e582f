// The page reader of a vault's items against a server that misbehaves: a repeated item or a
// cursor that does not move on is refused, whatever the pages hold.
import { describe, expect, it } from "vitest";
import type { ItemPageResponse } from "@/lib/api/item-page";
import { SdkError, type HttpPort } from "@/lib/sdk/http-port";
import { itemPages, ItemPagesError } from "@/lib/sdk/vaults/item-pages";
import { vaultApi } from "@/lib/sdk/vaults/vault-api";

describe("the SDK's page reader against a server that misbehaves", () => {
  const dto = (id: string) => ({
    id,
    keyVersion: 1,
    revision: 1,
    ciphertext: `v1.${"A".repeat(32)}.${"B".repeat(40)}`,
    createdAt: "2026-12-02T00:00:00.000Z",
    updatedAt: "2026-12-02T00:00:00.000Z",
  });
  const collect = async (pages: Record<string, ItemPageResponse>) => {
    const ids: string[] = [];
    for await (const items of itemPages(async (after) => pages[after ?? ""]!, { firstLimit: 2 })) {
      ids.push(...items.map((item) => item.id));
    }
    return ids;
  };

  it("reads a chain of pages to the end", async () => {
    const ids = await collect({
      "": { items: [dto("a"), dto("b")], next: "b" },
      b: { items: [dto("c")], next: null },
    });
    expect(ids).toEqual(["a", "b", "c"]);
  });

  it("refuses an item sent twice across pages", async () => {
    await expect(
      collect({
        "": { items: [dto("a"), dto("b")], next: "b" },
        b: { items: [dto("b"), dto("c")], next: null },
      }),
    ).rejects.toThrow(ItemPagesError);
  });

  it("refuses a page whose cursor is not its last item (a loop)", async () => {
    await expect(
      collect({
        "": { items: [dto("a"), dto("b")], next: "a" },
        a: { items: [dto("b")], next: null },
      }),
    ).rejects.toThrow(ItemPagesError);
  });

  it("refuses an empty page that claims another follows", async () => {
    await expect(collect({ "": { items: [], next: "z" } })).rejects.toThrow(ItemPagesError);
  });
});

describe("the page reader's pipelining", () => {
  it("asks for the next page before handing over the current one", async () => {
    const asked: (string | null)[] = [];
    const pages: Record<string, ItemPageResponse> = {
      "": { items: [item("a")], next: "a" },
      a: { items: [item("b")], next: null },
    };
    const reader = itemPages(async (after) => {
      asked.push(after);
      return pages[after ?? ""]!;
    });
    await reader.next();
    expect(asked).toEqual([null, "a"]);
  });
});

function item(id: string) {
  return {
    id,
    keyVersion: 1,
    revision: 1,
    ciphertext: `v1.${"A".repeat(32)}.${"B".repeat(40)}`,
    createdAt: "2026-12-02T00:00:00.000Z",
    updatedAt: "2026-12-02T00:00:00.000Z",
  };
}

describe("the page reader's page sizes", () => {
  it("starts small and asks for four times more each page, up to the limit", async () => {
    const limits: number[] = [];
    const ids = Array.from({ length: 60 }, (_, index) => `item-${String(index).padStart(2, "0")}`);
    const reader = itemPages(
      async (after, limit) => {
        limits.push(limit);
        const start = after === null ? 0 : ids.indexOf(after) + 1;
        const slice = ids.slice(start, start + limit);
        const end = start + slice.length;
        return { items: slice.map(item), next: end < ids.length ? (slice.at(-1) ?? null) : null };
      },
      { firstLimit: 2, limit: 20 },
    );
    const received: string[] = [];
    for await (const page of reader) received.push(...page.map((entry) => entry.id));
    expect(received).toEqual(ids);
    expect(limits).toEqual([2, 8, 20, 20, 20]);
  });
});

describe("the SDK's item page call", () => {
  const answering = (body: unknown, paths: string[] = []): HttpPort => ({
    request: async ({ path }) => {
      paths.push(path);
      return body;
    },
  });
  const good = {
    items: [
      {
        id: "a",
        keyVersion: 1,
        revision: 1,
        ciphertext: `v1.${"A".repeat(32)}.${"B".repeat(40)}`,
        createdAt: "2026-12-02T00:00:00.000Z",
        updatedAt: "2026-12-02T00:00:00.000Z",
      },
    ],
    next: "a",
  };

  it("asks for the page after the cursor and returns it", async () => {
    const paths: string[] = [];
    const page = await vaultApi(answering(good, paths)).itemPage("v 1", "x", 400);
    expect(page).toEqual(good);
    expect(paths).toEqual(["/api/v1/vaults/v%201/items?limit=400&after=x"]);
  });

  it("refuses a page the contract does not allow, before anything is decrypted", async () => {
    const bad = { ...good, items: [{ ...good.items[0], revision: 0 }] };
    await expect(vaultApi(answering(bad)).itemPage("v", null, 100)).rejects.toMatchObject({
      code: "bad_response",
    });
    await expect(vaultApi(answering({ items: [] })).itemPage("v", null, 100)).rejects.toThrow(
      SdkError,
    );
  });
});

describe("the page reader over a streamed answer (every page in one)", () => {
  const streamOf = (values: unknown[], asked: number[] = []) =>
    async function* (firstLimit: number) {
      asked.push(firstLimit);
      for (const value of values) yield value;
    };
  const read = async (values: unknown[], asked: number[] = []) => {
    const ids: string[] = [];
    const fetchPage = async () => {
      throw new Error("a streamed read makes no page request");
    };
    for await (const items of itemPages(fetchPage, {
      firstLimit: 2,
      stream: streamOf(values, asked),
    })) {
      ids.push(...items.map((entry) => entry.id));
    }
    return ids;
  };

  it("reads every page of the one answer, asking for the first page's size", async () => {
    const asked: number[] = [];
    const ids = await read(
      [
        { items: [item("a"), item("b")], next: "b" },
        { items: [item("c")], next: null },
      ],
      asked,
    );
    expect(ids).toEqual(["a", "b", "c"]);
    expect(asked).toEqual([2]);
  });

  it("refuses an answer cut short before the vault's last page", async () => {
    await expect(read([{ items: [item("a"), item("b")], next: "b" }])).rejects.toThrow(
      /ended before the vault's last item/,
    );
    await expect(read([])).rejects.toThrow(ItemPagesError);
  });

  it("refuses an item repeated across the answer's pages", async () => {
    await expect(
      read([
        { items: [item("a"), item("b")], next: "b" },
        { items: [item("b")], next: null },
      ]),
    ).rejects.toThrow("The server sent an item twice.");
  });

  it("refuses a page whose cursor is not its last item", async () => {
    await expect(
      read([
        { items: [item("a"), item("b")], next: "a" },
        { items: [item("c")], next: null },
      ]),
    ).rejects.toThrow("The server sent a page that does not lead on.");
  });

  it("refuses a line the page contract does not allow", async () => {
    const failure = read([{ items: [{ ...item("a"), ciphertext: "plain text" }], next: null }]);
    await expect(failure).rejects.toMatchObject({ code: "bad_response" });
  });

  it("stops at the last page, reading nothing after it", async () => {
    const ids = await read([
      { items: [item("a")], next: null },
      { items: [item("z")], next: null },
    ]);
    expect(ids).toEqual(["a"]);
  });
});

describe("the SDK's item stream call", () => {
  it("asks for newline-delimited JSON when the transport reads streams", async () => {
    const asked: { path: string; headers?: Record<string, string> }[] = [];
    const http: HttpPort = {
      request: async () => null,
      async *lines(input) {
        asked.push(input);
        yield { items: [], next: null };
      },
    };
    const stream = vaultApi(http).itemStream;
    expect(stream).not.toBeNull();
    const values: unknown[] = [];
    for await (const value of stream!("v 1", 100)) values.push(value);
    expect(values).toEqual([{ items: [], next: null }]);
    expect(asked).toEqual([
      { path: "/api/v1/vaults/v%201/items?limit=100", headers: { accept: "application/x-ndjson" } },
    ]);
  });

  it("is absent when the transport cannot stream, so pages are fetched one by one", () => {
    expect(vaultApi({ request: async () => null }).itemStream).toBeNull();
  });
});
