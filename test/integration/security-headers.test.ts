// Browser defences (DESIGN, Sessions: "the page is the attack surface"): every page carries a
// strict Content-Security-Policy with a nonce of its own, API responses a policy that allows
// nothing, HSTS only when the installation is served over https, and the route browsers send
// violation reports to keeps only what it needs and refuses anything else without a 5xx.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sleep, startServer, type RunningServer } from "../support/server";

const portBase = Number(process.env.COFFER_TEST_PORT_BASE ?? 3201);

/** The policy's directives by name, each with its sources. */
function directives(policy: string | null): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

function nonceOf(policy: string | null): string {
  const match = /'nonce-([A-Za-z0-9+/]{22}==)'/.exec(policy ?? "");
  if (!match?.[1]) throw new Error(`no nonce in ${policy}`);
  return match[1];
}

const legacyReport = (overrides: Record<string, unknown> = {}) => ({
  "csp-report": {
    "document-uri": "http://127.0.0.1/vaults/abc?token=query-secret#fragment-secret",
    referrer: "",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'none'",
    disposition: "enforce",
    "blocked-uri": "inline",
    "script-sample": "sample-secret",
    ...overrides,
  },
});

function postReport(baseUrl: string, body: string | Uint8Array<ArrayBuffer>, contentType: string) {
  return fetch(`${baseUrl}/api/v1/csp-reports`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });
}

describe.each(inject("servers"))("security headers on $kind", (server) => {
  const pages = ["/signin", "/setup", "/home", "/vaults", "/no-such-page"];

  it.each(pages)("%s carries the strict policy with a nonce its scripts use", async (path) => {
    const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
    expect(response.status).toBeLessThan(500);
    const policy = response.headers.get("content-security-policy");
    const nonce = nonceOf(policy);
    const parsed = directives(policy);
    expect(parsed.get("script-src")).toEqual([
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
    ]);
    expect(parsed.get("default-src")).toEqual(["'none'"]);
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("base-uri")).toEqual(["'none'"]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(parsed.get("form-action")).toEqual(["'self'"]);
    expect(parsed.get("connect-src")).toEqual(["'self'"]);
    expect(parsed.get("worker-src")).toEqual(["'self'"]);
    expect(parsed.get("report-uri")).toEqual(["/api/v1/csp-reports"]);
    for (const [name, sources] of parsed) {
      if (name.startsWith("script-src")) {
        expect(sources).not.toContain("'unsafe-inline'");
        expect(sources).not.toContain("'unsafe-eval'");
      }
    }
    if (response.status === 200) {
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
  });

  it("draws a fresh nonce for every load of the same page", async () => {
    const nonces = new Set<string>();
    for (let load = 0; load < 5; load++) {
      const response = await fetch(`${server.url}/signin`);
      nonces.add(nonceOf(response.headers.get("content-security-policy")));
      await response.body?.cancel();
    }
    expect(nonces.size).toBe(5);
  });

  it("gives API responses a policy that allows nothing", async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it.each(["/signin", "/api/v1/health"])(
    "%s isolates itself from other sites and keeps the other headers",
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      // Served over http here: HSTS would be meaningless, and is left out.
      expect(response.headers.get("strict-transport-security")).toBeNull();
    },
  );

  describe("the violation report route", () => {
    it("records a report-uri report as directive, blocked source and page path only", async () => {
      const marker = `/csp-${Date.now()}`;
      const response = await postReport(
        server.url,
        JSON.stringify(
          legacyReport({
            "document-uri": `http://127.0.0.1${marker}?token=query-secret#fragment-secret`,
            "blocked-uri": "https://evil.example/steal?key=path-secret",
            "effective-directive": "img-src",
          }),
        ),
        "application/csp-report",
      );
      expect(response.status).toBe(204);
      const log = await waitForLog(server.logFile, marker);
      expect(log).toContain(
        `[csp] violation {"directive":"img-src","blocked":"https://evil.example","page":"${marker}"}`,
      );
      for (const secret of ["query-secret", "fragment-secret", "path-secret", "sample-secret"]) {
        expect(log).not.toContain(secret);
      }
    });

    it("records a Reporting API batch and skips reports of other kinds", async () => {
      const marker = `/batch-${Date.now()}`;
      const response = await postReport(
        server.url,
        JSON.stringify([
          { type: "deprecation", url: `http://127.0.0.1${marker}-other`, body: {} },
          {
            type: "csp-violation",
            age: 10,
            url: `http://127.0.0.1${marker}?q=query-secret`,
            user_agent: "test",
            body: {
              documentURL: `http://127.0.0.1${marker}?q=query-secret`,
              effectiveDirective: "script-src",
              blockedURL: "eval",
              sample: "sample-secret",
              disposition: "enforce",
            },
          },
        ]),
        "application/reports+json",
      );
      expect(response.status).toBe(204);
      const log = await waitForLog(server.logFile, marker);
      expect(log).toContain(
        `[csp] violation {"directive":"script-src","blocked":"eval","page":"${marker}"}`,
      );
      expect(log).not.toContain(`${marker}-other`);
      expect(log).not.toContain("sample-secret");
      expect(log).not.toContain("query-secret");
    });

    it("needs no session and no same-origin headers: browsers send reports from any page", async () => {
      const response = await postReport(
        server.url,
        JSON.stringify(legacyReport()),
        "application/csp-report; charset=utf-8",
      );
      expect(response.status).toBe(204);
    });

    it.each<[string, string | Uint8Array<ArrayBuffer>, string, number]>([
      ["not JSON", "{not json", "application/csp-report", 400],
      ["an empty body", "", "application/csp-report", 400],
      ["JSON that is no report", JSON.stringify({ hello: "world" }), "application/csp-report", 400],
      [
        "a report without its page",
        JSON.stringify({ "csp-report": {} }),
        "application/csp-report",
        400,
      ],
      [
        "a field of the wrong type",
        JSON.stringify(legacyReport({ "blocked-uri": 42 })),
        "application/csp-report",
        400,
      ],
      ["an empty batch", "[]", "application/reports+json", 400],
      ["a batch of strings", JSON.stringify(["a", "b"]), "application/reports+json", 400],
      [
        "a batch too long",
        JSON.stringify(Array(101).fill({ type: "csp-violation" })),
        "application/reports+json",
        400,
      ],
      [
        "a NUL byte in a field",
        JSON.stringify(legacyReport({ "blocked-uri": "\u0000" })),
        "application/csp-report",
        204,
      ],
      ["invalid UTF-8", new Uint8Array([0x22, 0xff, 0xfe, 0x22]), "application/csp-report", 400],
      ["a form", "csp-report=1", "application/x-www-form-urlencoded", 415],
      ["plain text", "hello", "text/plain", 415],
      [
        "a report too large",
        JSON.stringify(legacyReport({ "script-sample": "x".repeat(70_000) })),
        "application/csp-report",
        413,
      ],
    ])("answers %s without a 5xx", async (_label, body, contentType, status) => {
      const response = await postReport(server.url, body, contentType);
      expect(response.status).toBe(status);
      if (status !== 204) {
        const error = (await response.json()) as { error: { code: string; message: string } };
        expect(typeof error.error.code).toBe("string");
        expect(typeof error.error.message).toBe("string");
      }
    });

    it("refuses a body larger than it will read even when Content-Length is absent", async () => {
      const chunk = new TextEncoder().encode("[" + '{"type":"x"},'.repeat(8_000));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk);
          controller.close();
        },
      });
      const response = await fetch(`${server.url}/api/v1/csp-reports`, {
        method: "POST",
        headers: { "Content-Type": "application/reports+json" },
        body: stream,
        duplex: "half",
      } as RequestInit & { duplex: "half" });
      expect(response.status).toBe(413);
    });

    it("answers GET with 405", async () => {
      const response = await fetch(`${server.url}/api/v1/csp-reports`);
      expect(response.status).toBe(405);
    });
  });
});

