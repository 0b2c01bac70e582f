// A bounded fuzz pass over the whole API: every route file under app/api/v1 on disk (and
// next-auth's routes), every method it exports, signed out and signed in, fed malformed ids,
// queries and bodies. Bad input is the client's fault: any 5xx, or an answer slower than a
// few seconds, fails the test.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface Handler {
  method: Method;
  /** With `:param` for each dynamic segment. */
  template: string;
}

function discoverHandlers(): Handler[] {
  const root = path.join(process.cwd(), "app", "api", "v1");
  const found: Handler[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const segments = path.relative(root, path.dirname(full)).split(path.sep);
        const template = `/api/v1/${segments.map((s) => (s.startsWith("[") ? ":param" : s)).join("/")}`;
        const exported = /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g;
        for (const match of source.matchAll(exported)) {
          found.push({ method: match[1] as Method, template });
        }
      }
    }
  };
  walk(root);
  return found;
}

const handlers = discoverHandlers();
const nextAuthPaths = [
  "csrf",
  "session",
  "providers",
  "signin",
  "signin/credentials",
  "signout",
  "callback/credentials",
  "_log",
  "unknown-action",
].map((action) => `/api/auth/${action}`);

const wellFormedId = "A".repeat(22);
const segments = [
  "abc%00def",
  "%ff%fe",
  "%C0%AE",
  encodeURIComponent("ü🙂\u202e"),
  "x".repeat(3000),
];
const queries = [
  "?limit=%00&action=%00&vaultId=%00&personId=%00",
  "?limit=-1&beforeSeq=abc&from=yesterday&to=%ff&olderThanDays=1e309",
];

const fieldNames = [
  "email",
  "name",
  "userId",
  "role",
  "status",
  "kind",
  "steps",
  "grant",
  "grants",
  "items",
  "vaultId",
  "id",
  "ciphertext",
  "keyVersion",
  "confirmation",
  "note",
  "ownerId",
  "action",
  "requireMfa",
  "graceDays",
  "account",
  "inviteToken",
  "challengeId",
  "signature",
  "code",
  "nickname",
  "response",
  "newManagerId",
  "templateId",
  "body",
  "organizationName",
];
const everyField = (value: unknown) => Object.fromEntries(fieldNames.map((name) => [name, value]));
let deep: unknown = { leaf: "x" };
for (let depth = 0; depth < 40; depth++) deep = depth % 2 ? { nested: deep } : [deep];

const bodies: Array<{ label: string; contentType?: string; body?: string }> = [
  { label: "no body" },
  { label: "not JSON", contentType: "application/json", body: "{not json" },
  { label: "an array", contentType: "application/json", body: "[{}]" },
  { label: "an empty object", contentType: "application/json", body: "{}" },
  { label: "numbers", contentType: "application/json", body: JSON.stringify(everyField(-1)) },
  { label: "arrays", contentType: "application/json", body: JSON.stringify(everyField([{}])) },
  { label: "objects", contentType: "application/json", body: JSON.stringify(everyField({ a: 1 })) },
  { label: "NULs", contentType: "application/json", body: JSON.stringify(everyField("a\u0000b")) },
  {
    label: "unicode",
    contentType: "application/json",
    body: JSON.stringify(everyField("ü🙂\u202e\ud800")),
  },
  {
    label: "id-shaped strings",
    contentType: "application/json",
    body: JSON.stringify({ ...everyField(wellFormedId), email: "fuzz@example.test" }),
  },
  {
    label: "huge strings",
    contentType: "application/json",
    body: JSON.stringify(everyField("x".repeat(5_000))),
  },
  { label: "deep nesting", contentType: "application/json", body: JSON.stringify(deep) },
  {
    label: "a form",
    contentType: "application/x-www-form-urlencoded",
    body: "email=%00&callbackUrl=%%%",
  },
];

interface Probe {
  method: Method;
  url: string;
  label: string;
  contentType?: string;
  body?: string;
}

/**
 * "full": every variant. "light": a few of each kind, for signed-out callers, whom nearly every
 * route turns away before reading anything. "read": no bodies, for the shared owner.
 */
