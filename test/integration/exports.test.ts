// Export (issue 10): what one account exports imports into another field for field, history
// included; the server records every export with its kind and counts before the file exists,
// refuses plain files without a fresh key check, and refuses bad bodies without recording.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getSodium, KDF_FLOOR } from "@/lib/crypto";
import type { AuditEventDto } from "@/lib/api/audit";
import { buildExport, collectExport, exportEnvFile, type BuiltExport } from "@/lib/sdk/export";
import { commitImport } from "@/lib/sdk/import/commit";
import { cofferParser } from "@/lib/sdk/import/coffer";
import { planImport } from "@/lib/sdk/import/plan";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import { sampleExportContent } from "../fixtures/export/sample-content";
import { comparableContent, seedSampleVaults } from "../support/export-seed";
import { assert, enrolKey } from "../support/mfa-client";
import { ApiClient, cookieJarHttpPort, makeAccount } from "../support/protocol-client";
import { expectRefused } from "../support/sdk-refusals";
import { sleep, startServer, type RunningServer } from "../support/server";
import { SoftAuthenticator } from "../support/soft-authenticator";
import { invitedVaultClient, ownerVaultClient, VaultClient } from "../support/vault-client";

const floor = { alg: "argon2id13", ...KDF_FLOOR } as const;
const passphrase = "export passphrase, long enough";
const encoder = new TextEncoder();

async function exportEvents(admin: ApiClient): Promise<AuditEventDto[]> {
  const response = await admin.request("/api/v1/audit?action=export.&limit=1000");
  expect(response.status).toBe(200);
  return (response.body as { events: AuditEventDto[] }).events;
}

