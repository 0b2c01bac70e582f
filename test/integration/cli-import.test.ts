// `coffer import` as a person runs it, the built CLI against the real server on both databases:
// a dry run reads the file alone (no server, no session) and prints the summary; a real import
// encrypts on the terminal and writes through the batch route, into new vaults per folder or
// one vault by name; a wrong password and an unknown format end with their own exit codes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSodium } from "@/lib/crypto";
import { itemHistoryResponse } from "@/lib/api/vault";
import { parseImport, summarizeImport } from "@/lib/sdk/import";
import { openVault } from "@/lib/sdk/vaults";
import { EXIT } from "../../cli/errors";
import { buildCli, cleanEnv, runCli } from "../support/cli";
import { signInCli } from "../support/cli-login";
import type { AccountSecrets } from "../support/protocol-client";
import { invitedVaultClient, ownerVaultClient, type VaultClient } from "../support/vault-client";

vi.setConfig({ testTimeout: 240_000 });

const fixtures = path.join(process.cwd(), "test/fixtures/import");
const bitwarden = path.join(fixtures, "bitwarden-json/personal.json");
const protectedFile = path.join(fixtures, "bitwarden-json/protected-pbkdf2.json");
const fixturePassword = "correct horse battery staple";
const folders: string[] = [];

function freshFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-import-"));
  folders.push(dir);
  return dir;
}

function writeTemp(name: string, text: string): string {
  const file = path.join(freshFolder(), name);
  fs.writeFileSync(file, text);
  return file;
}

afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe("coffer import --dry-run", () => {
  beforeAll(() => buildCli());
  // Nothing configured: no server, no session file. A dry run needs neither.
  const offline = () => cleanEnv({ COFFER_CONFIG_DIR: freshFolder() });

  it("prints exactly the summary object of the file, format detected", async () => {
    const expected = summarizeImport(
      await parseImport({
        name: "personal.json",
        bytes: new Uint8Array(fs.readFileSync(bitwarden)),
      }),
    );
    const result = await runCli(["import", bitwarden, "--dry-run", "--json"], { env: offline() });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual([
      "format",
      "items",
      "byType",
      "withTotp",
      "folders",
      "warnings",
    ]);
    expect(expected).toMatchObject({ format: "bitwarden-json", items: 8, folders: 3 });
    // The file's secrets stay on the terminal: the summary has counts and warnings only.
    expect(result.stdout).not.toContain("c0rrect,h0rse");
  });

  it("opens a password-protected file with --password-file", async () => {
    const passwordFile = writeTemp("password.txt", `${fixturePassword}\n`);
    const result = await runCli(
      ["import", protectedFile, "--dry-run", "--json", "--password-file", passwordFile],
      { env: offline() },
    );
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: "bitwarden-json", items: 8 });
  });

  it("ends with exit 11 on a wrong password, and 2 when none can be asked for", async () => {
    const wrong = writeTemp("wrong.txt", "not the password\n");
    const refused = await runCli(["import", protectedFile, "--dry-run", "--password-file", wrong], {
      env: offline(),
    });
    expect(refused.code).toBe(EXIT.wrongPassword);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/^coffer: .*password/i);
    expect(refused.stdout).toBe("");

    // stdin is not a terminal here: no prompt, a sentence naming the option instead.
    const unasked = await runCli(["import", protectedFile, "--dry-run"], { env: offline() });
    expect(unasked.code).toBe(EXIT.usage);
    expect(unasked.stderr).toMatch(/--password-file/);
  });

  it("ends with exit 10 on a file in no known format, and 2 on an unknown --format", async () => {
    const notes = writeTemp("notes.bin", "\u0001\u0002 just some bytes, not an export\n");
    const unknown = await runCli(["import", notes, "--dry-run"], { env: offline() });
    expect(unknown.code).toBe(EXIT.unreadableImport);
    expect(unknown.stderr).toMatch(/^coffer: .*format/);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);

    const badFormat = await runCli(["import", bitwarden, "--dry-run", "--format", "word"], {
      env: offline(),
    });
    expect(badFormat.code).toBe(EXIT.usage);
    expect(badFormat.stderr).toMatch(/--format must be one of/);

    const missing = await runCli(["import", path.join(fixtures, "nope.json"), "--dry-run"], {
      env: offline(),
    });
    expect(missing.code).toBe(EXIT.usage);
  });

  it("needs a session for a real import", async () => {
    const result = await runCli(["import", bitwarden], { env: offline() });
    expect(result.code).toBe(EXIT.notSignedIn);
  });
});

describe.each(inject("servers"))("coffer import on $kind", (server) => {
  let person: VaultClient;
  let env: Record<string, string>;

  const signIn = (secrets: AccountSecrets) => signInCli(server.url, secrets, freshFolder());

  /** Every vault the person can open, by name, with its items decrypted by the SDK. */
  async function vaultsByName() {
    const { vaults } = await person.session.api.list();
    const opened = await Promise.all(vaults.map((vault) => openVault(person.session, vault)));
    return new Map(opened.map((vault) => [vault.name, vault]));
  }

  beforeAll(async () => {
    buildCli();
    await getSodium();
    person = await invitedVaultClient(server, await ownerVaultClient(server), {
      label: "cli-import",
    });
    env = await signIn(person.credentials);
  });

  it("imports a file into one new vault per folder, root items in one named after the file", async () => {
    const result = await runCli(["import", bitwarden], { env });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toMatch(/Imported 8 items into 3 vaults/);
    expect(result.stderr).not.toContain("c0rrect,h0rse");

    const vaults = await vaultsByName();
    expect([...vaults.keys()].sort()).toEqual(["Work", "Work / Servers", "personal"]);
    const servers = await person.openVault(vaults.get("Work / Servers")!.summary.id);
    expect(servers.items.map((item) => item.plaintext.title).sort()).toEqual([
      "CI deploy key",
      "Deploy host",
    ]);
    const deploy = servers.items.find((item) => item.plaintext.title === "Deploy host")!;
    expect(deploy.revision).toBe(3);
    expect(deploy.plaintext.fields).toContainEqual({
      name: "Password",
      value: 'c0rrect,h0rse "battery"',
      secret: true,
      kind: "password",
    });
    const history = await person.api.request(
      `/api/v1/vaults/${servers.detail.vault.id}/items/${deploy.id}/history`,
    );
    expect(itemHistoryResponse.parse(history.body).revisions.map((r) => r.revision)).toEqual([
      3, 2, 1,
    ]);
    const root = await person.openVault(vaults.get("personal")!.summary.id);
    expect(root.items).toHaveLength(5);
  });

  it("imports into a new vault by --vault, then into that existing vault, saying which", async () => {
    const passwordFile = writeTemp("password.txt", fixturePassword);
    const first = await runCli(
      ["import", protectedFile, "--vault", "From Bitwarden", "--password-file", passwordFile],
      { env },
    );
    expect(first.code, first.stderr).toBe(EXIT.ok);
    expect(first.stderr).toMatch(/into a new vault From Bitwarden/);

    const again = await runCli(["import", bitwarden, "--vault", "From Bitwarden"], { env });
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).toMatch(/into the existing vault From Bitwarden/);

    const vault = (await vaultsByName()).get("From Bitwarden")!;
    const opened = await person.openVault(vault.summary.id);
    expect(opened.items).toHaveLength(16);
    expect(opened.items.filter((item) => item.plaintext.title === "Company Visa")).toHaveLength(2);
  });
});
