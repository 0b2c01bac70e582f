// One-time share links (issue 13) over the real HTTP API, on a server of this file's own per
// engine: it locks the organisation down, edits expiry times in the database and dumps every
// table, which a shared server cannot allow. Recipients are signed-out clients, each from an
// address of its own (the server trusts the test's X-Forwarded-For, as behind a proxy).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deriveShareLinkKeys,
  fromBase64Url,
  getSodium,
  parseShareFragment,
  sharePassphraseHash,
  shareFinalKey,
  toBase64Url,
  SHARE_CIPHERTEXT_MAX_CHARS,
  SHARE_FILE_MAX_BYTES,
} from "@/lib/crypto";
import type { ShareLinkDto } from "@/lib/api/share-link";
import type { AuditEventDto } from "@/lib/api/audit";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import type { HttpPort } from "@/lib/sdk/http-port";
import { SdkError } from "@/lib/sdk/http-port";
import {
  createShareLink,
  inspectShareLink,
  revealShareLink,
  type CreateShareLinkInput,
  type ShareLinkPort,
} from "@/lib/sdk/share-links";
import { ApiClient, cookieJarHttpPort, makeAccount } from "../support/protocol-client";
import { expectNoSecrets, type SecretValue } from "../support/secrets";
import {
  invitedVaultClient,
  randomId,
  samplePlaintext,
  VaultClient,
} from "../support/vault-client";
import {
  errorCode,
  flagsFor,
  liftLockdown,
  lockDown,
  reportOf,
  report as fetchReport,
  startOffboarding,
  checklistOf,
} from "../support/rotation-client";
import {
  dropPostgresDatabase,
  postgresAvailable,
  startServer,
  type DatabaseKind,
  type RunningServer,
} from "../support/server";

const base = Number(process.env.COFFER_TEST_PORT_BASE ?? 3530);
// The shared servers of the integration project take the base and the next port.
const engines: Array<{ kind: DatabaseKind; port: number }> = [{ kind: "pglite", port: base + 5 }];
if (await postgresAvailable()) engines.push({ kind: "postgresql", port: base + 6 });
else if (process.env.CI) throw new Error("PostgreSQL at 127.0.0.1:5432 is required under CI");

const tablesQuery = `SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
const rowsQuery = (table: string) => `SELECT t::text AS row FROM "${table.replace(/"/g, '""')}" t`;

let addressCounter = 0;
/** A fresh client address (TEST-NET-2), so one test's failures never limit another's. */
const newAddress = () => `198.51.100.${(addressCounter++ % 250) + 1}`;

/** A signed-out recipient: no cookies, its own address, every exchange kept for the canary. */
function recipient(url: string, address = newAddress()) {
  const api = new ApiClient(url);
  const inner = cookieJarHttpPort(api);
  const port: HttpPort = {
    request: (input) =>
      inner.request({ ...input, headers: { ...input.headers, "x-forwarded-for": address } }),
  };
  return { api, port, address };
}

async function expectSdkError(promise: Promise<unknown>, status: number, field?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SdkError);
  expect((error as SdkError).status).toBe(status);
  if (field) expect((error as SdkError).field).toBe(field);
  return error as SdkError;
}

