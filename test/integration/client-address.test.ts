// The client address (DESIGN, Sessions): rate limits and the audit log take it from the socket,
// and believe X-Forwarded-For only from a trusted proxy. Each case needs sign-in limits of its
// own, so this file runs its own servers.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSodium } from "@/lib/crypto";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { signedInClient } from "../support/flows";
import { startServer, type RunningServer } from "../support/server";

const portBase = Number(process.env.COFFER_TEST_PORT_BASE ?? 3201);
const addressLimit = 50;

async function ownServer(port: number, env: Record<string, string>) {
  await getSodium();
  const server = await startServer({
    kind: "pglite",
    port,
    env: {
      COFFER_SIGNIN_LIMIT_ADDRESS: String(addressLimit),
      COFFER_SIGNIN_LIMIT_ACCOUNT: "100000",
      ...env,
    },
  });
  const made = await makeAccount({ email: "owner@address.test", name: "Owner", password: "pw" });
  const setup = await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Address Ltd", account: made.account },
  });
  expect(setup.status).toBe(201);
  return { server, owner: made.secrets };
}

/** One wrong sign-in proof for `email`, claiming to come from `forwardedFor`. */
async function failedSignIn(client: ApiClient, email: string, forwardedFor: string) {
  const { csrfToken } = (await client.request("/api/auth/csrf")).body as { csrfToken: string };
  const response = await client.request("/api/auth/callback/credentials", {
    form: {
      email,
      challengeId: "c".repeat(22),
      signature: "A".repeat(86),
      csrfToken,
      json: "true",
    },
    headers: { "x-forwarded-for": forwardedFor },
  });
  expect([200, 401, 429]).toContain(response.status);
  return response.status;
}

async function failureAddresses(admin: ApiClient, actorId: string) {
  const response = await admin.request(
    `/api/v1/audit?action=auth.signin_failed&actorId=${actorId}&limit=1000`,
  );
  expect(response.status).toBe(200);
  return (response.body as { events: Array<{ ipAddress: string | null }> }).events.map(
    (event) => event.ipAddress,
  );
}

function stopServer(server: RunningServer | undefined) {
  return async () => {
    if (!server) return;
    await server.stop();
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  };
}

describe("client address without a trusted proxy", () => {
  let server: RunningServer;
  let owner: AccountSecrets;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ server, owner } = await ownServer(portBase + 5, {}));
    admin = (await signedInClient(server.url, owner)).client;
  });
  afterAll(() => stopServer(server)());

  it("limits 150 failed sign-ins with rotating X-Forwarded-For as one address", async () => {
    const attacker = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 150; attempt++) {
      // The first few name a real account, so the audit log has something to show.
      const email = attempt < 3 ? owner.email : `guess-${attempt}@address.test`;
      statuses.push(await failedSignIn(attacker, email, `198.51.100.${attempt}`));
    }
    expect(statuses.slice(0, addressLimit)).not.toContain(429);
    expect(statuses.slice(addressLimit).every((status) => status === 429)).toBe(true);
    expect(await failureAddresses(admin, owner.userId)).toEqual([
      "127.0.0.1",
      "127.0.0.1",
      "127.0.0.1",
    ]);
  });
});

describe("client address behind a trusted proxy", () => {
  let server: RunningServer;
  let owner: AccountSecrets;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ server, owner } = await ownServer(portBase + 6, {
      COFFER_TRUSTED_PROXIES: "127.0.0.1, ::1",
      COFFER_SIGNIN_LIMIT_ADDRESS: "5",
    }));
    admin = (await signedInClient(server.url, owner)).client;
  });
  afterAll(() => stopServer(server)());

  it("keeps one bucket per forwarded client, however the proxy spells it", async () => {
    const client = new ApiClient(server.url);
    const spellings = [
      "203.0.113.7",
      "::ffff:203.0.113.7",
      "[::ffff:cb00:7107]:4431",
      "203.0.113.7:80",
      // The client's own entries come first; our proxy appends the address it saw.
      "10.9.9.9, 203.0.113.7",
    ];
    for (const spelling of spellings) {
      expect(await failedSignIn(client, owner.email, spelling)).not.toBe(429);
    }
    expect(await failedSignIn(client, owner.email, "203.0.113.7")).toBe(429);
    expect(await failedSignIn(client, owner.email, "::FFFF:203.0.113.7")).toBe(429);
    // Another client behind the same proxy has a bucket of its own.
    expect(await failedSignIn(client, owner.email, "203.0.113.8")).not.toBe(429);
    const addresses = await failureAddresses(admin, owner.userId);
    expect(addresses.filter((address) => address === "203.0.113.7")).toHaveLength(5);
    expect(addresses).toContain("203.0.113.8");
    expect(addresses).not.toContain("10.9.9.9");
  });

  it("refuses an address that is no canonical spelling as a bucket of its own", async () => {
    const client = new ApiClient(server.url);
    // A leading zero reads as octal to some parsers: not believed, so the proxy itself answers.
    for (let attempt = 0; attempt < 5; attempt++) {
      await failedSignIn(client, owner.email, "203.0.113.07");
    }
    const addresses = await failureAddresses(admin, owner.userId);
    expect(addresses).not.toContain("203.0.113.07");
    expect(addresses.filter((address) => address === "127.0.0.1")).toHaveLength(5);
  });
});
