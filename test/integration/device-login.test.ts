// `coffer login` as a device authorisation (DESIGN, People on the command line): the CLI's
// request is approved by a signed-in browser that seals the userKey to the CLI's key; the CLI
// redeems it once for a Session row of its own, which ends like any other session.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatDeviceCode, getSodium, openDeviceUserKey, toBase64Url } from "@/lib/crypto";
import { sealUserKeyForDevice } from "@/lib/sdk/device-approval";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";
import { startOffboarding } from "../support/rotation-client";
import { dropPostgresDatabase, sleep, startServer, type RunningServer } from "../support/server";
import {
  pollDeviceLogin,
  startDeviceLogin,
  withBearer,
  type StartedDeviceLogin,
} from "../support/device-login-client";

interface Approver {
  client: ApiClient;
  userId: string;
  userKey: Uint8Array;
}

async function signedInApprover(baseUrl: string, secrets: AccountSecrets): Promise<Approver> {
  const { client, accountUnlockKey } = await signedInClient(baseUrl, secrets);
  const { userKey } = await client.unlock(accountUnlockKey);
  return { client, userId: secrets.userId, userKey };
}

/** What the approval page does: look up by the typed code, check the key, seal, approve. */
async function approveInBrowser(approver: Approver, login: StartedDeviceLogin) {
  const found = await approver.client.request(
    `/api/v1/device-logins?code=${encodeURIComponent(formatDeviceCode(login.code).toLowerCase())}`,
  );
  expect(found.status, JSON.stringify(found.body)).toBe(200);
  const { deviceLogin } = found.body as { deviceLogin: { id: string; publicKey: string } };
  const sealedUserKey = sealUserKeyForDevice({
    typedCode: login.code,
    publicKey: deviceLogin.publicKey,
    userKey: approver.userKey,
  });
  return approver.client.request(`/api/v1/device-logins/${deviceLogin.id}/approve`, {
    json: { sealedUserKey },
  });
}

interface Redeemed {
  sessionToken: string;
  sessionId: string;
  userId: string;
  email: string;
  sealedUserKey: string;
}

async function redeem(baseUrl: string, login: StartedDeviceLogin): Promise<Redeemed> {
  const response = await pollDeviceLogin(baseUrl, login.id, login.pollToken);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body).toMatchObject({ status: "approved" });
  return response.body as Redeemed;
}

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;
const errorField = (body: unknown) => (body as { error?: { field?: string } }).error?.field;