type Depth = "full" | "light" | "read";
const lightBodies = new Set([
  "no body",
  "not JSON",
  "an empty object",
  "NULs",
  "id-shaped strings",
]);

function probesFor(handler: Handler, depth: Depth): Probe[] {
  const probes: Probe[] = [];
  const fill = (value: string) => handler.template.replaceAll(":param", value);
  const base = fill(wellFormedId);
  const pick = <T>(list: T[]) => (depth === "light" ? list.slice(0, 2) : list);
  if (handler.template.includes(":param")) {
    for (const segment of pick(segments)) {
      probes.push({
        method: handler.method,
        url: fill(segment),
        label: `segment ${segment.slice(0, 20)}`,
      });
    }
  }
  for (const query of pick(queries)) {
    probes.push({ method: handler.method, url: base + query, label: "query" });
  }
  if (handler.method !== "GET" && depth !== "read") {
    for (const body of bodies) {
      if (depth === "full" || lightBodies.has(body.label)) {
        probes.push({ method: handler.method, url: base, ...body });
      }
    }
  }
  return probes;
}

function nextAuthProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const url of nextAuthPaths) {
    probes.push({ method: "GET", url, label: "plain" });
    probes.push({ method: "GET", url: `${url}?callbackUrl=%%%&error=%00`, label: "bad query" });
    for (const body of bodies) probes.push({ method: "POST", url, ...body });
  }
  probes.push({ method: "GET", url: "/api/auth/%ff%fe", label: "bad encoding" });
  return probes;
}

const answerWithinMs = 5_000;

async function send(client: ApiClient, probe: Probe) {
  const headers: Record<string, string> = { origin: client.baseUrl };
  const cookie = client.jar.header();
  if (cookie) headers.cookie = cookie;
  if (probe.contentType) headers["content-type"] = probe.contentType;
  const started = Date.now();
  try {
    const response = await fetch(client.baseUrl + probe.url, {
      method: probe.method,
      headers,
      body: probe.body,
      redirect: "manual",
      signal: AbortSignal.timeout(answerWithinMs),
    });
    await response.arrayBuffer();
    const ms = Date.now() - started;
    return { status: response.status, ms };
  } catch (error) {
    return { status: 0, ms: Date.now() - started, error: String(error) };
  }
}

async function runAll(client: ApiClient, probes: Probe[]) {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const answer = await send(client, probe);
      if (answer.status >= 500 || answer.status === 0 || answer.ms > answerWithinMs) {
        problems.push(
          `${probe.method} ${probe.url.slice(0, 120)} (${probe.label}): ${answer.status} in ${answer.ms} ms`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return problems;
}

describe.each(inject("servers"))("fuzz on $kind", (server) => {
  let signedOut: ApiClient;
  let member: ApiClient;
  let owner: ApiClient;

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
    const made = await inviteMember(owner, { label: "fuzz" });
    member = (await signedInClient(server.url, made.secrets)).client;
    signedOut = new (owner.constructor as typeof ApiClient)(server.url);
  });

  it("finds every route on disk", () => {
    expect(handlers.length).toBeGreaterThan(50);
  });

  it("answers no 5xx and never hangs, signed out", { timeout: 120_000 }, async () => {
    const probes = [
      ...handlers.flatMap((handler) => probesFor(handler, "light")),
      ...nextAuthProbes(),
    ];
    expect(await runAll(signedOut, probes)).toEqual([]);
  });

  it("answers no 5xx and never hangs, signed in as a member", { timeout: 120_000 }, async () => {
    const probes = [
      ...handlers.flatMap((handler) => probesFor(handler, "full")),
      ...nextAuthProbes(),
    ];
    expect(
      await runAll(
        member,
        probes.filter((probe) => !probe.url.endsWith("/signout")),
      ),
    ).toEqual([]);
    expect((await member.request("/api/v1/account")).status).toBe(200);
  });

  // The owner is shared with every other test file: reads only, so nothing it owns changes.
  it("answers no 5xx and never hangs, reading as the owner", { timeout: 120_000 }, async () => {
    const probes = handlers
      .filter((handler) => handler.method === "GET")
      .flatMap((handler) => probesFor(handler, "read"));
    expect(await runAll(owner, probes)).toEqual([]);
  });
});
