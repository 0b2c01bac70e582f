// The canary for DESIGN's central promise: the server never sees a master password, a
// password-equivalent, a private key or the Secret Key. A full account life cycle runs against a
// fresh server per engine; then every byte the server received or sent, everything it logged
// and everything it stored is searched for every client-side secret, in every common spelling.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bearerCredential,
  formatSecretKey,
  getSodium,
  parseMachineToken,
  toBase64Url,
  unwrapServiceAccountPrivateKey,
} from "@/lib/crypto";
import type { MachineAccessResponse, ServiceAccountDetailResponse } from "@/lib/api/machine";
import { openMachineAccess } from "@/lib/sdk/machine-client";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
} from "@/lib/sdk/service-accounts";
import { ApiClient, makeAccount, type DerivedSecrets } from "../support/protocol-client";
import { changePassword, createInvite, signedInClient } from "../support/flows";
import { expectNoSecrets, findSecrets, type SecretValue } from "../support/secrets";
import { VaultClient } from "../support/vault-client";
import type { ItemPlaintext } from "@/lib/crypto";
import {
  dropPostgresDatabase,
  postgresAvailable,
  startServer,
  type DatabaseKind,
  type RunningServer,
} from "../support/server";

const engines: Array<{ kind: DatabaseKind; port: number }> = [{ kind: "pglite", port: 3220 }];
if (await postgresAvailable()) engines.push({ kind: "postgresql", port: 3221 });
else if (process.env.CI) throw new Error("PostgreSQL at 127.0.0.1:5432 is required under CI");

describe("the secret detector", () => {
  // Chosen so that its base64, unpadded base64 and base64url spellings all differ.
  const secret = new Uint8Array(32).map((_, index) => (index * 53 + 251) & 0xff);
  const secrets = { "member.userKey": secret, "member.password": "hunter2 but longer" };

  it.each([
    ["base64", Buffer.from(secret).toString("base64")],
    ["base64 without padding", Buffer.from(secret).toString("base64").replace(/=+$/, "")],
    ["base64url", Buffer.from(secret).toString("base64url")],
    ["hex", Buffer.from(secret).toString("hex")],
    ["HEX", Buffer.from(secret).toString("hex").toUpperCase()],
  ])("reports a secret written as %s, naming it and the place", (encoding, spelled) => {
    const haystack = `{"ok":true,"debug":"${spelled}"}`;
    expect(findSecrets(haystack, secrets)).toContainEqual({
      secret: "member.userKey",
      encoding,
      offset: 20,
    });
    expect(() => expectNoSecrets(haystack, secrets, "a response")).toThrow(
      `member.userKey as ${encoding} at offset 20 of a response`,
    );
  });

  it("reports raw bytes and UTF-8 passwords in binary data", () => {
    const haystack = Buffer.concat([
      Buffer.alloc(100, 0xff),
      Buffer.from(secret),
      Buffer.from("hunter2 but longer"),
    ]);
    expect(
      findSecrets(haystack, secrets).map((sighting) => [sighting.secret, sighting.encoding]),
    ).toEqual([
      ["member.userKey", "raw bytes"],
      ["member.password", "utf-8"],
    ]);
  });

  it("stays quiet when no secret is present", () => {
    expect(() =>
      expectNoSecrets(`{"wrapped":"${toBase64Url(new Uint8Array(32))}"}`, secrets),
    ).not.toThrow();
  });
});

/** Every client-side secret of one account, named for the report. */
function accountSecrets(
  prefix: string,
  password: string,
  secretKey: Uint8Array,
  derived: Partial<DerivedSecrets>,
) {
  const kit = formatSecretKey(secretKey);
  const named: Record<string, SecretValue> = {
    [`${prefix}.password`]: password,
    [`${prefix}.secretKey`]: secretKey,
    [`${prefix}.secretKey kit`]: kit,
    [`${prefix}.secretKey kit compact`]: kit.replace(/-/g, ""),
  };
  for (const [name, value] of Object.entries(derived)) {
    named[`${prefix}.${name}`] = value;
    // An Ed25519 private key is seed ‖ public key: the seed alone is the secret.
    if (name.endsWith("loginPrivateKey") || name.endsWith("signPrivateKey")) {
      named[`${prefix}.${name} seed`] = value.slice(0, 32);
    }
  }
  return named;
}

