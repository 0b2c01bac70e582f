// action.yml run the way a runner runs it: each step's script in bash with its inputs, env and
// temporary GITHUB_ENV / GITHUB_OUTPUT files, against the real server on both databases.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSodium } from "../../lib/crypto";
import { buildCli, CLI_PATH, cleanEnv, machineSetup } from "../support/cli";

vi.setConfig({ testTimeout: 180_000 });

interface ActionStep {
  id?: string;
  run: string;
  shell: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const root = path.resolve(__dirname, "../..");
const action = parse(fs.readFileSync(path.join(root, "action.yml"), "utf8")) as Action;

/**
 * Runs the composite action's steps in order, substituting `${{ … }}` as the runner would.
 * `actionPath` is the action's checkout (github.action_path); `env` adds to the runner's.
 */
function runAction(
  inputs: Record<string, string>,
  folder: string,
  options: { actionPath?: string; env?: Record<string, string> } = {},
) {
  const githubEnv = path.join(folder, "github-env");
  const outputs: Record<string, Record<string, string>> = {};
  let log = "";
  for (const step of action.runs.steps) {
    const githubOutput = path.join(folder, `output-${step.id}`);
    fs.writeFileSync(githubOutput, "");
    const substitute = (text: string) =>
      text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_match, expression: string) => {
        if (expression === "github.action_path") return options.actionPath ?? root;
        const input = /^inputs\.(.+)$/.exec(expression)?.[1];
        if (input) return inputs[input] ?? action.inputs[input]?.default ?? "";
        const output = /^steps\.([^.]+)\.outputs\.(.+)$/.exec(expression);
        if (output) return outputs[output[1] as string]?.[output[2] as string] ?? "";
        throw new Error(`the test runner does not know ${expression}`);
      });
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, substitute(String(value))]),
    );
    const env: Record<string, string> = {
      ...cleanEnv(options.env),
      ...stepEnv,
      GITHUB_ENV: githubEnv,
      GITHUB_OUTPUT: githubOutput,
    };
    const result = spawnSync("bash", ["-e", "-c", substitute(step.run)], {
      encoding: "utf8",
      env: env as NodeJS.ProcessEnv,
    });
    log += result.stdout + result.stderr;
    if (result.status !== 0) return { status: result.status, log, githubEnv: "", outputs };
    outputs[step.id ?? ""] = Object.fromEntries(
      fs
        .readFileSync(githubOutput, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const equals = line.indexOf("=");
          return [line.slice(0, equals), line.slice(equals + 1)];
        }),
    );
  }
  return { status: 0, log, githubEnv: fs.readFileSync(githubEnv, "utf8"), outputs };
}

