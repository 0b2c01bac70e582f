// `coffer run` as a subprocess of the built CLI against the real server, on both databases: the
// child gets the vault's variables and resolved references, its output is masked, its exit
// code and signals pass through, and --watch restarts it when a member saves a new value.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSodium } from "../../lib/crypto";
import { MASK } from "../../cli/run/secret-masker";
import { buildCli, cleanEnv, machineSetup, runCli, startCli, waitFor } from "../support/cli";

// Each test starts the CLI several times; a cold start takes seconds on a loaded CI machine.
vi.setConfig({ testTimeout: 180_000 });

const apiKey = "sk_live_cli_run_canary_9931";
const pem =
  "-----BEGIN TEST KEY-----\nMIIBVgIBADANBgkqhkiG\n9w0BAQEFAASCAUAwggE8\n-----END TEST KEY-----";

describe.each(inject("servers"))("coffer run on $kind", (server) => {
  let setup: Awaited<ReturnType<typeof machineSetup>>;
  let env: Record<string, string>;
  const vaultName = `Run ${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    buildCli();
    await getSodium();
    setup = await machineSetup(server, {
      vaultName,
      environment: "production",
      variables: { API_KEY: apiKey, TLS_KEY: pem, PATH: "/nowhere", SHORT: "abc" },
    });
    const { token } = await setup.mint({ ttlSeconds: 3600 });
    env = cleanEnv({ COFFER_URL: server.url, COFFER_TOKEN: token });
  });

  it("masks the vault's values in the child's output, and --no-masking prints them", async () => {
    const print = "console.log(process.env.API_KEY); console.error(process.env.TLS_KEY)";
    const masked = await runCli(["run", "--", "node", "-e", print], { env });
    expect(masked.code, masked.stderr).toBe(0);
    expect(masked.stdout).toBe(`${MASK}\n`);
    expect(masked.stderr).toBe(`${MASK}\n`);
    expect(masked.stdout + masked.stderr).not.toContain("MIIBVgIBADANBgkqhkiG");

    const plain = await runCli(["run", "--no-masking", "--", "node", "-e", print], { env });
    expect(plain.stdout).toBe(`${apiKey}\n`);
    expect(plain.stderr).toBe(`${pem}\n`);
  });

  it("masks a value the child writes one character at a time, and a multi-line one line by line", async () => {
    // Separate writes to a pipe, each its own chunk unless the kernel joins them: both must mask.
    const script = [
      "for (const character of process.env.API_KEY) process.stdout.write(character);",
      "for (const line of process.env.TLS_KEY.split('\\n')) console.log('>' + line);",
    ].join("\n");
    const result = await runCli(["run", "--", "node", "-e", script], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("cli_run_canary");
    expect(result.stdout).not.toContain("MIIBVgIBADANBgkqhkiG");
    expect(result.stdout).toBe(`${MASK}>${MASK}\n>${MASK}\n>${MASK}\n>${MASK}\n`);
  });

  it("never replaces PATH from a vault, leaves short values unmasked, and keeps argv as given", async () => {
    const script =
      "console.log(JSON.stringify({ path: process.env.PATH, short: process.env.SHORT, argv: process.argv.slice(1) }))";
    const result = await runCli(["run", "--override", "--", "node", "-e", script, "coffer://x"], {
      env,
    });
    const seen = JSON.parse(result.stdout) as { path: string; short: string; argv: string[] };
    expect(seen.path).toBe(process.env.PATH);
    expect(seen.short).toBe("abc");
    expect(seen.argv).toEqual(["coffer://x"]);
  });

  it("resolves references in the environment and in an --env-file, with the documented precedence", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-"));
    const envFile = path.join(folder, ".env");
    fs.writeFileSync(
      envFile,
      `FROM_FILE="coffer://${encodeURIComponent(vaultName)}/app.env/API_KEY?env=production"\nAPI_KEY=file-value\nPLAIN=hello\n`,
    );
    const script =
      "console.log([process.env.FROM_ENV === process.env.FROM_FILE, process.env.FROM_FILE.length, process.env.API_KEY, process.env.PLAIN].join(' '))";
    const result = await runCli(["run", "--env-file", envFile, "--", "node", "-e", script], {
      env: { ...env, FROM_ENV: `coffer://${encodeURIComponent(vaultName)}/app.env/API_KEY` },
    });
    expect(result.code, result.stderr).toBe(0);
    // The file beats the vault; the process environment beats both unless --override.
    expect(result.stdout).toBe(`true ${apiKey.length} file-value hello\n`);
    const shell = await runCli(["run", "--", "node", "-e", "console.log(process.env.API_KEY)"], {
      env: { ...env, API_KEY: "from-the-shell" },
    });
    expect(shell.stdout).toBe("from-the-shell\n");
    const overridden = await runCli(
      ["run", "--override", "--no-masking", "--", "node", "-e", "console.log(process.env.API_KEY)"],
      {
        env: { ...env, API_KEY: "from-the-shell" },
      },
    );
    expect(overridden.stdout).toBe(`${apiKey}\n`);
  });

  it("passes the child's exit code through, and a signal as 128 + its number", async () => {
    expect((await runCli(["run", "--", "node", "-e", "process.exit(7)"], { env })).code).toBe(7);
    const killed = await runCli(
      ["run", "--", "node", "-e", "process.kill(process.pid, 'SIGKILL')"],
      { env },
    );
    expect(killed.code).toBe(128 + os.constants.signals.SIGKILL);
    const missing = await runCli(["run", "--", "no-such-program-anywhere"], { env });
    expect(missing.code).toBe(127);
    expect(missing.stderr).toBe("coffer: command not found: no-such-program-anywhere\n");
  });

  it("forwards SIGTERM and SIGINT to the child, which decides the exit code", async () => {
    for (const [signal, code] of [
      ["SIGTERM", 3],
      ["SIGINT", 4],
    ] as const) {
      const script = `process.on('${signal}', () => { console.log('got ${signal}'); process.exit(${code}); }); console.log('ready'); setInterval(() => {}, 1000);`;
      const cli = startCli(["run", "--", "node", "-e", script], { env });
      await waitFor(() => cli.output().includes("ready"), "the child to start");
      cli.kill(signal);
      const result = await cli.result;
      expect(result.stdout).toBe(`ready\ngot ${signal}\n`);
      expect(result.code).toBe(code);
    }
  });

  it("--watch restarts the child after a member saves a new value", async () => {
    const { token } = await setup.mint({ ttlSeconds: 3600 });
    const script =
      "console.log('value ' + process.env.API_KEY); process.on('SIGTERM', () => { console.log('stopping'); process.exit(0); }); setInterval(() => {}, 1000);";
    const cli = startCli(
      ["run", "--watch", "--watch-interval", "1s", "--no-masking", "--", "node", "-e", script],
      { env: { ...env, COFFER_TOKEN: token } },
    );
    try {
      await waitFor(() => cli.output().includes(`value ${apiKey}`), "the first start");
      await setup.saveVariables({
        API_KEY: "sk_live_rotated_5512",
        TLS_KEY: pem,
        PATH: "/nowhere",
        SHORT: "abc",
      });
      await waitFor(() => cli.output().includes("value sk_live_rotated_5512"), "the restart");
      expect(cli.output()).toBe(`value ${apiKey}\nstopping\nvalue sk_live_rotated_5512\n`);
    } finally {
      cli.kill("SIGTERM");
      await cli.result;
      await setup.saveVariables({ API_KEY: apiKey, TLS_KEY: pem, PATH: "/nowhere", SHORT: "abc" });
    }
  });
});
