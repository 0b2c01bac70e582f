// `coffer export` as a subprocess of the built CLI against the real server on both databases:
// an encrypted file written 0600 that imports back field for field, no overwrite without
// --force, plain files only with a warning on stderr, stdout only with `--output -`, and a
// one-line refusal with its exit code for every bad option.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSodium } from "@/lib/crypto";
import { cofferParser } from "@/lib/sdk/import/coffer";
import { EXIT } from "../../cli/errors";
import { sampleExportContent } from "../fixtures/export/sample-content";
import { buildCli, runCli } from "../support/cli";
import { signInCli } from "../support/cli-login";
import { comparableContent, seedSampleVaults } from "../support/export-seed";
import type { AccountSecrets } from "../support/protocol-client";
import { invitedVaultClient, ownerVaultClient } from "../support/vault-client";

vi.setConfig({ testTimeout: 240_000 });

const passphrase = "cli export passphrase";
const folders: string[] = [];

function freshFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-export-"));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(inject("servers"))("coffer export on $kind", (server) => {
  let env: Record<string, string>;
  let work: string;
  let passwordFile: string;

  const signIn = (secrets: AccountSecrets) => signInCli(server.url, secrets, freshFolder());

  const cli = (args: string[]) => runCli(args, { env, cwd: work });

  beforeAll(async () => {
    buildCli();
    await getSodium();
    const person = await invitedVaultClient(server, await ownerVaultClient(server), {
      label: "cli-export",
    });
    await seedSampleVaults(person);
    env = await signIn(person.credentials);
    work = freshFolder();
    passwordFile = path.join(work, "passphrase.txt");
    fs.writeFileSync(passwordFile, `${passphrase}\n`, { mode: 0o600 });
  });

  it("writes an encrypted file only its owner can read, which imports back exactly", async () => {
    const output = path.join(work, "vaults.coffer");
    const run = await cli([
      "export",
      "--output",
      output,
      "--password-file",
      passwordFile,
      "--history",
    ]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Exported 3 vaults, 6 items");
    expect(fs.statSync(output).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(output, "utf8");
    expect(text.startsWith("coffer-export v1\n")).toBe(true);
    expect(text).not.toContain("sk_test_123");
    const parsed = await cofferParser.parse(
      { name: "vaults.coffer", bytes: new Uint8Array(fs.readFileSync(output)) },
      { password: passphrase },
    );
    const content = {
      exportedAt: "",
      vaults: sampleExportContent.vaults.map((vault) => ({
        name: vault.name,
        items: parsed.items
          .filter((item) => item.folder[0] === vault.name)
          .map((item) => ({ plaintext: item.plaintext, history: item.history })),
      })),
    };
    expect(comparableContent(content)).toEqual(comparableContent(sampleExportContent));
  });

  it("reads back with coffer import --dry-run --json, and refuses a wrong passphrase in one line", async () => {
    const output = path.join(work, "for-import.coffer");
    const run = await cli([
      "export",
      "--output",
      output,
      "--password-file",
      passwordFile,
      "--history",
    ]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const dryRun = await cli([
      "import",
      output,
      "--dry-run",
      "--json",
      "--password-file",
      passwordFile,
    ]);
    expect(dryRun.code, dryRun.stderr).toBe(EXIT.ok);
    expect(JSON.parse(dryRun.stdout)).toEqual({
      format: "coffer",
      items: 6,
      byType: { login: 1, env_file: 1, database: 1, ssh_key: 1, api_key: 1, note: 1 },
      withTotp: 1,
      folders: 3,
      warnings: [],
    });
    const wrongFile = path.join(work, "wrong.txt");
    fs.writeFileSync(wrongFile, "not the passphrase at all\n");
    const wrong = await cli([
      "import",
      output,
      "--dry-run",
      "--json",
      "--password-file",
      wrongFile,
    ]);
    expect(wrong.code).toBe(EXIT.wrongPassword);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1);
    expect(wrong.stderr).toContain("The passphrase is wrong, or the file was changed");
  });

  it("refuses to overwrite a file without --force, and leaves it as it was", async () => {
    const output = path.join(work, "kept.coffer");
    fs.writeFileSync(output, "keep me");
    const refused = await cli(["export", "--output", output, "--password-file", passwordFile]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("--force");
    expect(fs.readFileSync(output, "utf8")).toBe("keep me");
    const forced = await cli([
      "export",
      "--output",
      output,
      "--password-file",
      passwordFile,
      "--force",
    ]);
    expect(forced.code, forced.stderr).toBe(EXIT.ok);
    expect(fs.readFileSync(output, "utf8").startsWith("coffer-export v1\n")).toBe(true);
    expect(fs.statSync(output).mode & 0o777).toBe(0o600);
  });

  it("prints a plain file on stdout only with --output -, warning on stderr", async () => {
    const run = await cli(["export", "--format", "json", "--output", "-", "--vault", "Personal"]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stderr).toContain("anyone with this file can read every secret in it");
    const value = JSON.parse(run.stdout);
    expect(value.vaults.map((vault: { name: string }) => vault.name)).toEqual(["Personal"]);
    const csvFile = path.join(work, "vaults.csv");
    const csv = await cli(["export", "--format", "csv", "--output", csvFile]);
    expect(csv.code, csv.stderr).toBe(EXIT.ok);
    expect(csv.stdout).toBe("");
    expect(csv.stderr).toContain("anyone with this file");
    expect(fs.readFileSync(csvFile, "utf8")).toContain("4111 1111 1111 1111");
    expect(fs.statSync(csvFile).mode & 0o777).toBe(0o600);
  });

  it("names the default file by date and format", async () => {
    const run = await cli(["export", "--password-file", passwordFile, "--vault", "Personal"]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const name = `coffer-export-${new Date().toISOString().slice(0, 10)}.coffer`;
    expect(fs.existsSync(path.join(work, name))).toBe(true);
  });

  it("refuses bad options in one line with the documented exit code, writing nothing", async () => {
    const shortFile = path.join(work, "short.txt");
    fs.writeFileSync(shortFile, "short\n");
    const cases: Array<[string[], number, RegExp]> = [
      [["--format", "zip"], EXIT.usage, /--format must be one of coffer, json, csv/],
      [["--password-file", shortFile], EXIT.usage, /at least 10 characters/],
      [
        ["--password-file", path.join(work, "missing")],
        EXIT.usage,
        /Cannot read the password file/,
      ],
      [["--format", "csv", "--password-file", passwordFile], EXIT.usage, /plain files have none/],
      [["--password-file", passwordFile, "--vault", "Nope"], EXIT.notFound, /No vault named Nope/],
      [[], EXIT.usage, /stdin is not a terminal: pass --password-file/],
    ];
    for (const [args, code, message] of cases) {
      const output = path.join(work, "refused.out");
      const run = await cli(["export", "--output", output, ...args]);
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(code);
      expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(fs.existsSync(output), args.join(" ")).toBe(false);
    }
  });
});