describe.each(inject("servers"))("device login on $kind", (server) => {
  let owner: Approver;

  /** A new member signed in and unlocked in "the browser", with a CLI session of their own. */
  async function memberWithCliSession() {
    const { secrets } = await inviteMember(owner.client, { label: "cli" });
    const approver = await signedInApprover(server.url, secrets);
    const login = await startDeviceLogin(server.url);
    expect((await approveInBrowser(approver, login)).status).toBe(204);
    return { approver, secrets, cli: await redeem(server.url, login) };
  }

  beforeAll(async () => {
    await getSodium();
    owner = await signedInApprover(server.url, ownerSecrets(server));
  });

  it("hands the CLI the userKey sealed to its key and a session of the approver's", async () => {
    const login = await startDeviceLogin(server.url, "laptop");
    const pending = await pollDeviceLogin(server.url, login.id, login.pollToken);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ status: "pending" });

    const approval = await approveInBrowser(owner, login);
    expect(approval.status, JSON.stringify(approval.body)).toBe(204);
    const cli = await redeem(server.url, login);
    expect(cli.sessionToken).toMatch(/^coffer_us_[A-Za-z0-9_-]{43}$/);
    expect(cli.userId).toBe(owner.userId);
    expect(openDeviceUserKey(cli.sealedUserKey, login.device)).toEqual(owner.userKey);

    const account = await withBearer(server.url, cli.sessionToken, "/api/v1/account");
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ userId: owner.userId });
    // A Session row like any other: the browser lists it, named after the CLI's host.
    const sessions = (await owner.client.request("/api/v1/sessions")).body as {
      sessions: Array<{ id: string; userAgent: string | null }>;
    };
    expect(sessions.sessions.find((session) => session.id === cli.sessionId)?.userAgent).toBe(
      "coffer CLI (laptop)",
    );
    // The server kept no copy of the sealed userKey once it was handed over, and the audit
    // log has the approval and the redemption.
    const audit = (await owner.client.request("/api/v1/audit?limit=20")).body as {
      events: Array<{ action: string; targetId: string | null }>;
    };
    expect(audit.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "device_login.approve", targetId: login.id }),
        expect.objectContaining({ action: "device_login.redeem", targetId: cli.sessionId }),
      ]),
    );
  });

  it("is single use: a second poll, a second approval and a second lookup are refused", async () => {
    const login = await startDeviceLogin(server.url);
    expect((await approveInBrowser(owner, login)).status).toBe(204);
    const again = await owner.client.request(`/api/v1/device-logins/${login.id}/approve`, {
      json: { sealedUserKey: "A".repeat(107) },
    });
    expect(again.status).toBe(409);
    await redeem(server.url, login);
    const second = await pollDeviceLogin(server.url, login.id, login.pollToken);
    expect(second.status).toBe(410);
    expect(errorCode(second.body)).toBe("device_login_used");
    const lookup = await owner.client.request(`/api/v1/device-logins?code=${login.code}`);
    expect(lookup.status).toBe(404);
  });

  it("gives the session to exactly one of two racing polls", async () => {
    const login = await startDeviceLogin(server.url);
    expect((await approveInBrowser(owner, login)).status).toBe(204);
    const answers = await Promise.all(
      [1, 2, 3].map(() => pollDeviceLogin(server.url, login.id, login.pollToken)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410, 410]);
  });

  it("redeems only with the request's own poll secret, never with a cookie", async () => {
    const login = await startDeviceLogin(server.url);
    const other = await startDeviceLogin(server.url);
    expect((await approveInBrowser(owner, login)).status).toBe(204);
    // The approver's browser knows the id but not the poll secret: its cookie counts for nothing.
    const byBrowser = await owner.client.request(`/api/v1/device-logins/${login.id}/poll`, {
      json: { pollToken: other.pollToken },
    });
    expect(byBrowser.status).toBe(404);
    const wrong = await pollDeviceLogin(server.url, login.id, "A".repeat(43));
    expect(wrong.status).toBe(404);
    const missing = await owner.client.request(`/api/v1/device-logins/${login.id}/poll`, {
      json: {},
    });
    expect(missing.status).toBe(400);
    expect(errorField(missing.body)).toBe("pollToken");
    // The failed attempts spent nothing: the CLI holding the secret still gets its session.
    expect((await redeem(server.url, login)).userId).toBe(owner.userId);
  });

  it("ends with the person's refusal", async () => {
    const login = await startDeviceLogin(server.url);
    const denied = await owner.client.request(`/api/v1/device-logins/${login.id}/deny`, {
      method: "POST",
    });
    expect(denied.status).toBe(204);
    const poll = await pollDeviceLogin(server.url, login.id, login.pollToken);
    expect(poll.status).toBe(403);
    expect(errorCode(poll.body)).toBe("device_login_denied");
    expect((await owner.client.request(`/api/v1/device-logins?code=${login.code}`)).status).toBe(
      404,
    );
    const late = await owner.client.request(`/api/v1/device-logins/${login.id}/approve`, {
      json: { sealedUserKey: "A".repeat(107) },
    });
    expect(late.status).toBe(409);
  });

  it("answers bad input with 400 naming the field", async () => {
    const anonymous = new ApiClient(server.url);
    const cases: Array<[unknown, string]> = [
      [{ clientName: "x" }, "publicKey"],
      [{ publicKey: "short", clientName: "x" }, "publicKey"],
      [{ publicKey: "A".repeat(43) }, "clientName"],
      [{ publicKey: "A".repeat(43), clientName: "   " }, "clientName"],
      [{ publicKey: "A".repeat(43), clientName: "x".repeat(101) }, "clientName"],
    ];
    for (const [json, field] of cases) {
      const response = await anonymous.request("/api/v1/device-logins", { json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(errorField(response.body)).toBe(field);
    }
    const badCode = await owner.client.request("/api/v1/device-logins?code=ABCDE-FGHJ");
    expect(badCode.status).toBe(400);
    expect(errorField(badCode.body)).toBe("code");
    const login = await startDeviceLogin(server.url);
    const badSeal = await owner.client.request(`/api/v1/device-logins/${login.id}/approve`, {
      json: { sealedUserKey: "not base64url!" },
    });
    expect(badSeal.status).toBe(400);
    expect(errorField(badSeal.body)).toBe("sealedUserKey");
  });

  it("refuses a public key used before", async () => {
    const login = await startDeviceLogin(server.url);
    const replay = await new ApiClient(server.url).request("/api/v1/device-logins", {
      json: { publicKey: toBase64Url(login.device.publicKey), clientName: "replay" },
    });
    expect(replay.status).toBe(409);
  });

  it("shows and answers requests only to a signed-in person", async () => {
    const login = await startDeviceLogin(server.url);
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.request(`/api/v1/device-logins?code=${login.code}`)).status).toBe(401);
    expect((await anonymous.request(`/api/v1/device-logins/${login.id}`)).status).toBe(401);
    const approve = await anonymous.request(`/api/v1/device-logins/${login.id}/approve`, {
      json: { sealedUserKey: "A".repeat(107) },
    });
    expect(approve.status).toBe(401);
    expect((await pollDeviceLogin(server.url, login.id, login.pollToken)).body).toMatchObject({
      status: "pending",
    });
  });

  it("does not let a command-line session approve another device", async () => {
    const { approver, cli } = await memberWithCliSession();
    const next = await startDeviceLogin(server.url);
    const sealedUserKey = sealUserKeyForDevice({
      typedCode: next.code,
      publicKey: toBase64Url(next.device.publicKey),
      userKey: approver.userKey,
    });
    const response = await withBearer(
      server.url,
      cli.sessionToken,
      `/api/v1/device-logins/${next.id}/approve`,
      { method: "POST", json: { sealedUserKey } },
    );
    expect(response.status).toBe(403);
    expect((await pollDeviceLogin(server.url, next.id, next.pollToken)).body).toMatchObject({
      status: "pending",
    });
  });

  describe("the CLI session ends like any other", () => {
    const ended = async (sessionToken: string) => {
      const response = await withBearer(server.url, sessionToken, "/api/v1/account");
      expect(response.status).toBe(401);
      expect(errorCode(response.body)).toBe("session_ended");
    };

    it("on coffer logout: it revokes its own session", async () => {
      const { cli } = await memberWithCliSession();
      const logout = await withBearer(
        server.url,
        cli.sessionToken,
        `/api/v1/sessions/${cli.sessionId}`,
        {
          method: "DELETE",
        },
      );
      expect(logout.status).toBe(204);
      await ended(cli.sessionToken);
    });

    it("when the browser signs out everywhere else", async () => {
      const { approver, cli } = await memberWithCliSession();
      expect((await withBearer(server.url, cli.sessionToken, "/api/v1/account")).status).toBe(200);
      const revoke = await approver.client.request("/api/v1/sessions/revoke-others", {
        method: "POST",
      });
      expect(revoke.status).toBe(200);
      await ended(cli.sessionToken);
      expect((await approver.client.request("/api/v1/account")).status).toBe(200);
    });

    it("when the person is suspended", async () => {
      const { secrets, cli } = await memberWithCliSession();
      const suspend = await owner.client.request(`/api/v1/users/${secrets.userId}/status`, {
        method: "PUT",
        json: { status: "suspended" },
      });
      expect(suspend.status).toBe(200);
      await ended(cli.sessionToken);
    });

    it("when the person is offboarded", async () => {
      const { secrets, cli } = await memberWithCliSession();
      const started = await startOffboarding(owner.client, secrets.userId);
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      await ended(cli.sessionToken);
    });

    it("and a request approved before a suspension is not redeemed after it", async () => {
      const { secrets } = await inviteMember(owner.client, { label: "late" });
      const approver = await signedInApprover(server.url, secrets);
      const login = await startDeviceLogin(server.url);
      expect((await approveInBrowser(approver, login)).status).toBe(204);
      await owner.client.request(`/api/v1/users/${secrets.userId}/status`, {
        method: "PUT",
        json: { status: "suspended" },
      });
      const poll = await pollDeviceLogin(server.url, login.id, login.pollToken);
      expect(poll.status).toBe(403);
      expect(JSON.stringify(poll.body)).not.toContain("coffer_us_");
    });
  });
});

