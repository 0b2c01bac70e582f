// A vault's items page by page (GET /vaults/:id/items), and the vault's detail without them
// (?items=none): every item exactly once across the pages, in id order, bad paging parameters
// refused naming the field (the SDK's reader of these pages: test/unit/sdk/item-pages.test.ts).
// With `Accept: application/x-ndjson`, every page in one answer, a line each.
import http from "node:http";
import zlib from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { encryptItem } from "@/lib/crypto";
import type { ItemPageResponse } from "@/lib/api/item-page";
import type { VaultDetailResponse } from "@/lib/api/vault";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

const itemCount = 23;

describe.each(inject("servers"))("item pages on $kind", (server) => {
  let owner: VaultClient;
  let viewer: VaultClient;
  let outsider: VaultClient;
  let vaultId: string;
  let vaultKey: Uint8Array;
  let ids: string[];

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    [viewer, outsider] = await Promise.all([
      invitedVaultClient(server, owner, { label: "pages-viewer" }),
      invitedVaultClient(server, owner, { label: "pages-outsider" }),
    ]);
    const created = await owner.createVault("Paged");
    vaultId = created.vaultId;
    vaultKey = created.key;
    const items = Array.from({ length: itemCount }, (_, index) => {
      const id = randomId();
      const plaintext = samplePlaintext(`paged ${index}`);
      return {
        id,
        ciphertext: encryptItem(created.key, plaintext, {
          vaultId,
          itemId: id,
          keyVersion: 1,
          revision: 1,
        }),
      };
    });
    const batch = await owner.api.request(`/api/v1/vaults/${vaultId}/items/batch`, {
      json: { keyVersion: 1, items },
    });
    expect(batch.status).toBe(201);
    ids = items.map((item) => item.id);
    expect((await owner.shareWith(vaultId, viewer.userId, "view")).status).toBe(201);
  }, 120_000);

  const page = async (client: VaultClient, query: string) => {
    const response = await client.api.request(`/api/v1/vaults/${vaultId}/items?${query}`);
    return response as { status: number; body: ItemPageResponse };
  };

  it("hands out every item exactly once, a page at a time", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await page(viewer, `limit=5${after ? `&after=${after}` : ""}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(5);
      seen.push(...body.items.map((item) => item.id));
      after = body.next;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(itemCount / 5));
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen).toHaveLength(itemCount);
  });

  it("answers the same items as the whole detail, ciphertext for ciphertext", async () => {
    const detail = await owner.detail(vaultId);
    const { body } = await page(owner, "limit=2000");
    expect(body.next).toBeNull();
    const byId = new Map(detail.items.map((item) => [item.id, item]));
    for (const item of body.items) expect(item).toEqual(byId.get(item.id));
  });

  it("writes an item as the route that created it answered it, field for field", async () => {
    // The create route's answer comes through Prisma and itemToDto; the pages and the detail
    // are written by the database (lib/server/data/item-json.ts): the two must agree.
    const id = randomId();
    const created = await owner.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: {
        id,
        keyVersion: 1,
        ciphertext: encryptItem(vaultKey, samplePlaintext("field for field"), {
          vaultId,
          itemId: id,
          keyVersion: 1,
          revision: 1,
        }),
      },
    });
    expect(created.status).toBe(201);
    const { body } = await page(owner, "limit=2000");
    const detail = await owner.detail(vaultId);
    expect(body.items.find((item) => item.id === id)).toEqual(created.body);
    expect(detail.items.find((item) => item.id === id)).toEqual(created.body);
    const deleted = await owner.api.request(`/api/v1/vaults/${vaultId}/items/${id}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
  });

  it("leaves the items out of the detail on ?items=none, still counting them", async () => {
    const response = await owner.api.request(`/api/v1/vaults/${vaultId}?items=none`);
    expect(response.status).toBe(200);
    const head = response.body as VaultDetailResponse;
    expect(head.items).toEqual([]);
    expect(head.vault.itemCount).toBe(itemCount);
    expect(head.members.length).toBe(2);
    expect(head.vault.grant).not.toBeNull();
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=2001", "limit"],
    ["limit=many", "limit"],
    ["after=", "after"],
    [`after=${"x".repeat(65)}`, "after"],
  ])("refuses %s with 400 naming %s", async (query, field) => {
    const { status, body } = await page(owner, query);
    expect(status).toBe(400);
    expect((body as unknown as { error: { field: string } }).error.field).toBe(field);
  });

  it("refuses items=<anything else> on the detail", async () => {
    const response = await owner.api.request(`/api/v1/vaults/${vaultId}?items=some`);
    expect(response.status).toBe(400);
  });

  it("is a vault read: a non-member gets 404", async () => {
    expect((await page(outsider, "limit=5")).status).toBe(404);
  });

  /** The streamed answer over node:http, decoded as a browser would, and split into lines. */
  const stream = (client: VaultClient, query: string, encoding = "identity") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; lines: string[] }>(
      (resolve, reject) => {
        const url = `${server.url}/api/v1/vaults/${vaultId}/items?${query}`;
        const headers = {
          accept: "application/x-ndjson",
          "accept-encoding": encoding,
          cookie: client.api.jar.header() ?? "",
        };
        http
          .get(url, { headers }, (response) => {
            const coding = response.headers["content-encoding"];
            const decoded =
              coding === "br"
                ? response.pipe(zlib.createBrotliDecompress())
                : coding === "gzip"
                  ? response.pipe(zlib.createGunzip())
                  : response;
            const chunks: Buffer[] = [];
            decoded.on("data", (chunk: Buffer) => chunks.push(chunk));
            decoded.on("error", reject);
            decoded.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                lines: text.split("\n").filter(Boolean),
              });
            });
          })
          .on("error", reject);
      },
    );

  it("streams every page in one answer, the first of `limit` items and each later one four times larger", async () => {
    const answer = await stream(viewer, "limit=2");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/x-ndjson");
    expect(answer.headers["x-accel-buffering"]).toBe("no");
    const pages = answer.lines.map((line) => JSON.parse(line) as ItemPageResponse);
    expect(pages.map((each) => each.items.length)).toEqual([2, 8, 13]);
    expect(pages.at(-1)?.next).toBeNull();
    for (const each of pages.slice(0, -1)) expect(each.next).toBe(each.items.at(-1)?.id);
    const streamed = pages.flatMap((each) => each.items);
    const { body } = await page(viewer, "limit=2000");
    expect(streamed).toEqual(body.items);
  });

  it("streams from just after `after`", async () => {
    const { body } = await page(owner, "limit=5");
    const answer = await stream(owner, `limit=5&after=${body.next}`);
    const streamed = answer.lines.flatMap((line) => (JSON.parse(line) as ItemPageResponse).items);
    const { body: all } = await page(owner, "limit=2000");
    expect(streamed).toEqual(all.items.slice(5));
  });

  it.each(["br", "gzip"])(
    "compresses the stream with %s when the client takes it",
    async (coding) => {
      const answer = await stream(viewer, "limit=4", coding);
      expect(answer.headers["content-encoding"]).toBe(coding);
      const streamed = answer.lines.flatMap((line) => (JSON.parse(line) as ItemPageResponse).items);
      expect(streamed.map((item) => item.id).sort()).toEqual([...ids].sort());
    },
  );

  it("refuses a non-member's stream with the 404 an unknown vault gets, before any line", async () => {
    const answer = await stream(outsider, "limit=5");
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(answer.lines.join(""))).toMatchObject({ error: { code: "not_found" } });
  });

  it("refuses a bad limit on the stream with 400 naming it", async () => {
    const answer = await stream(owner, "limit=0");
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.lines.join(""))).toMatchObject({ error: { field: "limit" } });
  });
});