describe("an installation served over https", () => {
  let server: RunningServer;
  const port = portBase + 8;

  beforeAll(async () => {
    // Behind a TLS-terminating proxy the app still listens on plain http, so the test reaches
    // it at 127.0.0.1 while COFFER_URL names the public https address.
    const publicUrl = `https://coffer.example.test:${port}`;
    server = await startServer({
      kind: "pglite",
      port,
      env: { COFFER_URL: publicUrl, NEXTAUTH_URL: publicUrl },
    });
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  it("tells browsers to use https for a year, subdomains included", async () => {
    const response = await fetch(`${server.url}/setup`);
    expect(response.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    const api = await fetch(`${server.url}/api/v1/health`);
    expect(api.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("logs at most sixty violations a minute, however many reports arrive", async () => {
    const sent = 80;
    const marker = `/flood-${Date.now()}`;
    for (let index = 0; index < sent; index++) {
      const response = await postReport(
        server.url,
        JSON.stringify(legacyReport({ "document-uri": `http://127.0.0.1${marker}/${index}` })),
        "application/csp-report",
      );
      expect(response.status).toBe(204);
    }
    await waitForLog(server.logFile, `${marker}/59`);
    await sleep(500);
    const logged = fs
      .readFileSync(server.logFile, "utf8")
      .split("\n")
      .filter((line) => line.includes(`"page":"${marker}/`));
    expect(logged.length).toBe(60);
  });
});

async function waitForLog(logFile: string, needle: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const log = fs.readFileSync(logFile, "utf8");
    if (log.includes(needle) || Date.now() > deadline) return log;
    await sleep(100);
  }
}