// Time is the subject here: a server of its own whose requests live three seconds.
describe("device login expiry on pglite", () => {
  let server: RunningServer;
  let owner: Approver;
  const ttlMs = 0.05 * 60_000;

  beforeAll(async () => {
    await getSodium();
    server = await startServer({
      kind: "pglite",
      port: Number(process.env.COFFER_TEST_PORT_BASE ?? 3201) + 2,
      env: { COFFER_DEVICE_LOGIN_MINUTES: "0.05" },
    });
    const made = await makeAccount({ email: "owner@expiry.test", name: "Owner", password: "pw" });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Expiry Ltd", account: made.account },
    });
    expect(setup.status).toBe(201);
    owner = await signedInApprover(server.url, made.secrets);
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  it("refuses an expired request everywhere, approved or not", async () => {
    const unanswered = await startDeviceLogin(server.url);
    const approved = await startDeviceLogin(server.url);
    expect((await approveInBrowser(owner, approved)).status).toBe(204);
    await sleep(ttlMs + 500);
    expect(
      (await owner.client.request(`/api/v1/device-logins?code=${unanswered.code}`)).status,
    ).toBe(404);
    const late = await owner.client.request(`/api/v1/device-logins/${unanswered.id}/approve`, {
      json: { sealedUserKey: "A".repeat(107) },
    });
    expect(late.status).toBe(410);
    expect(errorCode(late.body)).toBe("device_login_expired");
    for (const login of [unanswered, approved]) {
      const poll = await pollDeviceLogin(server.url, login.id, login.pollToken);
      expect(poll.status).toBe(410);
      expect(errorCode(poll.body)).toBe("device_login_expired");
    }
  });

  it("limits the requests one address keeps waiting", async () => {
    await sleep(ttlMs + 500);
    const started = [];
    for (let index = 0; index < 30; index++) started.push(await startDeviceLogin(server.url));
    await expect(startDeviceLogin(server.url)).rejects.toThrow(/rate_limited/);
    await sleep(ttlMs + 500);
    expect((await startDeviceLogin(server.url)).id).toBeTruthy();
  });
});

