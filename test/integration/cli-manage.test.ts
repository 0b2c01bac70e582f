// `coffer sa …` and `coffer token …` for a signed-in person, as subprocesses of the built CLI
// against the real server on both databases: the account's keys and each token's saKey wrapping
// are made on the terminal; a grant seals only to a fingerprint-confirmed key; the token a
// person made reads with `coffer read`, shows its uses, and stops reading once revoked.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { MachineTokenDto, ServiceAccountDetailResponse } from "@/lib/api/machine";
import type { ServiceAccountSummaryDto } from "@/lib/api/machine";
import { getSodium, machineTokenId, parseMachineToken } from "@/lib/crypto";
import { buildServiceAccount } from "@/lib/sdk/service-accounts";
import { accountFingerprint } from "@/lib/sdk/vaults";
import { EXIT } from "../../cli/errors";
import { buildCli, CLI_PATH, cleanEnv, envFileItem, runCli, waitFor } from "../support/cli";
import { signInCli } from "../support/cli-login";
import type { AccountSecrets } from "../support/protocol-client";
import { invitedVaultClient, ownerVaultClient, type VaultClient } from "../support/vault-client";

// Each test starts the CLI many times; a cold start takes seconds on a loaded CI machine.
vi.setConfig({ testTimeout: 240_000 });

const apiKey = "sk_live_cli_manage_canary_5130";
const folders: string[] = [];

function freshFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-manage-"));
  folders.push(dir);
  return dir;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * The built CLI on a pseudo-terminal (util-linux `script`), answering its first `[y/N]` prompt
 * with `answer`: what a person at a terminal does. Resolves to the exit code and the screen.
 */
async function onTerminal(args: string[], env: Record<string, string>, answer: string) {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let screen = "";
  child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  await waitFor(() => screen.includes("[y/N]"), "the confirmation prompt");
  child.stdin.write(`${answer}\n`);
  return { code: await closed, screen: () => screen };
}

afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(inject("servers"))("coffer sa and token on $kind", (server) => {
  let person: VaultClient;
  let env: Record<string, string>;
  const vaultName = `Managed ${Math.random().toString(36).slice(2, 8)}`;
  const ref = `coffer://${encodeURIComponent(vaultName)}/app.env/API_KEY`;

  const signIn = (secrets: AccountSecrets) => signInCli(server.url, secrets, freshFolder());

  const cli = (args: string[]) => runCli(args, { env });
  const readWith = (token: string) =>
    runCli(["read", ref], { env: cleanEnv({ COFFER_URL: server.url, COFFER_TOKEN: token }) });

  async function accounts(): Promise<ServiceAccountSummaryDto[]> {
    const listed = await cli(["sa", "list", "--json"]);
    expect(listed.code, listed.stderr).toBe(EXIT.ok);
    return JSON.parse(listed.stdout) as ServiceAccountSummaryDto[];
  }

  async function tokens(account: string): Promise<MachineTokenDto[]> {
    const listed = await cli(["token", "list", account, "--json"]);
    expect(listed.code, listed.stderr).toBe(EXIT.ok);
    return JSON.parse(listed.stdout) as MachineTokenDto[];
  }

  async function detail(id: string) {
    const response = await person.api.request(`/api/v1/service-accounts/${id}`);
    expect(response.status).toBe(200);
    return response.body as ServiceAccountDetailResponse;
  }

  beforeAll(async () => {
    buildCli();
    await getSodium();
    person = await invitedVaultClient(server, await ownerVaultClient(server), {
      label: "cli-manage",
    });
    const { vaultId } = await person.createVault(vaultName, "staging");
    await person.addItem(vaultId, envFileItem("app.env", { API_KEY: apiKey }));
    env = await signIn(person.credentials);
  });

  it("creates an account and a token on the terminal; the token reads, counts its uses, and stops once revoked", async () => {
    const name = `deploy-${Math.random().toString(36).slice(2, 8)}`;
    const created = await cli([
      "sa",
      "create",
      name,
      "--description",
      "deploys",
      "--max-token-ttl",
      "2h",
      "--json",
    ]);
    expect(created.code, created.stderr).toBe(EXIT.ok);
    const { id } = JSON.parse(created.stdout) as { id: string };
    expect(await accounts()).toContainEqual(
      expect.objectContaining({
        id,
        name,
        description: "deploys",
        status: "active",
        maxTokenTtlSeconds: 7200,
        manages: true,
      }),
    );

    // The creator made the keys and pinned them confirmed: no fingerprint to compare.
    const granted = await cli(["sa", "grant", name, vaultName]);
    expect(granted.code, granted.stderr).toBe(EXIT.ok);
    expect((await detail(id)).grants).toEqual([expect.objectContaining({ scope: "read" })]);

    const tokenFile = path.join(freshFolder(), "token");
    const made = await cli([
      "token",
      "create",
      name,
      "--uses",
      "5",
      "--expires",
      "10m",
      "--out",
      tokenFile,
    ]);
    expect(made.code, made.stderr).toBe(EXIT.ok);
    expect(made.stdout).toBe("");
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = fs.readFileSync(tokenFile, "utf8").trim();
    const tokenId = machineTokenId(parseMachineToken(token));
    expect(made.stderr).toContain(tokenId);
    expect(made.stderr).not.toContain(token);

    const read = await readWith(token);
    expect(read.code, read.stderr).toBe(EXIT.ok);
    expect(read.stdout).toBe(`${apiKey}\n`);

    const [listed] = await tokens(name);
    expect(listed).toMatchObject({ id: tokenId, kind: "sa", maxUses: 5, status: "active" });
    expect(listed!.usesLeft).toBeLessThan(5);
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(listed!.lastUsedAddress).not.toBeNull();
    const text = await cli(["token", "list", name]);
    expect(text.stdout).toContain(`${tokenId}  sa  active`);
    expect(text.stdout).toContain("uses left, last used");

    // Without a terminal to ask, revoking needs --yes; nothing is revoked without it.
    // The token's id may begin with "-", so it goes after "--" as docs/cli.md says.
    const unconfirmed = await cli(["token", "revoke", "--", name, tokenId]);
    expect(unconfirmed.code).toBe(EXIT.usage);
    expect(unconfirmed.stderr).toContain("pass --yes");
    expect((await tokens(name))[0]!.status).toBe("active");

    const revoked = await cli(["token", "revoke", "--yes", "--", name, tokenId]);
    expect(revoked.code, revoked.stderr).toBe(EXIT.ok);
    expect((await tokens(name))[0]!.status).toBe("revoked");
    const refused = await readWith(token);
    expect(refused.code).toBe(EXIT.tokenEnded);
    expect(refused.stdout).toBe("");

    // Printed to stdout when there is no --out; a disabled account's token is refused. An id
    // may begin with "-", so it goes after "--", as docs/cli.md says.
    const printed = await cli(["token", "create", "--cidr", "0.0.0.0/0", "--", id]);
    expect(printed.code, printed.stderr).toBe(EXIT.ok);
    const second = printed.stdout.trim();
    expect(parseMachineToken(second).kind).toBe("sa");
    expect((await cli(["sa", "disable", name])).code).toBe(EXIT.ok);
    expect((await readWith(second)).code).toBe(EXIT.forbidden);
    expect((await accounts()).find((entry) => entry.id === id)?.status).toBe("disabled");
    expect((await cli(["sa", "enable", "--", id])).code).toBe(EXIT.ok);
    expect((await readWith(second)).stdout).toBe(`${apiKey}\n`);
  });

  it("grants a vault only after the account's fingerprint is confirmed, and refuses a mismatch", async () => {
    // An account this person did not pin: made through the API, as another device would.
    const request = buildServiceAccount({
      person: person.personKeys(),
      name: `unpinned-${Math.random().toString(36).slice(2, 8)}`,
      description: "",
      maxTokenTtlSeconds: 3600,
    });
    const created = await person.api.request("/api/v1/service-accounts", { json: request });
    expect(created.status).toBe(201);
    const fingerprint = accountFingerprint((await detail(request.id)).serviceAccount)!;

    const unasked = await cli(["sa", "grant", request.name, vaultName]);
    expect(unasked.code).toBe(EXIT.usage);
    expect(unasked.stderr).toContain(fingerprint.words.join(" "));
    expect(unasked.stderr).toContain(fingerprint.hex);

    const wrong = [...fingerprint.words].reverse().join(" ");
    const mismatch = await cli(["sa", "grant", request.name, vaultName, "--fingerprint", wrong]);
    expect(mismatch.code).toBe(EXIT.forbidden);
    expect(mismatch.stderr).toContain("does not match");
    expect((await detail(request.id)).grants).toEqual([]);

    const matched = await cli([
      "sa",
      "grant",
      request.name,
      vaultName,
      "--scope",
      "readwrite",
      "--fingerprint",
      fingerprint.hex.toUpperCase(),
    ]);
    expect(matched.code, matched.stderr).toBe(EXIT.ok);
    expect((await detail(request.id)).grants).toEqual([
      expect.objectContaining({ scope: "readwrite" }),
    ]);
  });

  it("refuses bad input with the bad-usage exit and changes nothing", async () => {
    const name = `strict-${Math.random().toString(36).slice(2, 8)}`;
    const before = (await accounts()).length;
    expect((await cli(["sa", "create", name, "--max-token-ttl", "soon"])).code).toBe(EXIT.usage);
    expect((await cli(["sa", "create"])).code).toBe(EXIT.usage);
    expect((await accounts()).length).toBe(before);

    expect((await cli(["sa", "create", name])).code).toBe(EXIT.ok);
    for (const args of [
      ["token", "create", name, "--uses", "0"],
      ["token", "create", name, "--kind", "root"],
      ["token", "create", name, "--expires", "forever"],
      ["token", "create", name, "--cidr", "everywhere"],
      ["sa", "grant", name, vaultName, "--scope", "write"],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(EXIT.usage);
      expect(result.stdout, args.join(" ")).toBe("");
    }
    expect(await tokens(name)).toEqual([]);
    const id = (await accounts()).find((entry) => entry.name === name)!.id;
    expect((await detail(id)).grants).toEqual([]);
    expect((await cli(["token", "list", "no-such-account"])).code).toBe(EXIT.notFound);
  });

  it("asks on a terminal before revoking or trusting a fingerprint, and does nothing on no", async () => {
    const name = `asked-${Math.random().toString(36).slice(2, 8)}`;
    expect((await cli(["sa", "create", name])).code).toBe(EXIT.ok);
    const made = await cli(["token", "create", name]);
    expect(made.code, made.stderr).toBe(EXIT.ok);
    const tokenId = machineTokenId(parseMachineToken(made.stdout.trim()));

    const declined = await onTerminal(["token", "revoke", "--", name, tokenId], env, "n");
    expect(declined.code).toBe(EXIT.failure);
    expect((await tokens(name))[0]!.status).toBe("active");
    const accepted = await onTerminal(["token", "revoke", "--", name, tokenId], env, "y");
    expect(accepted.code, accepted.screen()).toBe(EXIT.ok);
    expect((await tokens(name))[0]!.status).toBe("revoked");

    const request = buildServiceAccount({
      person: person.personKeys(),
      name: `compared-${Math.random().toString(36).slice(2, 8)}`,
      description: "",
      maxTokenTtlSeconds: 3600,
    });
    expect((await person.api.request("/api/v1/service-accounts", { json: request })).status).toBe(
      201,
    );
    const fingerprint = accountFingerprint((await detail(request.id)).serviceAccount)!;
    const refused = await onTerminal(["sa", "grant", request.name, vaultName], env, "n");
    expect(refused.code).toBe(EXIT.failure);
    expect(refused.screen()).toContain(fingerprint.hex);
    expect((await detail(request.id)).grants).toEqual([]);
    const confirmed = await onTerminal(["sa", "grant", request.name, vaultName], env, "y");
    expect(confirmed.code, confirmed.screen()).toBe(EXIT.ok);
    expect((await detail(request.id)).grants).toHaveLength(1);
  });

  it("says 'not signed in' without a session", async () => {
    const signedOut = cleanEnv({ COFFER_CONFIG_DIR: freshFolder() });
    const result = await runCli(["sa", "list"], { env: signedOut });
    expect(result.code).toBe(EXIT.notSignedIn);
  });
});
