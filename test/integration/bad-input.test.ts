// Bad input answers 4xx with the JSON error body, never a 5xx, and nothing oversized is read
// (DESIGN, Sessions: request bodies are capped before they are read).
import http from "node:http";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/protocol-client";
import { ownerSecrets, signedInClient } from "../support/flows";

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  ms: number;
}

/**
 * A request written by hand: a declared length with a body streamed after it, or a chunked body
 * with no length at all. Resolves on the answer, even while the body is still being refused.
 */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: number; chunk?: Buffer },
): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: options.method ?? "POST",
      headers: options.headers,
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => (text += part));
      response.on("end", () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: the assertion below says so.
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
          ms: Date.now() - started,
        });
        request.destroy();
      });
    });
    // The server may close while we still write: that is the refusal, not a failure.
    request.on("error", (error) => setTimeout(() => reject(error), 2_000));
    const write = async () => {
      for (let index = 0; index < (options.chunks ?? 0); index++) {
        if (request.destroyed) return;
        if (!request.write(options.chunk)) {
          await new Promise((done) => {
            request.once("drain", done);
            request.once("close", done);
          });
        }
      }
      if (!request.destroyed) request.end();
    };
    void write();
  });
}

const mib = 1024 * 1024;
const filler = Buffer.alloc(mib, "a");

describe.each(inject("servers"))("bad input on $kind", (server) => {
  let owner: ApiClient;

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  it("refuses a 50 MB prelogin body by its declared length, fast and unread", async () => {
    const answer = await rawRequest(`${server.url}/api/v1/auth/prelogin`, {
      headers: { "content-type": "application/json", "content-length": String(50 * mib) },
      chunks: 50,
      chunk: filler,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: "payload_too_large" } });
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.ms).toBeLessThan(2_000);
  });

  it("refuses a chunked body once it passes the limit", async () => {
    const answer = await rawRequest(`${server.url}/api/v1/auth/prelogin`, {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      chunks: 20,
      chunk: filler,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: "payload_too_large" } });
    expect(answer.ms).toBeLessThan(5_000);
  });

  it("reads a body just under the limit", async () => {
    const response = await owner.request("/api/v1/auth/prelogin", {
      json: { email: "someone@example.test", padding: "a".repeat(mib - 100) },
    });
    expect(response.status).toBe(200);
  });

  it("lets a rotation batch past the ordinary limit", async () => {
    const vaultId = "v".repeat(22);
    const response = await owner.request(`/api/v1/vaults/${vaultId}/rotate`, {
      json: { expectedKeyVersion: 1, padding: "a".repeat(2 * mib) },
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ["an id", "/api/v1/vaults/abc%00def", "GET", undefined, "vaultId"],
    ["a query value", "/api/v1/audit?action=auth%00", "GET", undefined, "action"],
    [
      "a body string",
      "/api/v1/checklist-templates",
      "POST",
      { kind: "onboarding", name: "New\u0000hire", steps: [] },
      "name",
    ],
    [
      "a nested body string",
      "/api/v1/checklist-templates",
      "POST",
      { kind: "onboarding", name: "Hire", steps: [{ title: "Desk\u0000" }] },
      "steps.0.title",
    ],
  ])(
    "refuses a NUL character in %s, naming the field",
    async (_case, path, method, json, field) => {
      const response = await owner.request(path, { method, json });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "bad_request", field } });
    },
  );

  it("refuses an unpaired surrogate in a body string, naming the field", async () => {
    const response = await owner.request("/api/v1/checklist-templates", {
      method: "POST",
      json: { kind: "onboarding", name: "Hire \ud800", steps: [] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "bad_request", field: "name" } });
  });

  it("refuses a body nested deeper than any contract", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const response = await fetch(`${server.url}/api/v1/auth/prelogin`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: deep,
    });
    expect(response.status).toBe(400);
  });

  it.each(["%ff%fe", "%C0%AE", "%E0%80", "abc%"])(
    "answers 400 JSON with the security headers to the path segment %s",
    async (segment) => {
      const response = await fetch(`${server.url}/api/v1/vaults/${segment}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    },
  );

  describe("next-auth", () => {
    it("answers 405 to a GET of the credentials callback", async () => {
      const response = await owner.request("/api/auth/callback/credentials");
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(response.body).toMatchObject({ error: { code: "method_not_allowed" } });
    });

    it("answers 400 to a JSON body", async () => {
      const response = await owner.request("/api/auth/callback/credentials", {
        json: { email: "someone@example.test" },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "bad_request" } });
    });

    it.each(["http://", ":::", "//evil.example/x", "https://evil.example/"])(
      "answers 400 to the callbackUrl %j",
      async (callbackUrl) => {
        const query = await owner.request(
          `/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`,
        );
        expect(query.status).toBe(400);
        expect(query.body).toMatchObject({ error: { field: "callbackUrl" } });
        const form = await owner.request("/api/auth/signout", { form: { callbackUrl } });
        expect(form.status).toBe(400);
      },
    );

    it("refuses a NUL character in a sign-in field", async () => {
      const response = await owner.request("/api/auth/callback/credentials", {
        form: {
          email: "someone@example.test",
          challengeId: "abc\u0000",
          signature: "A".repeat(86),
        },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { field: "challengeId" } });
    });

    it("still signs in and out with well-formed forms", async () => {
      const { client } = await signedInClient(server.url, ownerSecrets(server));
      expect((await client.request("/api/v1/account")).status).toBe(200);
      const { csrfToken } = (await client.request("/api/auth/csrf")).body as { csrfToken: string };
      const out = await client.request("/api/auth/signout", {
        form: { csrfToken, callbackUrl: `${server.url}/signin`, json: "true" },
      });
      expect(out.status).toBe(200);
      expect((await client.request("/api/v1/account")).status).toBe(401);
    });
  });
});