interface StoredDeviceLogin {
  id: string;
  sealedUserKey: string | null;
}

const storedRowsQuery = 'SELECT id, "sealedUserKey" FROM "DeviceLogin"';

/** What the database holds; PGlite allows one process per directory, so its server stops first. */
async function storedDeviceLogins(server: RunningServer): Promise<StoredDeviceLogin[]> {
  if (server.databaseUrl) {
    const connection = new pg.Client({ connectionString: server.databaseUrl });
    await connection.connect();
    try {
      return (await connection.query<StoredDeviceLogin>(storedRowsQuery)).rows;
    } finally {
      await connection.end();
    }
  }
  await server.stop();
  const database = new PGlite(path.join(server.dataDirectory, "pglite"));
  try {
    return (await database.query<StoredDeviceLogin>(storedRowsQuery)).rows;
  } finally {
    await database.close();
  }
}

// Unanswered requests are swept when a new one starts (decision 0037): a server per engine whose
// requests live six seconds, so "expired" and "expired a lifetime ago" are seconds apart.
describe.each(
  inject("servers").map((shared, index) => ({
    kind: shared.kind,
    port: Number(process.env.COFFER_TEST_PORT_BASE ?? 3201) + 3 + index,
  })),
)("device login pruning on $kind", ({ kind, port }) => {
  let server: RunningServer;
  let owner: Approver;
  const ttlMs = 0.1 * 60_000;

  beforeAll(async () => {
    await getSodium();
    server = await startServer({ kind, port, env: { COFFER_DEVICE_LOGIN_MINUTES: "0.1" } });
    const made = await makeAccount({ email: "owner@prune.test", name: "Owner", password: "pw" });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Prune Ltd", account: made.account },
    });
    expect(setup.status).toBe(201);
    owner = await signedInApprover(server.url, made.secrets);
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  it("deletes requests that expired unanswered and keeps live and answered ones", async () => {
    // The first request of this server sweeps; the next sweep is a lifetime later.
    const approvedOnly = await startDeviceLogin(server.url);
    expect((await approveInBrowser(owner, approvedOnly)).status).toBe(204);
    const refused = await startDeviceLogin(server.url);
    const deny = await owner.client.request(`/api/v1/device-logins/${refused.id}/deny`, {
      method: "POST",
    });
    expect(deny.status).toBe(204);
    const redeemed = await startDeviceLogin(server.url);
    expect((await approveInBrowser(owner, redeemed)).status).toBe(204);
    expect((await redeem(server.url, redeemed)).userId).toBe(owner.userId);
    const unanswered = await startDeviceLogin(server.url);

    // Expired, but within the grace of one more lifetime: the sweep keeps it, and a late poll
    // still hears why. (Each wait lies between one and two lifetimes, with a second to spare.)
    await sleep(ttlMs + 1_000);
    const recent = await startDeviceLogin(server.url);
    const late = await pollDeviceLogin(server.url, unanswered.id, unanswered.pollToken);
    expect(late.status).toBe(410);
    expect(errorCode(late.body)).toBe("device_login_expired");

    // More than a lifetime after it expired, the next sweep deletes it; `recent` has only just
    // expired and stays.
    await sleep(ttlMs + 2_000);
    const live = await startDeviceLogin(server.url);
    const gone = await pollDeviceLogin(server.url, unanswered.id, unanswered.pollToken);
    expect(gone.status).toBe(404);
    const pending = await pollDeviceLogin(server.url, live.id, live.pollToken);
    expect(pending.body).toMatchObject({ status: "pending" });

    const stored = new Map((await storedDeviceLogins(server)).map((row) => [row.id, row]));
    expect(stored.has(unanswered.id)).toBe(false);
    for (const kept of [approvedOnly, refused, redeemed, recent, live]) {
      expect(stored.has(kept.id), `request ${kept.id} was kept`).toBe(true);
    }
    // The approval nobody redeemed keeps its record but not the userKey sealed for it.
    expect(stored.get(approvedOnly.id)?.sealedUserKey).toBeNull();
    expect(stored.get(redeemed.id)?.sealedUserKey).toBeNull();
  });
});