describe.each(inject("servers"))("the GitHub Action on $kind", (server) => {
  let setup: Awaited<ReturnType<typeof machineSetup>>;
  let token: string;
  let folder: string;
  const pem =
    "-----BEGIN CI KEY-----\nQ0lfS0VZX0xJTkVfT05F\nQ0lfS0VZX0xJTkVfVFdP\n-----END CI KEY-----";
  const deployKey = "dk_ci_action_canary_7781";

  beforeAll(async () => {
    buildCli();
    await getSodium();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-action-"));
    setup = await machineSetup(server, {
      vaultName: `CI ${Math.random().toString(36).slice(2, 8)}`,
      environment: "production",
      variables: { DEPLOY_KEY: deployKey, SIGNING_KEY: pem, UNUSED: "not-exported-value" },
    });
    ({ token } = await setup.mint());
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("masks every value and line before printing anything, then exports the chosen variables", () => {
    expect(action.runs.using).toBe("composite");
    const run = runAction(
      {
        token,
        url: server.url,
        environment: "production",
        variables: "DEPLOY_KEY\nSIGNING_KEY",
        cli: CLI_PATH,
      },
      folder,
    );
    expect(run.status, run.log).toBe(0);
    const lines = run.log.split("\n").filter(Boolean);
    const masks = lines.filter((line) => line.startsWith("::add-mask::"));
    expect(masks).toEqual(
      expect.arrayContaining([
        `::add-mask::${deployKey}`,
        "::add-mask::-----BEGIN CI KEY-----",
        "::add-mask::Q0lfS0VZX0xJTkVfT05F",
        "::add-mask::Q0lfS0VZX0xJTkVfVFdP",
        "::add-mask::-----END CI KEY-----",
      ]),
    );
    // Every mask comes first, and no value shows anywhere but in its own mask command.
    expect(lines.slice(0, masks.length)).toEqual(masks);
    const rest = lines.slice(masks.length).join("\n");
    expect(rest).toBe("Exported 2 variables: DEPLOY_KEY,SIGNING_KEY");
    expect(run.log).not.toContain("not-exported-value");

    expect(run.githubEnv).toContain(`DEPLOY_KEY=${deployKey}\n`);
    expect(run.githubEnv).toMatch(
      /SIGNING_KEY<<(coffer_[0-9a-f]{24})\n-----BEGIN CI KEY-----\n[^]*\n-----END CI KEY-----\n\1\n/,
    );
    expect(run.githubEnv).not.toContain("UNUSED");
    expect(run.outputs.export).toEqual({ names: "DEPLOY_KEY,SIGNING_KEY" });
  });

  it("fails the step with one line, and writes nothing, when a chosen variable is missing", () => {
    const run = runAction(
      { token, url: server.url, variables: "NOT_THERE", cli: CLI_PATH },
      folder,
    );
    expect(run.status).toBe(7);
    expect(run.log).toBe("coffer: Not in the chosen vaults: NOT_THERE.\n");
  });
});

// What a workflow gets with `uses: <owner>/coffer@<ref>` and no `cli` input: the runner checks
// the action out without dist/, so its first step installs from package-lock.json and bundles
// the CLI. `npm` is a stand-in on PATH that records how it was called and links this checkout's
// node_modules (what `npm ci` would install from the npm registry, without downloading it
// again); the bundling is the real scripts/build-cli.mjs, in the copy.
describe.each(inject("servers"))("the GitHub Action from a fresh checkout on $kind", (server) => {
  let folder: string;
  let checkout: string;
  let npmLog: string;
  let runnerEnv: Record<string, string>;
  let token: string;

  beforeAll(async () => {
    await getSodium();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-action-checkout-"));
    checkout = path.join(folder, "action");
    for (const entry of ["action.yml", "package.json", "package-lock.json", "tsconfig.json"]) {
      fs.cpSync(path.join(root, entry), path.join(checkout, entry));
    }
    for (const entry of ["cli", "lib", "scripts/build-cli.mjs"]) {
      fs.cpSync(path.join(root, entry), path.join(checkout, entry), { recursive: true });
    }
    const bin = path.join(folder, "bin");
    fs.mkdirSync(bin);
    npmLog = path.join(folder, "npm-calls");
    fs.writeFileSync(
      path.join(bin, "npm"),
      [
        "#!/usr/bin/env bash",
        'printf "%s|%s\\n" "$PWD" "$*" >> "$FAKE_NPM_LOG"',
        '[ "$1" = ci ] || { echo "unexpected npm $*" >&2; exit 1; }',
        'ln -s "$FAKE_NPM_MODULES" node_modules',
        'echo "added 1 package"',
      ].join("\n"),
      { mode: 0o755 },
    );
    runnerEnv = {
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
      FAKE_NPM_LOG: npmLog,
      FAKE_NPM_MODULES: path.join(root, "node_modules"),
    };
    const setup = await machineSetup(server, {
      vaultName: `Checkout ${Math.random().toString(36).slice(2, 8)}`,
      variables: { RELEASE_TOKEN: "rt_fresh_checkout_canary_4410" },
    });
    ({ token } = await setup.mint());
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("installs with npm ci in the action's checkout, bundles the CLI and exports", () => {
    const inputs = { token, url: server.url, variables: "RELEASE_TOKEN" };
    const run = runAction(inputs, folder, { actionPath: checkout, env: runnerEnv });
    expect(run.status, run.log).toBe(0);
    expect(fs.readFileSync(npmLog, "utf8")).toBe(
      `${checkout}|ci --ignore-scripts --no-audit --no-fund\n`,
    );
    const bundle = path.join(checkout, "dist/cli/coffer.mjs");
    expect(run.outputs.cli).toEqual({ path: bundle });
    expect(fs.statSync(bundle).mode & 0o111).not.toBe(0);
    expect(run.log).toContain("::add-mask::rt_fresh_checkout_canary_4410");
    expect(run.githubEnv).toBe("RELEASE_TOKEN=rt_fresh_checkout_canary_4410\n");

    // The next job on the same runner finds the bundle and installs nothing.
    const again = runAction(inputs, folder, { actionPath: checkout, env: runnerEnv });
    expect(again.status, again.log).toBe(0);
    expect(fs.readFileSync(npmLog, "utf8").split("\n").filter(Boolean)).toHaveLength(1);
  });
});
