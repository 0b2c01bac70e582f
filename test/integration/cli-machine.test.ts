// The machine half of the built CLI against the real server, on both databases: the scheduler
// flow (minting → bootstrap → exchange → read, a second exchange refused and audited), read,
// inject, env and check, and every exit code docs/cli.md documents for machines.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSodium, machineTokenId, parseMachineToken } from "../../lib/crypto";
import { EXIT } from "../../cli/errors";
import { buildCli, cleanEnv, machineSetup, runCli } from "../support/cli";

// Each test starts the CLI several times; a cold start takes seconds on a loaded CI machine.
vi.setConfig({ testTimeout: 180_000 });

const apiKey = "sk_live_cli_machine_canary_2208";
const multiLine = "line one of it\nline two of it";

describe.each(inject("servers"))("coffer for machines on $kind", (server) => {
  let setup: Awaited<ReturnType<typeof machineSetup>>;
  let env: Record<string, string>;
  let folder: string;
  const vaultName = `Machine ${Math.random().toString(36).slice(2, 8)}`;
  const ref = (field: string) => `coffer://${encodeURIComponent(vaultName)}/app.env/${field}`;

  beforeAll(async () => {
    buildCli();
    await getSodium();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-"));
    setup = await machineSetup(server, {
      vaultName,
      environment: "staging",
      variables: { API_KEY: apiKey, MULTI: multiLine, "IT'S": "x" },
    });
    const { token } = await setup.mint({ ttlSeconds: 3600 });
    env = cleanEnv({ COFFER_URL: server.url, COFFER_TOKEN: token });
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("the scheduler flow: a minting token's bootstrap is exchanged once in a container, then reads", async () => {
    const { token: minting } = await setup.mint({ kind: "mt", ttlSeconds: 3600 });
    const scheduler = await runCli(["token", "mint", "--ttl", "2m"], {
      env: cleanEnv({ COFFER_URL: server.url, COFFER_TOKEN: minting }),
    });
    expect(scheduler.code, scheduler.stderr).toBe(0);
    const bootstrap = scheduler.stdout.trim();
    expect(parseMachineToken(bootstrap).kind).toBe("bt");

    const tokenFile = path.join(folder, "bootstrap");
    fs.writeFileSync(tokenFile, bootstrap, { mode: 0o600 });
    const sessionFile = path.join(folder, "session-token");
    const exchange = await runCli(
      [
        "--url",
        server.url,
        "--token-file",
        tokenFile,
        "token",
        "exchange",
        "--ttl",
        "30m",
        "--out",
        sessionFile,
      ],
      { env: cleanEnv() },
    );
    expect(exchange.code, exchange.stderr).toBe(0);
    expect(exchange.stdout + exchange.stderr).toBe("");
    expect(fs.statSync(sessionFile).mode & 0o777).toBe(0o600);
    const session = fs.readFileSync(sessionFile, "utf8").trim();
    expect(parseMachineToken(session).kind).toBe("sa");

    const read = await runCli(["--token-file", sessionFile, "read", ref("API_KEY")], {
      env: cleanEnv({ COFFER_URL: server.url }),
    });
    expect(read.stdout).toBe(`${apiKey}\n`);

    const again = await runCli(
      ["--url", server.url, "--token-file", tokenFile, "token", "exchange"],
      {
        env: cleanEnv(),
      },
    );
    expect(again.code).toBe(EXIT.tokenEnded);
    expect(again.stderr).toBe("coffer: This bootstrap token was already exchanged.\n");
    const audit = await setup.owner.api.request("/api/v1/audit?action=token.bootstrap_replay");
    const events = (audit.body as { events: Array<{ targetId: string }> }).events;
    expect(
      events.some((event) => event.targetId === machineTokenId(parseMachineToken(bootstrap))),
    ).toBe(true);
  });

  it("warns about a token file others can read, without printing the token", async () => {
    const { token } = await setup.mint();
    const loose = path.join(folder, "loose-token");
    fs.writeFileSync(loose, token, { mode: 0o644 });
    fs.chmodSync(loose, 0o644);
    const result = await runCli(["--token-file", loose, "read", "-n", ref("API_KEY")], {
      env: cleanEnv({ COFFER_URL: server.url }),
    });
    expect(result.stdout).toBe(apiKey);
    expect(result.stderr).toBe(`coffer: warning: ${loose} is readable by others; chmod 600 it.\n`);
  });

  it("inject fills {{ }} references into a 0600 file", async () => {
    const template = path.join(folder, "config.tpl");
    fs.writeFileSync(template, `key: {{ ${ref("API_KEY")} }}\nmulti: "{{${ref("MULTI")}}}"\n`);
    const out = path.join(folder, "config.yml");
    const result = await runCli(["inject", "-i", template, "-o", out], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toBe(`key: ${apiKey}\nmulti: "${multiLine}"\n`);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it("env prints the variables as dotenv, json, shell, github and a Kubernetes Secret", async () => {
    const as = async (format: string) => {
      const result = await runCli(["env", "--format", format, "--env", "staging"], { env });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    expect(JSON.parse(await as("json"))).toEqual({ API_KEY: apiKey, MULTI: multiLine });
    expect(await as("dotenv")).toContain(`API_KEY=${apiKey}`);
    expect(await as("dotenv")).toContain('MULTI="line one of it\\nline two of it"');
    const shell = await as("shell");
    expect(shell).toContain(`export API_KEY='${apiKey}'`);
    const github = await as("github");
    expect(github).toMatch(/^MULTI<<(coffer_[0-9a-f]{24})\nline one of it\nline two of it\n\1$/m);
    const k8s = await as("k8s");
    expect(k8s).toContain("kind: Secret");
    expect(k8s).toContain(`"API_KEY": ${Buffer.from(apiKey).toString("base64")}`);
    expect(k8s).not.toContain(apiKey);
  });

  it("check names what .env.example expects that the vault lacks, and what the vault has extra", async () => {
    const example = path.join(folder, ".env.example");
    fs.writeFileSync(example, "API_KEY=\nDATABASE_URL=\nSENTRY_DSN=\n");
    const result = await runCli(["check", example, "--json"], { env });
    expect(result.code).toBe(EXIT.failure);
    expect(JSON.parse(result.stdout)).toEqual({
      missing: ["DATABASE_URL", "SENTRY_DSN"],
      unused: ["MULTI"],
    });
    fs.writeFileSync(example, "API_KEY=\nMULTI=\n");
    const clean = await runCli(["check", example], { env });
    expect(clean.code).toBe(EXIT.ok);
    expect(clean.stdout).toBe(`Every variable ${example} names is in the vault.\n`);
  });

  describe("exit codes", () => {
    let closedUrl: string;
    let failingServer: http.Server;
    let failingUrl: string;

    beforeAll(async () => {
      const probe = http.createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      closedUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
      await new Promise((resolve) => probe.close(resolve));
      // A stand-in for a broken deployment: the CLI must tell a server fault from a refusal.
      failingServer = http.createServer((_request, response) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ error: { code: "internal", message: "Something went wrong." } }),
        );
      });
      await new Promise<void>((resolve) => failingServer.listen(0, "127.0.0.1", resolve));
      failingUrl = `http://127.0.0.1:${(failingServer.address() as { port: number }).port}`;
    });

    afterAll(() => new Promise((resolve) => failingServer.close(resolve)));

    const expectExit = (result: { code: number | null; stderr: string }, code: number) => {
      expect(result.code, result.stderr).toBe(code);
      expect(result.stderr).toMatch(/^coffer: [^\n]+\n$/);
      expect(result.stderr).not.toContain(apiKey);
      expect(result.stderr).not.toContain(env.COFFER_TOKEN);
    };

    it("2: bad usage", async () => {
      expectExit(await runCli(["run"], { env }), EXIT.usage);
      expectExit(await runCli(["read", "coffer://only/two"], { env }), EXIT.usage);
      expectExit(await runCli(["env", "--format", "xml"], { env }), EXIT.usage);
      expectExit(
        await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_TOKEN: "coffer_sa_nope" } }),
        EXIT.usage,
      );
    });

    it("3: no credentials at all", async () => {
      expectExit(
        await runCli(["read", ref("API_KEY")], { env: cleanEnv({ COFFER_URL: server.url }) }),
        EXIT.notSignedIn,
      );
    });

    it("5: a revoked, used-up or expired token", async () => {
      const { token, tokenId } = await setup.mint();
      const revoked = await setup.manager.api.request(
        `/api/v1/service-accounts/${setup.serviceAccountId}/tokens/${tokenId}`,
        { method: "DELETE" },
      );
      expect(revoked.status).toBe(200);
      expectExit(
        await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_TOKEN: token } }),
        EXIT.tokenEnded,
      );
      const { token: once } = await setup.mint({ maxUses: 1 });
      const first = await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_TOKEN: once } });
      expect(first.code).toBe(EXIT.ok);
      const used = await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_TOKEN: once } });
      expectExit(used, EXIT.tokenEnded);
      expect(used.stderr).toBe("coffer: This token has no uses left.\n");
    });

    it("6: forbidden (a token used from outside its address range, a minting token reading)", async () => {
      const { token } = await setup.mint({ allowedCidrs: ["203.0.113.0/24"] });
      expectExit(
        await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_TOKEN: token } }),
        EXIT.forbidden,
      );
      const { token: minting } = await setup.mint({ kind: "mt" });
      expectExit(await runCli(["env"], { env: { ...env, COFFER_TOKEN: minting } }), EXIT.forbidden);
    });

    it("7: not found (a vault, item or field the token does not see)", async () => {
      expectExit(
        await runCli(["read", "coffer://No%20such%20vault/app.env/API_KEY"], { env }),
        EXIT.notFound,
      );
      expectExit(await runCli(["read", ref("NOPE")], { env }), EXIT.notFound);
      expectExit(
        await runCli(["run", "--vault", "Elsewhere", "--", "node", "-e", "0"], { env }),
        EXIT.notFound,
      );
    });

    it("8: the server cannot be reached", async () => {
      expectExit(
        await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_URL: closedUrl } }),
        EXIT.network,
      );
    });

    it("9: the server fails", async () => {
      expectExit(
        await runCli(["read", ref("API_KEY")], { env: { ...env, COFFER_URL: failingUrl } }),
        EXIT.server,
      );
    });
  });
});