describe.each(engines)("share links on $kind", ({ kind, port }) => {
  let server: RunningServer;
  let owner: VaultClient;
  let admin: VaultClient;
  let member: VaultClient;
  let colleague: VaultClient;
  let vaultId: string;
  let itemId: string;
  const clients: ApiClient[] = [];
  /** Everything the canary looks for, filled in as the tests make links. */
  const canary: Record<string, SecretValue> = {};
  let canaryLinkId = "";
  let stopped = false;

  const senderPort = (client: VaultClient): ShareLinkPort => cookieJarHttpPort(client.api);
  const share = (client: VaultClient, input: CreateShareLinkInput) =>
    createShareLink(senderPort(client), input, directKdfRunner);
  const open = (url: string, passphrase?: string, address?: string) => {
    const who = recipient(server.url, address);
    clients.push(who.api);
    return revealShareLink(who.port, url, passphrase, directKdfRunner);
  };
  const linkOf = async (client: VaultClient, id: string) => {
    const { body } = await client.api.request("/api/v1/share-links");
    return (body as { links: ShareLinkDto[] }).links.find((link) => link.id === id);
  };
  const events = async (action: string) => {
    const { body } = await owner.api.request(`/api/v1/audit?action=${action}&limit=500`);
    return (body as { events: AuditEventDto[] }).events;
  };
  const sql = async (statement: string, values: unknown[]) => {
    if (kind === "postgresql") {
      const connection = new pg.Client({ connectionString: server.databaseUrl });
      await connection.connect();
      try {
        await connection.query(statement, values);
      } finally {
        await connection.end();
      }
      return;
    }
    // PGlite takes one process per directory: stop the server, edit, start it again.
    await server.stop();
    const database = new PGlite(path.join(server.dataDirectory, "pglite"));
    try {
      await database.query(statement, values);
    } finally {
      await database.close();
    }
    server = await startServer({ ...serverOptions(), dataDirectory: server.dataDirectory });
  };
  const serverOptions = () => ({
    kind,
    port,
    env: { COFFER_TRUSTED_PROXIES: "127.0.0.1, ::1", COFFER_SHARE_LIMIT_ADDRESS: "30" },
  });

  beforeAll(async () => {
    await getSodium();
    server = await startServer(serverOptions());
    const { account, secrets } = await makeAccount({
      email: "owner@share.test",
      name: "Olive Owner",
      password: "correct horse battery staple",
    });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Share Ltd", account },
    });
    expect(setup.status).toBe(201);
    owner = await VaultClient.signIn(server.url, secrets);
    admin = await invitedVaultClient(server, owner, { label: "share-admin", role: "admin" });
    member = await invitedVaultClient(server, owner, { label: "share-member" });
    colleague = await invitedVaultClient(server, owner, { label: "share-colleague" });
    ({ vaultId } = await member.createVault("Vendors", null));
    ({ itemId } = await member.addItem(vaultId, samplePlaintext("Payment API")));
    clients.push(owner.api, admin.api, member.api, colleague.api);
  }, 180_000);

  afterAll(async () => {
    if (!stopped) await server?.stop();
    if (server?.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
  });

  it("a text link opens once for a signed-out recipient; the second open is gone", async () => {
    const text = `canary-text-${randomId()}`;
    const note = `canary-note-${randomId()}`;
    const passphrase = `canary-pass-${randomId()}`;
    const made = await share(member, {
      payload: { kind: "text", text, note },
      passphrase,
      maxViews: 1,
    });
    expect(made.url).toMatch(new RegExp(`^${server.url}/s#[A-Za-z0-9_-]{43}$`));
    expect(made.link).toMatchObject({ status: "active", maxViews: 1, viewsLeft: 1 });
    expect(made.link.passphraseRequired).toBe(true);
    const secret = parseShareFragment(made.url);
    const { linkKey } = deriveShareLinkKeys(secret);
    const detail = recipient(server.url);
    const inspected = await inspectShareLink(detail.port, made.url);
    expect(inspected).toMatchObject({ status: "ready", passphraseRequired: true });
    const kdf = inspected.status === "ready" ? inspected.passphrase! : null;
    Object.assign(canary, {
      "share secret S": secret,
      "share link key": linkKey,
      "share final key": shareFinalKey(
        linkKey,
        sharePassphraseHash(passphrase, fromBase64Url(kdf!.salt), kdf!.kdf),
      ),
      "share passphrase": passphrase,
      "share plaintext": text,
      "share note": note,
    });
    canaryLinkId = made.id;

    expect(await open(made.url, passphrase)).toEqual({
      status: "revealed",
      payload: { kind: "text", text, note },
      viewsLeft: 0,
    });
    expect(await open(made.url, passphrase)).toEqual({ status: "gone" });
    expect(await linkOf(member, made.id)).toMatchObject({ status: "used", viewsUsed: 1 });
  });

  it("inspecting, GET and HEAD on the reveal route never spend a view", async () => {
    const made = await share(member, { payload: { kind: "text", text: "one view" } });
    const who = recipient(server.url);
    for (let index = 0; index < 3; index++) {
      expect((await inspectShareLink(who.port, made.url)).status).toBe("ready");
    }
    for (const method of ["GET", "HEAD"]) {
      const answer = await fetch(`${server.url}/api/v1/shared/${made.id}/reveal`, { method });
      expect(answer.status, method).toBe(405);
    }
    expect(await linkOf(member, made.id)).toMatchObject({ viewsLeft: 1, lastViewedAt: null });
    expect((await open(made.url)).status).toBe("revealed");
  });

  it("answers the public routes with no-store and no-referrer, and gone for an unknown link", async () => {
    const id = toBase64Url(new Uint8Array(16).fill(7));
    const inspect = await fetch(`${server.url}/api/v1/shared/${id}`, {
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(inspect.status).toBe(410);
    expect(inspect.headers.get("cache-control")).toContain("no-store");
    expect(inspect.headers.get("referrer-policy")).toBe("no-referrer");
    expect(((await inspect.json()) as { error: { code: string } }).error.code).toBe("gone");
    const page = await fetch(`${server.url}/s`);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toContain("no-store");
  });

  it("ten parallel reveals of a three-view link give exactly three successes", async () => {
    const made = await share(member, { payload: { kind: "text", text: "three" }, maxViews: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => open(made.url)));
    expect(results.filter((result) => result.status === "revealed")).toHaveLength(3);
    expect(results.filter((result) => result.status === "gone")).toHaveLength(7);
    expect(await linkOf(member, made.id)).toMatchObject({ status: "used", viewsLeft: 0 });
    const single = await share(member, { payload: { kind: "text", text: "one" } });
    const pair = await Promise.all([open(single.url), open(single.url)]);
    expect(pair.map((result) => result.status).sort()).toEqual(["gone", "revealed"]);
  });

  it("a wrong passphrase spends no view; ten wrong proofs revoke the link", async () => {
    const made = await share(member, {
      payload: { kind: "text", text: "guarded" },
      passphrase: "right one",
      maxViews: 2,
    });
    const wrong = await open(made.url, "wrong one");
    expect(wrong.status).toBe("wrong_passphrase");
    expect(await linkOf(member, made.id)).toMatchObject({ viewsLeft: 2, failedAttempts: 1 });
    expect(await open(made.url, "right one")).toMatchObject({ status: "revealed", viewsLeft: 1 });
    // A replayed or forged proof is a wrong passphrase too, whoever sends it.
    const who = recipient(server.url);
    for (let attempt = 2; attempt <= 10; attempt++) {
      const answer = await who.api.request(`/api/v1/shared/${made.id}/reveal`, {
        json: { proof: toBase64Url(new Uint8Array(32).fill(attempt)) },
        headers: { "x-forwarded-for": newAddress() },
      });
      expect(answer.status).toBe(attempt < 10 ? 403 : 410);
    }
    expect(await open(made.url, "right one")).toEqual({ status: "gone" });
    expect(await linkOf(member, made.id)).toMatchObject({
      status: "revoked",
      revokedReason: "attempts",
      viewsLeft: 1,
    });
    const revoked = await events("share_link.revoked");
    expect(revoked.find((event) => event.targetId === made.id)?.details).toMatchObject({
      reason: "attempts",
    });
  });

  it("refuses bad input naming the field, and sizes beyond 64 KiB of text or 1 MiB of file", async () => {
    await expectSdkError(
      share(member, { payload: { kind: "text", text: "x".repeat(64 * 1024 + 1) } }),
      400,
      "text",
    );
    await expectSdkError(
      share(member, { payload: { kind: "text", text: "x" }, expiresInSeconds: 60 }),
      400,
      "expiresInSeconds",
    );
    await expectSdkError(
      share(member, { payload: { kind: "text", text: "x" }, expiresInSeconds: 31 * 86_400 }),
      400,
      "expiresInSeconds",
    );
    await expectSdkError(
      share(member, { payload: { kind: "text", text: "x" }, maxViews: 0 }),
      400,
      "maxViews",
    );
    await expectSdkError(
      share(member, { payload: { kind: "text", text: "x" }, maxViews: 101 }),
      400,
      "maxViews",
    );
    const valid = {
      id: toBase64Url(new Uint8Array(16).fill(3)),
      proofHash: toBase64Url(new Uint8Array(32)),
    };
    const huge = `v1.${"A".repeat(32)}.${"A".repeat(SHARE_CIPHERTEXT_MAX_CHARS)}`;
    const tooLarge = await member.api.request("/api/v1/share-links", {
      json: { ...valid, ciphertext: huge },
    });
    expect(tooLarge.status).toBe(400);
    expect((tooLarge.body as { error: { field: string } }).error.field).toBe("ciphertext");
    const badId = await member.api.request("/api/v1/share-links", {
      json: { ...valid, id: "short", ciphertext: `v1.${"A".repeat(32)}.${"A".repeat(40)}` },
    });
    expect((badId.body as { error: { field: string } }).error.field).toBe("id");
    expect((await linkOf(member, valid.id)) ?? null).toBeNull();

    // The largest file fits and comes back byte for byte.
    const bytes = new Uint8Array(SHARE_FILE_MAX_BYTES).map((_, index) => index % 251);
    const file = await share(member, {
      payload: { kind: "file", name: "bundle.pem", mimeType: "application/x-pem-file", bytes },
    });
    const opened = await open(file.url);
    expect(opened.status).toBe("revealed");
    expect(opened.status === "revealed" && opened.payload).toMatchObject({
      kind: "file",
      name: "bundle.pem",
    });
    expect(
      opened.status === "revealed" && opened.payload.kind === "file" && opened.payload.bytes,
    ).toEqual(bytes);
  }, 240_000);

  it("a link from an item field names the item for its vault, but not the field", async () => {
    const made = await share(member, {
      payload: {
        kind: "field",
        text: "sk_live_123",
        itemTitle: "Payment API",
        fieldName: "API key",
      },
      source: { vaultId, itemId },
      maxViews: 2,
    });
    expect(made.link.source).toEqual({ vaultId, itemId });
    const history = await member.api.request(
      `/api/v1/vaults/${vaultId}/items/${itemId}/share-links`,
    );
    expect(history.status).toBe(200);
    expect((history.body as { links: ShareLinkDto[] }).links.map((link) => link.id)).toContain(
      made.id,
    );
    expect(
      (await colleague.api.request(`/api/v1/vaults/${vaultId}/items/${itemId}/share-links`)).status,
    ).toBe(404);
    // Nobody shares an item they cannot read.
    await expectSdkError(
      share(colleague, { payload: { kind: "text", text: "x" }, source: { vaultId, itemId } }),
      404,
    );
    const created = (await events("share_link.created")).find(
      (event) => event.targetId === made.id,
    );
    expect(created).toMatchObject({ vaultId, details: { itemId, maxViews: 2 } });
    expect(JSON.stringify(created)).not.toContain("API key");

    const address = newAddress();
    const before = Date.now();
    expect((await open(made.url, undefined, address)).status).toBe("revealed");
    const viewed = (await events("share_link.viewed")).find((event) => event.targetId === made.id);
    expect(viewed).toMatchObject({
      ipAddress: address,
      vaultId,
      details: { itemId, viewsLeft: 1 },
    });
    const link = await linkOf(member, made.id);
    expect(link).toMatchObject({ viewsUsed: 1, viewsLeft: 1, status: "active" });
    expect(Date.parse(link!.lastViewedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("the creator or an admin revokes a link; another member cannot, nor see the org's list", async () => {
    const made = await share(member, { payload: { kind: "text", text: "revocable" }, maxViews: 5 });
    expect(
      (await colleague.api.request(`/api/v1/share-links/${made.id}`, { method: "DELETE" })).status,
    ).toBe(404);
    expect((await colleague.api.request("/api/v1/admin/share-links")).status).toBe(403);
    expect((await colleague.api.request("/api/v1/admin/share-link-policy")).status).toBe(403);
    const orgList = await admin.api.request("/api/v1/admin/share-links");
    const listed = (orgList.body as { links: ShareLinkDto[] }).links.find(
      (link) => link.id === made.id,
    );
    expect(listed).toMatchObject({ creator: { id: member.userId }, status: "active" });
    expect(JSON.stringify(orgList.body)).not.toContain("revocable");

    const byAdmin = await admin.api.request(`/api/v1/share-links/${made.id}`, { method: "DELETE" });
    expect(byAdmin.status).toBe(200);
    expect((byAdmin.body as { link: ShareLinkDto }).link).toMatchObject({
      status: "revoked",
      revokedReason: "admin",
    });
    expect(await open(made.url)).toEqual({ status: "gone" });
    const again = await member.api.request(`/api/v1/share-links/${made.id}`, { method: "DELETE" });
    expect(again.status).toBe(409);
    expect(errorCode(again.body)).toBe("not_active");

    const own = await share(member, { payload: { kind: "text", text: "mine" } });
    const byCreator = await member.api.request(`/api/v1/share-links/${own.id}`, {
      method: "DELETE",
    });
    expect((byCreator.body as { link: ShareLinkDto }).link.revokedReason).toBe("creator");
    expect(await open(own.url)).toEqual({ status: "gone" });
    const revoked = (await events("share_link.revoked")).map((event) => event.targetId);
    expect(revoked).toEqual(expect.arrayContaining([made.id, own.id]));
  });

  it("keeps to the org's policy: links off, a shorter maximum, a required passphrase", async () => {
    const put = (policy: object, client = admin) =>
      client.api.request("/api/v1/admin/share-link-policy", { method: "PUT", json: policy });
    expect(
      (
        await put(
          { linksAllowed: false, maxExpirySeconds: 86_400, passphraseRequired: false },
          colleague,
        )
      ).status,
    ).toBe(403);
    try {
      expect(
        (await put({ linksAllowed: false, maxExpirySeconds: 7200, passphraseRequired: false }))
          .status,
      ).toBe(200);
      const off = await expectSdkError(
        share(member, { payload: { kind: "text", text: "x" } }),
        403,
      );
      expect(off.code).toBe("links_disabled");
      await put({ linksAllowed: true, maxExpirySeconds: 7200, passphraseRequired: true });
      const rules = await member.api.request("/api/v1/share-links/policy");
      expect(rules.body).toEqual({
        policy: { linksAllowed: true, maxExpirySeconds: 7200, passphraseRequired: true },
      });
      await expectSdkError(
        share(member, { payload: { kind: "text", text: "x" }, expiresInSeconds: 3600 }),
        400,
        "passphrase",
      );
      await expectSdkError(
        share(member, {
          payload: { kind: "text", text: "x" },
          passphrase: "p",
          expiresInSeconds: 10_800,
        }),
        400,
        "expiresInSeconds",
      );
      const ok = await share(member, {
        payload: { kind: "text", text: "x" },
        passphrase: "p",
        expiresInSeconds: 7200,
      });
      expect(ok.link.status).toBe("active");
      expect(
        (await put({ linksAllowed: true, maxExpirySeconds: 60, passphraseRequired: false })).status,
      ).toBe(400);
    } finally {
      await put({ linksAllowed: true, maxExpirySeconds: 30 * 86_400, passphraseRequired: false });
    }
    expect((await events("policy.share_links_change")).length).toBeGreaterThanOrEqual(3);
  });

  it("limits failed look-ups per address", async () => {
    const address = newAddress();
    const who = recipient(server.url, address);
    const unknown = toBase64Url(new Uint8Array(16).fill(9));
    for (let index = 0; index < 30; index++) {
      const answer = await who.api.request(`/api/v1/shared/${unknown}`, {
        headers: { "x-forwarded-for": address },
      });
      expect(answer.status).toBe(410);
    }
    const limited = await who.api.request(`/api/v1/shared/${unknown}`, {
      headers: { "x-forwarded-for": address },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not held back.
    const made = await share(member, { payload: { kind: "text", text: "elsewhere" } });
    expect((await open(made.url)).status).toBe("revealed");
  });

  it("an expired link is gone, listed as expired and recorded once", async () => {
    const made = await share(member, { payload: { kind: "text", text: "soon gone" } });
    await sql(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 minute' WHERE "id" = $1`, [
      made.id,
    ]);
    expect(await open(made.url)).toEqual({ status: "gone" });
    expect(await linkOf(member, made.id)).toMatchObject({ status: "expired" });
    await member.api.request("/api/v1/share-links");
    const expired = (await events("share_link.expired")).filter(
      (event) => event.targetId === made.id,
    );
    expect(expired).toHaveLength(1);
  }, 240_000);

  it("offboarding revokes the person's links, lists them and flags an opened link's item high", async () => {
    const leaver = await invitedVaultClient(server, owner, { label: "share-leaver" });
    const { vaultId: leaverVault } = await leaver.createVault("Leaver's", null);
    const { itemId: sharedItem } = await leaver.addItem(leaverVault, samplePlaintext("Shared"));
    const { itemId: quietItem } = await leaver.addItem(leaverVault, samplePlaintext("Quiet"));
    const opened = await share(leaver, {
      payload: { kind: "field", text: "v", itemTitle: "Shared", fieldName: "password" },
      source: { vaultId: leaverVault, itemId: sharedItem },
      maxViews: 3,
    });
    const unopened = await share(leaver, {
      payload: { kind: "field", text: "v", itemTitle: "Quiet", fieldName: "password" },
      source: { vaultId: leaverVault, itemId: quietItem },
    });
    expect((await open(opened.url)).status).toBe("revealed");

    const started = await startOffboarding(owner.api, leaver.userId);
    expect(started.status).toBe(201);
    const checklist = checklistOf(started);
    expect(checklist.report?.revoked.shareLinks).toBe(2);
    const links = reportOf(await fetchReport(owner.api, checklist.id)).shareLinks;
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: opened.id,
          sourceItemId: sharedItem,
          viewsUsed: 1,
          revokedNow: true,
        }),
        expect.objectContaining({
          id: unopened.id,
          sourceItemId: quietItem,
          viewsUsed: 0,
          revokedNow: true,
        }),
      ]),
    );
    expect(await open(opened.url)).toEqual({ status: "gone" });
    expect(await open(unopened.url)).toEqual({ status: "gone" });
    const [sharedFlag] = await flagsFor(owner.api, sharedItem);
    expect(sharedFlag).toMatchObject({ priority: "high", reason: "shared_link" });
    const [quietFlag] = await flagsFor(owner.api, quietItem);
    expect(quietFlag).toMatchObject({ priority: "medium", reason: "could_decrypt" });
    const orgList = (await owner.api.request("/api/v1/admin/share-links")).body as {
      links: ShareLinkDto[];
    };
    expect(orgList.links.find((link) => link.id === opened.id)?.revokedReason).toBe("offboarding");
  }, 240_000);

  it("a lockdown freezes every link, and lifting it does not bring them back", async () => {
    const made = await share(member, { payload: { kind: "text", text: "frozen" }, maxViews: 2 });
    const started = await lockDown(owner.api);
    expect(started.status).toBe(200);
    expect(
      (started.body as { shareLinksSuspended: number }).shareLinksSuspended,
    ).toBeGreaterThanOrEqual(1);
    try {
      expect(await open(made.url)).toEqual({ status: "gone" });
    } finally {
      // The lockdown ended every session but the owner's; the other admin signs in to lift it.
      admin = await VaultClient.signIn(server.url, admin.credentials);
      clients.push(admin.api);
      expect((await liftLockdown(admin.api)).status).toBe(200);
    }
    expect(await open(made.url)).toEqual({ status: "gone" });
    const listed = (await owner.api.request("/api/v1/admin/share-links")).body as {
      links: ShareLinkDto[];
    };
    expect(listed.links.find((link) => link.id === made.id)).toMatchObject({ status: "frozen" });
    expect((await events("share_link.frozen")).length).toBe(1);
  });

  it("the canary: S, its keys, the passphrase and the plaintext are nowhere on the server", async () => {
    expect(Object.keys(canary)).toHaveLength(6);
    const exchanges = clients.flatMap((client) => client.exchanges);
    expect(exchanges.some((exchange) => exchange.url.includes(canaryLinkId))).toBe(true);
    for (const [index, exchange] of exchanges.entries()) {
      expectNoSecrets(exchange.url, canary, `request ${index} URL`);
      expectNoSecrets(exchange.request, canary, `request ${index} (${exchange.url})`);
      expectNoSecrets(exchange.response, canary, `response ${index} (${exchange.url})`);
    }
    await server.stop();
    stopped = true;
    const dumps: Array<[string, string]> = [];
    if (kind === "postgresql") {
      const connection = new pg.Client({ connectionString: server.databaseUrl });
      await connection.connect();
      try {
        for (const { table_name: table } of (await connection.query(tablesQuery)).rows) {
          const rows = (await connection.query(rowsQuery(table))).rows;
          dumps.push([`table ${table}`, rows.map((row) => row.row as string).join("\n")]);
        }
      } finally {
        await connection.end();
      }
    } else {
      const database = new PGlite(path.join(server.dataDirectory, "pglite"));
      try {
        const tables = await database.query<{ table_name: string }>(tablesQuery);
        for (const { table_name: table } of tables.rows) {
          const rows = await database.query<{ row: string }>(rowsQuery(table));
          dumps.push([`table ${table}`, rows.rows.map((row) => row.row).join("\n")]);
        }
      } finally {
        await database.close();
      }
    }
    const shareTable = dumps.find(([where]) => where === "table ShareLink")?.[1] ?? "";
    expect(shareTable).toContain(canaryLinkId);
    for (const [where, haystack] of dumps) expectNoSecrets(haystack, canary, where);
    const log = fs.readFileSync(server.logFile);
    expect(log.length).toBeGreaterThan(0);
    expectNoSecrets(log, canary, "the server log");
  }, 240_000);
});
