// Session lifetimes (DESIGN, Sessions): a session ends after an idle period, and after an
// absolute limit from sign-in even while it is in constant use. Time is the subject here, so
// this file runs its own server with limits of seconds instead of minutes and hours.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSodium } from "@/lib/crypto";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { signedInClient } from "../support/flows";
import { sleep, startServer, type RunningServer } from "../support/server";

const idleMs = 0.05 * 60_000; // COFFER_SESSION_IDLE_MINUTES=0.05: 3 s
const absoluteMs = 0.003 * 3_600_000; // COFFER_SESSION_MAX_HOURS=0.003: 10.8 s

describe("session limits on pglite", () => {
  let server: RunningServer;
  let owner: AccountSecrets;

  beforeAll(async () => {
    await getSodium();
    server = await startServer({
      kind: "pglite",
      port: 3210,
      env: { COFFER_SESSION_IDLE_MINUTES: "0.05", COFFER_SESSION_MAX_HOURS: "0.003" },
    });
    const made = await makeAccount({
      email: "owner@limits.test",
      name: "Owner",
      password: "limits owner",
    });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Limits Ltd", account: made.account },
    });
    expect(setup.status).toBe(201);
    owner = made.secrets;
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  const status = async (client: ApiClient) => (await client.request("/api/v1/account")).status;

  it.concurrent("ends a session left idle longer than the idle limit", async () => {
    const { client } = await signedInClient(server.url, owner);
    expect(await status(client)).toBe(200);
    await sleep(idleMs + 1_000);
    expect(await status(client)).toBe(401);
    // Expired for good: activity cannot revive it.
    expect(await status(client)).toBe(401);
  });

  it.concurrent("ends a session in constant use at the absolute limit", async () => {
    const { client } = await signedInClient(server.url, owner);
    const signedInAt = Date.now();
    const history: Array<{ at: number; status: number }> = [];
    while (Date.now() - signedInAt < absoluteMs + 4_000) {
      const result = await status(client);
      history.push({ at: Date.now() - signedInAt, status: result });
      if (result !== 200) break;
      await sleep(1_000);
    }
    const last = history.at(-1)!;
    expect(last.status, JSON.stringify(history)).toBe(401);
    // It outlived the idle limit, so it was kept alive by use and ended by the absolute limit.
    expect(
      history.some((entry) => entry.status === 200 && entry.at > idleMs + 500),
      JSON.stringify(history),
    ).toBe(true);
    expect(last.at).toBeGreaterThanOrEqual(absoluteMs - 1_000);
  });
});