function filesUnder(directory: string): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const tablesQuery = `SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
const rowsQuery = (table: string) => `SELECT t::text AS row FROM "${table.replace(/"/g, '""')}" t`;

describe.each(engines)("zero knowledge on $kind", ({ kind, port }) => {
  let server: RunningServer;
  let stopped = false;
  const clients: ApiClient[] = [];
  const client = () => {
    const made = new ApiClient(server.url);
    clients.push(made);
    return made;
  };
  // Secrets no request or response may contain.
  let secrets: Record<string, SecretValue> = {};
  // Bearer values the protocol hands to clients but the server must keep only as hashes.
  let bearers: Record<string, SecretValue> = {};

  const stopServer = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };

  beforeAll(async () => {
    await getSodium();
    server = await startServer({ kind, port });
    const tag = Math.random().toString(36).slice(2, 10);

    // Setup: the owner's account is made in the "browser" and only its public and wrapped
    // parts are sent.
    const owner = await makeAccount({
      email: "owner@zk.test",
      name: "Owner",
      password: `owner passphrase ${tag}`,
    });
    const setup = await client().request("/api/v1/setup", {
      json: { organizationName: "Zero Knowledge Ltd", account: owner.account },
    });
    expect(setup.status).toBe(201);

    const ownerClient = client();
    const ownerSignIn = await ownerClient.signIn(owner.secrets);
    expect(ownerSignIn.signedIn).toBe(true);
    expect((await ownerClient.unlock(ownerSignIn.accountUnlockKey)).userKey).toEqual(
      owner.derived.userKey,
    );

    // Invite and sign-up of a member.
    const { token } = await createInvite(ownerClient, "member@zk.test");
    const member = await makeAccount({
      email: "member@zk.test",
      name: "Member",
      password: `member passphrase ${tag}`,
    });
    const memberClient = client();
    expect((await memberClient.request("/api/v1/invites/lookup", { json: { token } })).status).toBe(
      200,
    );
    expect(
      (
        await memberClient.request("/api/v1/signup", {
          json: { inviteToken: token, account: member.account },
        })
      ).status,
    ).toBe(201);

    const memberSignIn = await memberClient.signIn(member.secrets);
    expect(memberSignIn.signedIn).toBe(true);
    expect((await memberClient.unlock(memberSignIn.accountUnlockKey)).userKey).toEqual(
      member.derived.userKey,
    );

    // A failed attempt and some admin reads, so those paths are covered too.
    expect((await client().signIn({ ...member.secrets, password: `wrong ${tag}` })).signedIn).toBe(
      false,
    );
    for (const path of [
      "/api/v1/users",
      "/api/v1/invites",
      "/api/v1/sessions",
      "/api/v1/account/keys",
    ]) {
      expect((await ownerClient.request(path)).status).toBe(200);
    }

    // Password change, then sign-in with the new password.
    const changed = await changePassword(
      memberClient,
      member.secrets,
      `new member passphrase ${tag}`,
    );
    expect(changed.response.status).toBe(200);
    const { client: newClient, accountUnlockKey } = await signedInClient(
      server.url,
      changed.secrets,
    );
    clients.push(newClient);
    expect((await newClient.unlock(accountUnlockKey)).userKey).toEqual(member.derived.userKey);

    const after = changed.derived;
    const newDerived = {
      slowHash: after.slowHash,
      root: after.root,
      accountUnlockKey: after.accountUnlockKey,
      loginPrivateKey: after.loginPrivateKey,
    };
    secrets = {
      ...accountSecrets("owner", owner.secrets.password, owner.secrets.secretKey, owner.derived),
      ...accountSecrets(
        "member",
        member.secrets.password,
        member.secrets.secretKey,
        member.derived,
      ),
      ...accountSecrets(
        "member after change",
        changed.secrets.password,
        member.secrets.secretKey,
        newDerived,
      ),
    };
    bearers = { inviteToken: token };

    // Vaults: everything a person types into a vault or an item is plaintext the server must
    // never see, and so is every vault key, before and after rotation.
    const ownerVaults = await VaultClient.signIn(server.url, owner.secrets);
    const memberVaults = await VaultClient.signIn(server.url, changed.secrets);
    clients.push(ownerVaults.api, memberVaults.api);
    await memberVaults.trust(owner.secrets.userId);
    const typed = {
      vaultName: `Canary vault ${tag}`,
      title: `Canary title ${tag}`,
      fieldName: `canary-field-${tag}`,
      fieldValue: `canary-value-${tag}`,
      secretValue: `canary-secret-${tag}`,
      changedSecret: `canary-rotated-secret-${tag}`,
      notes: `canary notes ${tag}`,
      url: `https://canary-${tag}.example`,
      tag: `canary-tag-${tag}`,
    };
    const plaintext: ItemPlaintext = {
      type: "login",
      title: typed.title,
      fields: [
        { name: typed.fieldName, value: typed.fieldValue, secret: false, kind: "text" },
        { name: "password", value: typed.secretValue, secret: true, kind: "password" },
      ],
      notes: typed.notes,
      urls: [typed.url],
      tags: [typed.tag],
    };
    const { vaultId } = await ownerVaults.createVault(typed.vaultName, "production");
    await ownerVaults.addItem(vaultId, plaintext);
    expect((await ownerVaults.shareWith(vaultId, member.secrets.userId, "edit")).status).toBe(201);
    const seen = await memberVaults.openVault(vaultId);
    expect(seen.items[0]?.plaintext.title).toBe(typed.title);
    const updated = await memberVaults.updateItem(vaultId, seen.items[0]!, {
      ...plaintext,
      fields: [plaintext.fields[0]!, { ...plaintext.fields[1]!, value: typed.changedSecret }],
    });
    expect(updated.status).toBe(200);
    const rotated = await ownerVaults.rotate(vaultId, [member.secrets.userId]);
    expect(rotated.response.status).toBe(200);
    const vaultKeys = Object.fromEntries(
      [...(ownerVaults.keys.get(vaultId) ?? new Map<number, Uint8Array>())].map(
        ([version, key]) => [`vault key v${version}`, key],
      ),
    );
    expect(Object.keys(vaultKeys)).toHaveLength(2);
    secrets = { ...secrets, ...typed, ...vaultKeys };

    // A service account: its keys and saKey are made here, a token's tokenKey never leaves
    // the machine, and the auth secret is kept by the server only as a hash.
    const person = ownerVaults.personKeys();
    const account = buildServiceAccount({
      person,
      name: `canary-machine-${tag}`,
      description: "",
      maxTokenTtlSeconds: 3600,
    });
    expect(
      (await ownerVaults.api.request("/api/v1/service-accounts", { json: account })).status,
    ).toBe(201);
    const accountDetail = (await ownerVaults.api.request(`/api/v1/service-accounts/${account.id}`))
      .body as ServiceAccountDetailResponse;
    const saKey = unsealServiceAccountKey(person, accountDetail);
    const current = await ownerVaults.current(vaultId);
    const machineGrant = buildServiceAccountGrant({
      person,
      saKey,
      detail: accountDetail,
      accountBoxPublicKey: account.keys.boxPublicKey,
      vaultId,
      vaultKey: current.key,
      keyVersion: current.keyVersion,
      scope: "read",
    });
    expect(
      (
        await ownerVaults.api.request(`/api/v1/vaults/${vaultId}/service-accounts`, {
          json: machineGrant,
        })
      ).status,
    ).toBe(201);
    const minted = buildMachineToken({ saKey, kind: "sa", ttlSeconds: 600 });
    expect(
      (
        await ownerVaults.api.request(`/api/v1/service-accounts/${account.id}/tokens`, {
          json: minted.request,
        })
      ).status,
    ).toBe(201);
    const machineToken = parseMachineToken(minted.token);
    const machine = client();
    const access = await machine.request("/api/v1/machine/access", {
      headers: { authorization: `Bearer ${bearerCredential(machineToken)}` },
    });
    expect(access.status).toBe(200);
    const opened = openMachineAccess(machineToken, access.body as MachineAccessResponse);
    expect(opened.vaults[0]?.items[0]?.plaintext.title).toBe(typed.title);
    secrets = {
      ...secrets,
      "service account saKey": saKey,
      "service account box private key": unwrapServiceAccountPrivateKey(
        saKey,
        account.keys.wrappedBoxPrivateKey,
        account.id,
        "box",
      ),
      "service account sign private key seed": unwrapServiceAccountPrivateKey(
        saKey,
        account.keys.wrappedSignPrivateKey,
        account.id,
        "sign",
      ).slice(0, 32),
      "machine tokenKey": machineToken.tokenKey,
      "machine token text": minted.token,
    };
    bearers = { ...bearers, "machine authSecret": machineToken.authSecret };
  });

  afterAll(async () => {
    if (!server) return;
    await stopServer();
    if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  it("collected every secret of the flow", () => {
    // Guards the guard: a refactor that stops collecting would make the checks below vacuous.
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(secrets)).toEqual(
      expect.arrayContaining([
        "owner.password",
        "owner.secretKey kit",
        "member.slowHash",
        "member.root",
        "member.accountUnlockKey",
        "member after change.accountUnlockKey",
        "member after change.password",
        "member.loginPrivateKey seed",
        "member.userKey",
        "member.boxPrivateKey",
        "member.signPrivateKey seed",
        "service account saKey",
        "service account box private key",
        "machine tokenKey",
      ]),
    );
  });

  it("sends no secret in any request or response", () => {
    const exchanges = clients.flatMap((each) => each.exchanges);
    expect(exchanges.length).toBeGreaterThan(20);
    for (const [index, exchange] of exchanges.entries()) {
      expectNoSecrets(exchange.request, secrets, `request ${index} (${exchange.url})`);
      expectNoSecrets(exchange.response, secrets, `response ${index} (${exchange.url})`);
    }
  });

  it("stores no secret and no bearer token in the database", async () => {
    const dumps: Array<[string, string | Buffer]> = [];
    if (kind === "postgresql") {
      const databaseUrl = server.databaseUrl!;
      if (fs.existsSync("/usr/bin/pg_dump")) {
        const dump = spawnSync("/usr/bin/pg_dump", ["--no-owner", databaseUrl], {
          encoding: "utf8",
        });
        expect(dump.status, dump.stderr).toBe(0);
        dumps.push(["pg_dump", dump.stdout]);
      }
      const connection = new pg.Client({ connectionString: databaseUrl });
      await connection.connect();
      try {
        for (const { table_name: table } of (await connection.query(tablesQuery)).rows) {
          const rows = (await connection.query(rowsQuery(table))).rows.map(
            (row) => row.row as string,
          );
          dumps.push([`table ${table}`, rows.join("\n")]);
        }
      } finally {
        await connection.end();
      }
    } else {
      // PGlite allows one process per directory: stop the server, then read its files.
      await stopServer();
      const directory = path.join(server.dataDirectory, "pglite");
      const database = new PGlite(directory);
      try {
        const tables = await database.query<{ table_name: string }>(tablesQuery);
        for (const { table_name: table } of tables.rows) {
          const rows = await database.query<{ row: string }>(rowsQuery(table));
          dumps.push([`table ${table}`, rows.rows.map((row) => row.row).join("\n")]);
        }
      } finally {
        await database.close();
      }
      for (const file of filesUnder(directory))
        dumps.push([`file ${path.relative(directory, file)}`, fs.readFileSync(file)]);
    }

    const tables = dumps.filter(([where]) => where.startsWith("table "));
    expect(tables.map(([where]) => where)).toEqual(
      expect.arrayContaining(["table User", "table Session", "table Invite"]),
    );
    // The dump really holds the flow's data (so an empty dump cannot pass).
    expect(tables.find(([where]) => where === "table User")?.[1]).toContain("member@zk.test");
    for (const [where, haystack] of dumps)
      expectNoSecrets(haystack, { ...secrets, ...bearers }, where);
  });

  it("logs no secret and no bearer token", async () => {
    await stopServer();
    const log = fs.readFileSync(server.logFile);
    expect(log.length).toBeGreaterThan(0);
    expectNoSecrets(log, { ...secrets, ...bearers }, "the server log");
  });
});
