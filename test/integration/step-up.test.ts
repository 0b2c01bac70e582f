// Step-up (DESIGN, Sessions, MFA and policy): sensitive actions need a key check from the last
// few minutes. Time is the subject, so this file runs its own server whose window is 3 seconds.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSodium } from "@/lib/crypto";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { signedInClient } from "../support/flows";
import { sleep, startServer, type RunningServer } from "../support/server";
import { SoftAuthenticator } from "../support/soft-authenticator";
import { assert, enrolKey } from "../support/mfa-client";

const windowMs = 0.05 * 60_000; // COFFER_STEP_UP_MINUTES=0.05: 3 s

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe("step-up on pglite", () => {
  let server: RunningServer;
  let owner: AccountSecrets;
  let client: ApiClient;
  let authenticator: SoftAuthenticator;

  beforeAll(async () => {
    await getSodium();
    server = await startServer({
      kind: "pglite",
      port: 3211,
      env: { COFFER_STEP_UP_MINUTES: "0.05" },
    });
    const made = await makeAccount({
      email: "owner@stepup.test",
      name: "Owner",
      password: "step up owner",
    });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Step Up Ltd", account: made.account },
    });
    expect(setup.status).toBe(201);
    owner = made.secrets;
    client = (await signedInClient(server.url, owner)).client;
    authenticator = new SoftAuthenticator({ origin: server.url });
    await enrolKey(client, authenticator);
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  const sensitive: Array<[string, () => Promise<{ status: number; body: unknown }>]> = [
    ["recovery codes", () => client.request("/api/v1/mfa/recovery-codes", { method: "POST" })],
    ["audit export", () => client.request("/api/v1/audit/export?format=json")],
    [
      "MFA policy",
      () =>
        client.request("/api/v1/admin/mfa", {
          method: "PUT",
          json: { requireMfa: "admins", graceDays: 3, userVerification: false },
        }),
    ],
    ["a second key", () => client.request("/api/v1/mfa/keys/options", { method: "POST" })],
  ];

  it("allows sensitive actions within the window and refuses them after it", async () => {
    expect((await assert(client, authenticator)).status).toBe(200);
    for (const [name, call] of sensitive) {
      const fresh = await call();
      expect(fresh.status, `${name}: ${JSON.stringify(fresh.body)}`).toBe(200);
    }
    await sleep(windowMs + 500);
    for (const [name, call] of sensitive) {
      const stale = await call();
      expect(stale.status, name).toBe(403);
      expect(errorCode(stale.body), name).toBe("step_up_required");
    }
    // Ordinary work goes on without a new check.
    expect((await client.request("/api/v1/vaults")).status).toBe(200);
    const status = await client.request("/api/v1/mfa");
    expect((status.body as { stepUpUntil: string | null }).stepUpUntil).toBeNull();
    // One more touch of the key opens them again.
    expect((await assert(client, authenticator)).status).toBe(200);
    expect((await sensitive[0]![1]()).status).toBe(200);
  });

  it("requires a step-up for role changes and an ownership transfer", async () => {
    await sleep(windowMs + 500);
    // Checked before the body and the target: a stale session learns nothing about either.
    const role = await client.request("/api/v1/users/AAAAAAAAAAAAAAAAAAAAAA/role", {
      method: "PUT",
      json: { role: "admin" },
    });
    expect(role.status).toBe(403);
    expect(errorCode(role.body)).toBe("step_up_required");
    const ownership = await client.request("/api/v1/organization/ownership", { json: {} });
    expect(ownership.status).toBe(403);
    expect(errorCode(ownership.body)).toBe("step_up_required");
  });

  it("requires a step-up for a password change", async () => {
    await sleep(windowMs + 500);
    // The body is checked after the gate: an empty one still meets the step-up first.
    const stale = await client.request("/api/v1/account/password", { json: {} });
    expect(stale.status).toBe(403);
    expect(errorCode(stale.body)).toBe("step_up_required");
  });
});