describe.each(inject("servers"))("exports on $kind", (server) => {
  let owner: VaultClient;
  let vaultIds: string[];
  let exported: BuiltExport;

  beforeAll(async () => {
    await getSodium();
    owner = await ownerVaultClient(server);
    vaultIds = await seedSampleVaults(owner);
    exported = await buildExport(
      { session: owner.session, http: cookieJarHttpPort(owner.api), kdf: directKdfRunner },
      { format: "coffer", passphrase, history: true, vaults: vaultIds, kdfParams: floor },
    );
  });

  it("exports every chosen vault with every item and its earlier versions", () => {
    expect(exported.vaultCount).toBe(3);
    expect(exported.itemCount).toBe(6);
    expect(exported.omitted).toEqual([]);
    expect(exported.text.startsWith("coffer-export v1\n")).toBe(true);
    for (const secret of ["first-password", "sk_test_123", "Grafana"]) {
      expect(exported.text).not.toContain(secret);
    }
  });

  it("imports into another account field for field, history included", async () => {
    const parsed = await cofferParser.parse(
      { name: "vaults.coffer", bytes: encoder.encode(exported.text) },
      { password: passphrase },
    );
    const recipient = await invitedVaultClient(server, owner, { label: "export-recipient" });
    const committed = await commitImport(
      recipient.session,
      planImport(parsed, { mode: "per-folder" }),
    );
    expect(committed.failures).toEqual([]);
    expect(committed.committed).toBe(6);
    const reexported = await collectExport(recipient.session, { history: true });
    expect(comparableContent(reexported.content)).toEqual(comparableContent(sampleExportContent));
  });

  it("records the export with its kind and counts, and nothing of the content", async () => {
    const [event] = (await exportEvents(owner.api)).filter(
      (candidate) => candidate.actorId === owner.userId && candidate.details.kind === "encrypted",
    );
    expect(event?.details).toEqual({ kind: "encrypted", vaults: 3, items: 6, history: true });
    expect(JSON.stringify(event)).not.toContain("Grafana");
  });

  it("records a plain export and a .env download of one item", async () => {
    const before = (await exportEvents(owner.api)).length;
    const csv = await buildExport(
      { session: owner.session, http: cookieJarHttpPort(owner.api), kdf: directKdfRunner },
      { format: "csv", history: true, vaults: [vaultIds[1]!] },
    );
    expect(csv.text.split("\n")[0]).toBe(
      "vault,type,title,username,password,urls,totp,notes,tags,fields",
    );
    const { items } = await owner.openVault(vaultIds[0]!);
    const envItem = items.find((item) => item.plaintext.type === "env_file")!;
    const env = await exportEnvFile(cookieJarHttpPort(owner.api), {
      vaultId: vaultIds[0]!,
      itemId: envItem.id,
      plaintext: envItem.plaintext,
    });
    expect(env.text).toContain("DATABASE_URL=");
    const events = (await exportEvents(owner.api)).slice(0, 2);
    expect((await exportEvents(owner.api)).length).toBe(before + 2);
    expect(events.map((event) => [event.details, event.targetId, event.vaultId])).toEqual([
      [{ kind: "env", vaults: 1, items: 1, history: false }, envItem.id, vaultIds[0]],
      // A CSV has no history column: none is fetched, and the event says so.
      [{ kind: "csv", vaults: 1, items: 3, history: false }, null, null],
    ]);
  });

  it("refuses a .env export of an item the caller cannot read, and records nothing", async () => {
    const outsider = await invitedVaultClient(server, owner, { label: "export-outsider" });
    const { items } = await owner.openVault(vaultIds[0]!);
    const before = (await exportEvents(owner.api)).length;
    await expectRefused(
      exportEnvFile(cookieJarHttpPort(outsider.api), {
        vaultId: vaultIds[0]!,
        itemId: items[0]!.id,
        plaintext: items[0]!.plaintext,
      }),
      "not_found",
    );
    expect((await exportEvents(owner.api)).length).toBe(before);
  });

  it("answers a bad body with 400 naming the field, and records nothing", async () => {
    const before = (await exportEvents(owner.api)).length;
    const cases: Array<[unknown, string]> = [
      [{ kind: "zip", vaults: 1, items: 1 }, "kind"],
      [{ kind: "json", vaults: -1, items: 1 }, "vaults"],
      [{ kind: "csv", vaults: 1, items: 1.5 }, "items"],
      [{ kind: "encrypted", vaults: 1, items: 1, history: "yes" }, "history"],
      [{ kind: "env", vaults: 1, items: 1 }, "item"],
      [
        {
          kind: "json",
          vaults: 1,
          items: 1,
          item: { vaultId: vaultIds[0], itemId: "x".repeat(20) },
        },
        "item",
      ],
      [{ kind: "encrypted", vaults: 1, items: 1, content: "plaintext" }, ""],
    ];
    for (const [body, field] of cases) {
      const response = await owner.api.request("/api/v1/exports", { json: body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = (response.body as { error: { code: string; field?: string } }).error;
      expect(error.code).toBe("bad_request");
      if (field) expect(error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await exportEvents(owner.api)).length).toBe(before);
  });
});

// Step-up is about time: these servers give a key check a 3-second window.
const stepUpKinds = inject("servers").map((server) => server.kind);
const windowMs = 0.05 * 60_000;

describe.each(stepUpKinds)("plain exports need step-up on %s", (kind) => {
  let server: RunningServer;
  let client: VaultClient;
  let authenticator: SoftAuthenticator;
  const port = 3582 + stepUpKinds.indexOf(kind);

  beforeAll(async () => {
    await getSodium();
    server = await startServer({ kind, port, env: { COFFER_STEP_UP_MINUTES: "0.05" } });
    const made = await makeAccount({
      email: "owner@export-step-up.test",
      name: "Owner",
      password: "export step up owner",
    });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Export Ltd", account: made.account },
    });
    expect(setup.status).toBe(201);
    client = await VaultClient.signIn(server.url, made.secrets);
    authenticator = new SoftAuthenticator({ origin: server.url });
    await enrolKey(client.api, authenticator);
    await seedSampleVaults(client);
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    fs.rmSync(server.dataDirectory, { recursive: true, force: true });
  });

  const ports = () => ({
    session: client.session,
    http: cookieJarHttpPort(client.api),
    kdf: directKdfRunner,
  });

  it("refuses JSON and CSV after the window and writes no file; the encrypted file still works", async () => {
    await sleep(windowMs + 500);
    for (const format of ["json", "csv"] as const) {
      await expectRefused(buildExport(ports(), { format }), "step_up_required");
    }
    const encrypted = await buildExport(ports(), {
      format: "coffer",
      passphrase,
      kdfParams: floor,
    });
    expect(encrypted.itemCount).toBe(6);
    const events = await exportEvents(client.api);
    expect(events.map((event) => event.details.kind)).toEqual(["encrypted"]);
  });

  it("allows them again right after a key check", async () => {
    expect((await assert(client.api, authenticator)).status).toBe(200);
    const json = await buildExport(ports(), { format: "json", history: true });
    expect(JSON.parse(json.text).vaults).toHaveLength(3);
    expect((await exportEvents(client.api))[0]?.details).toEqual({
      kind: "json",
      vaults: 3,
      items: 6,
      history: true,
    });
  });
});
