// The versioned API is dispatched by scripts/serve.ts straight to its route handlers, beside
// Next.js (docs/decisions/0066): what Next.js did for these routes must still hold — HEAD,
// OPTIONS and 405 with Allow, compression where it pays (brotli, or gzip), the security
// headers — and an answer must be the same bytes however it travels.
import http from "node:http";
import zlib from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ownerVaultClient, samplePlaintext, type VaultClient } from "../support/vault-client";

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with node:http, which, unlike fetch, shows the body as it came over the wire. */
function raw(url: string, options: http.RequestOptions = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

describe.each(inject("servers"))("the API's own dispatch on $kind", (server) => {
  let owner: VaultClient;
  let vaultId: string;
  let cookie: string;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    ({ vaultId } = await owner.createVault("Dispatched"));
    // Enough items that the answer outgrows the 14 KB below which nothing is compressed.
    for (let index = 0; index < 40; index++) {
      await owner.addItem(vaultId, samplePlaintext(`dispatched ${index}`));
    }
    cookie = owner.api.jar.header();
  }, 180_000);

  it("compresses a large answer with brotli when offered, else gzip, to the same JSON", async () => {
    const url = `${server.url}/api/v1/vaults/${vaultId}`;
    const plain = await raw(url, { headers: { cookie } });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.byteLength).toBeGreaterThan(14 * 1024);
    const json = JSON.parse(plain.body.toString("utf8")) as { items: Array<{ id: string }> };
    expect(json.items).toHaveLength(40);
    const decoders = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };
    for (const [offered, coding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip, deflate", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["*", "br"],
    ] as const) {
      const compressed = await raw(url, { headers: { cookie, "accept-encoding": offered } });
      expect(compressed.status).toBe(200);
      expect(compressed.headers["content-encoding"]).toBe(coding);
      expect(compressed.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(compressed.headers["content-length"])).toBe(compressed.body.byteLength);
      expect(compressed.body.byteLength).toBeLessThan(plain.body.byteLength);
      expect(JSON.parse(decoders[coding](compressed.body).toString("utf8"))).toEqual(json);
    }
  });

  it("refuses a coding the client gives q=0, and leaves small answers as they are", async () => {
    const refused = await raw(`${server.url}/api/v1/vaults/${vaultId}`, {
      headers: { cookie, "accept-encoding": "gzip;q=0, br;q=0" },
    });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    const health = await raw(`${server.url}/api/v1/health`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(health.status).toBe(200);
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(Number(health.headers["content-length"])).toBe(health.body.byteLength);
    expect(JSON.parse(health.body.toString("utf8"))).toMatchObject({ ok: true });
  });

  it("answers HEAD as GET without the body, with the security headers", async () => {
    const head = await raw(`${server.url}/api/v1/health`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers["content-type"]).toMatch(/application\/json/);
    expect(head.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(head.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("lists a route's methods for OPTIONS and refuses any other with 405 and a JSON error", async () => {
    const options = await raw(`${server.url}/api/v1/vaults/${vaultId}`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.allow?.split(", ").sort()).toEqual(
      ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH"].sort(),
    );
    const refused = await fetch(`${server.url}/api/v1/health`, { method: "DELETE" });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, OPTIONS, HEAD");
    expect(await refused.json()).toEqual({
      error: { code: "method_not_allowed", message: "This address takes GET, OPTIONS, HEAD." },
    });
  });

  it("decodes a percent-encoded segment before the handler sees it", async () => {
    const encoded = [...vaultId].map((char) => `%${char.charCodeAt(0).toString(16)}`).join("");
    const response = await owner.api.request(`/api/v1/vaults/${encoded}`);
    expect(response.status).toBe(200);
    expect((response.body as { items: unknown[] }).items).toHaveLength(40);
  });

  it("keeps a keep-alive connection usable after a handler that never reads the body", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Signed out: refused before the route would ever look at the 400 KB sent.
      const body = JSON.stringify({ padding: "x".repeat(400_000) });
      const unread = await new Promise<RawAnswer>((resolve, reject) => {
        const request = http.request(
          `${server.url}/api/v1/vaults/${vaultId}`,
          {
            method: "DELETE",
            agent,
            headers: { "content-type": "application/json", "content-length": body.length },
          },
          (response) => {
            response.resume();
            response.on("end", () =>
              resolve({ status: response.statusCode ?? 0, headers: {}, body: Buffer.alloc(0) }),
            );
          },
        );
        request.on("error", reject);
        request.end(body);
      });
      expect(unread.status).toBe(401);
      const next = await raw(`${server.url}/api/v1/health`, {
        agent,
        signal: AbortSignal.timeout(5_000),
      });
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it("leaves a path it has no route for to Next.js, which answers 404", async () => {
    const response = await fetch(`${server.url}/api/v1/no-such-route`);
    expect(response.status).toBe(404);
  });
});
