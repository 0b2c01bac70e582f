// `coffer login`, `whoami` and `logout` as subprocesses of the built CLI against the real
// server, on both databases. The browser's half (look up the code, check the key, seal) runs
// through the same SDK function the approval page uses. A session ended on the server (signed
// out everywhere, offboarded) ends the CLI's next command with the "session ended" exit code.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getSodium } from "@/lib/crypto";
import { sealUserKeyForDevice } from "@/lib/sdk/device-approval";
import { EXIT } from "../../cli/errors";
import { buildCli, cleanEnv, runCli, startCli, waitFor } from "../support/cli";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";
import type { AccountSecrets, ApiClient } from "../support/protocol-client";
import { startOffboarding } from "../support/rotation-client";
import { envFileItem } from "../support/cli";
import { invitedVaultClient, ownerVaultClient } from "../support/vault-client";

const codeOnScreen = /\b([0-9A-Z]{5}-[0-9A-Z]{5})\b/;
const configDirs: string[] = [];

function freshConfigDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-login-"));
  configDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of configDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(inject("servers"))("coffer login on $kind", (server) => {
  let owner: ApiClient;

  beforeAll(async () => {
    buildCli();
    await getSodium();
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  /** A person signed in on a terminal: `coffer login` approved from their browser session. */
  async function signedInTerminal(secrets: AccountSecrets) {
    const { client, accountUnlockKey } = await signedInClient(server.url, secrets);
    const { userKey } = await client.unlock(accountUnlockKey);
    const env = cleanEnv({ COFFER_CONFIG_DIR: freshConfigDir() });
    const cli = startCli(["login", server.url], { env });
    await waitFor(() => codeOnScreen.test(cli.output()), "the login code");
    const code = codeOnScreen.exec(cli.output())![1]!;
    const found = await client.request(`/api/v1/device-logins?code=${code}`);
    expect(found.status).toBe(200);
    const { deviceLogin } = found.body as { deviceLogin: { id: string; publicKey: string } };
    const sealedUserKey = sealUserKeyForDevice({
      typedCode: code,
      publicKey: deviceLogin.publicKey,
      userKey,
    });
    const approve = await client.request(`/api/v1/device-logins/${deviceLogin.id}/approve`, {
      json: { sealedUserKey },
    });
    expect(approve.status).toBe(204);
    const login = await cli.result;
    expect(login.code, login.stderr).toBe(EXIT.ok);
    return { browser: client, env, login };
  }

  const member = async () => (await inviteMember(owner, { label: "terminal" })).secrets;

  it("signs in without a password, keeps the session in a 0600 file, and whoami names the person", async () => {
    const secrets = await member();
    const { env, login } = await signedInTerminal(secrets);
    expect(login.stdout).toContain(`Signed in to ${server.url} as ${secrets.email}.`);
    const file = path.join(env.COFFER_CONFIG_DIR!, "session.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(env.COFFER_CONFIG_DIR!).mode & 0o077).toBe(0);
    expect(fs.readFileSync(file, "utf8")).not.toContain(secrets.password);

    const whoami = await runCli(["whoami", "--json"], { env });
    expect(whoami.code, whoami.stderr).toBe(EXIT.ok);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      userId: secrets.userId,
      email: secrets.email,
      url: server.url,
    });
  });

  it("says 'not signed in' with its exit code when there is no session file", async () => {
    const env = cleanEnv({ COFFER_CONFIG_DIR: freshConfigDir() });
    const whoami = await runCli(["whoami"], { env });
    expect(whoami.code).toBe(EXIT.notSignedIn);
    expect(whoami.stderr).toBe("coffer: Not signed in: run coffer login <url> first.\n");
  });

  it("ends the terminal's session when the browser signs out everywhere else", async () => {
    const { browser, env } = await signedInTerminal(await member());
    expect((await runCli(["whoami"], { env })).code).toBe(EXIT.ok);
    const revoke = await browser.request("/api/v1/sessions/revoke-others", { method: "POST" });
    expect(revoke.status).toBe(200);
    const whoami = await runCli(["whoami"], { env });
    expect(whoami.code).toBe(EXIT.sessionEnded);
    expect(whoami.stderr).toMatch(
      /^coffer: Your Coffer session has ended .*coffer login again\.\n$/,
    );
  });

  it("ends the terminal's session when the person is offboarded", async () => {
    const secrets = await member();
    const { env } = await signedInTerminal(secrets);
    const started = await startOffboarding(owner, secrets.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const whoami = await runCli(["whoami"], { env });
    expect(whoami.code).toBe(EXIT.sessionEnded);
  });

  it("lists the person's vaults and items and prints one field, decrypted on the terminal", async () => {
    const person = await invitedVaultClient(server, await ownerVaultClient(server), {
      label: "terminal-vaults",
    });
    const vaultName = `Terminal ${Math.random().toString(36).slice(2, 8)}`;
    const { vaultId } = await person.createVault(vaultName, "staging");
    await person.addItem(vaultId, envFileItem("api.env", { API_KEY: "sk_terminal_canary_4411" }));
    const { env } = await signedInTerminal(person.credentials);

    const vaults = await runCli(["vault", "list", "--json"], { env });
    expect(vaults.code, vaults.stderr).toBe(EXIT.ok);
    expect(JSON.parse(vaults.stdout)).toEqual([
      expect.objectContaining({ id: vaultId, name: vaultName, environment: "staging", items: 1 }),
    ]);
    const items = await runCli(["item", "list", vaultName], { env });
    expect(items.code, items.stderr).toBe(EXIT.ok);
    expect(items.stdout).toContain("api.env  API_KEY");
    expect(items.stdout).not.toContain("sk_terminal_canary_4411");
    const value = await runCli(["item", "get", vaultName, "api.env", "--field", "API_KEY"], {
      env,
    });
    expect(value.code, value.stderr).toBe(EXIT.ok);
    expect(value.stdout).toBe("sk_terminal_canary_4411\n");
    const missing = await runCli(["item", "get", vaultName, "nope"], { env });
    expect(missing.code).toBe(EXIT.notFound);
  });

  it("logs out: the server ends the session and the file goes", async () => {
    const { browser, env } = await signedInTerminal(await member());
    const sessions = async () =>
      (
        (await browser.request("/api/v1/sessions")).body as {
          sessions: Array<{ userAgent: string | null }>;
        }
      ).sessions.filter((session) => session.userAgent?.startsWith("coffer CLI"));
    expect(await sessions()).toHaveLength(1);
    const logout = await runCli(["logout"], { env });
    expect(logout.code, logout.stderr).toBe(EXIT.ok);
    expect(fs.existsSync(path.join(env.COFFER_CONFIG_DIR!, "session.json"))).toBe(false);
    expect(await sessions()).toHaveLength(0);
  });
});
