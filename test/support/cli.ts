// The built `coffer` CLI as a subprocess, and the machine set-up its tests need: a vault with an
// environment-file item, a service account granted it, and tokens minted by its manager.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { ItemPlaintext, MachineScope } from "../../lib/crypto";
import type { ServiceAccountDetailResponse } from "../../lib/api/machine";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
} from "../../lib/sdk/service-accounts";
import type { TestServer } from "./global-servers";
import { invitedVaultClient, ownerVaultClient, type VaultClient } from "./vault-client";

const root = path.resolve(__dirname, "../..");
export const CLI_PATH = path.join(root, "dist/cli/coffer.mjs");

let built = false;
/** Bundles the CLI once per test process (esbuild takes about a second), as a clean clone needs. */
export function buildCli(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(root, "scripts/build-cli.mjs")], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`the CLI build failed: ${result.stderr}`);
  built = true;
}

/** Plain throws rather than vitest's expect, so the benchmarks (run outside vitest) can use it. */
function expectStatus(response: { status: number; body: unknown }, expected: number) {
  if (response.status !== expected) {
    throw new Error(
      `expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The parent's environment without any Coffer settings, so a test states every one it uses. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith("COFFER_")) env[name] = value;
  }
  return { ...env, ...extra };
}

export function startCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; cli?: string } = {},
): ChildProcess & { result: Promise<CliResult>; output: () => string } {
  const child = spawn(process.execPath, [options.cli ?? CLI_PATH, ...args], {
    // Next's type augmentation makes NODE_ENV a required key of ProcessEnv; the CLI needs none.
    env: (options.env ?? cleanEnv()) as NodeJS.ProcessEnv,
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const result = new Promise<CliResult>((resolve) =>
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) =>
      resolve({ code, signal, stdout, stderr }),
    ),
  );
  return Object.assign(child, { result, output: () => stdout });
}

export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; cli?: string } = {},
): Promise<CliResult> {
  return startCli(args, options).result;
}

/** Resolves once `read()` satisfies `test`, polling every 50 ms up to `timeoutMs`. */
export async function waitFor(test: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function envFileItem(title: string, variables: Record<string, string>): ItemPlaintext {
  return {
    type: "env_file",
    title,
    fields: Object.entries(variables).map(([name, value]) => ({
      name,
      value,
      secret: true,
      kind: /[\r\n]/.test(value) ? ("multiline" as const) : ("text" as const),
    })),
    notes: "",
    urls: [],
    tags: [],
  };
}

/**
 * A manager with a vault holding one environment-file item, and a service account granted it.
 * `mint()` makes tokens of the account the way the management screens do.
 */
export async function machineSetup(
  server: TestServer,
  input: {
    vaultName: string;
    environment?: "production" | "staging";
    variables: Record<string, string>;
  },
) {
  const owner = await ownerVaultClient(server);
  const manager: VaultClient = await invitedVaultClient(server, owner, { label: "cli-manager" });
  const { vaultId } = await manager.createVault(input.vaultName, input.environment ?? null);
  const { itemId } = await manager.addItem(vaultId, envFileItem("app.env", input.variables));

  const request = buildServiceAccount({
    person: manager.personKeys(),
    name: `cli-${Math.random().toString(36).slice(2, 8)}`,
    description: "CLI tests",
    maxTokenTtlSeconds: 3600,
  });
  const created = await manager.api.request("/api/v1/service-accounts", { json: request });
  expectStatus(created, 201);
  const serviceAccountId = request.id;
  const detail = async () => {
    const response = await manager.api.request(`/api/v1/service-accounts/${serviceAccountId}`);
    expectStatus(response, 200);
    return response.body as ServiceAccountDetailResponse;
  };
  const saKey = unsealServiceAccountKey(manager.personKeys(), await detail());

  async function grant(vault: string, scope: MachineScope) {
    const { keyVersion, key } = await manager.current(vault);
    const accountDetail = await detail();
    const body = buildServiceAccountGrant({
      person: manager.personKeys(),
      saKey,
      detail: accountDetail,
      accountBoxPublicKey: accountDetail.serviceAccount.boxPublicKey,
      vaultId: vault,
      vaultKey: key,
      keyVersion,
      scope,
    });
    const response = await manager.api.request(`/api/v1/vaults/${vault}/service-accounts`, {
      json: body,
    });
    expectStatus(response, 201);
  }
  await grant(vaultId, "read");

  async function mint(options: Partial<Parameters<typeof buildMachineToken>[0]> = {}) {
    const { token, request: body } = buildMachineToken({
      saKey,
      kind: "sa",
      ttlSeconds: 600,
      ...options,
    });
    const response = await manager.api.request(
      `/api/v1/service-accounts/${serviceAccountId}/tokens`,
      { json: body },
    );
    expectStatus(response, 201);
    return { token, tokenId: body.id };
  }

  /** A member's edit of the environment file: a new revision with these variables. */
  async function saveVariables(variables: Record<string, string>) {
    const opened = await manager.openVault(vaultId);
    const base = opened.items.find((entry) => entry.id === itemId);
    if (!base) throw new Error("the environment file is gone");
    const saved = await manager.updateItem(vaultId, base, envFileItem("app.env", variables));
    expectStatus(saved, 200);
  }

  return { owner, manager, vaultId, itemId, serviceAccountId, grant, mint, saveVariables, detail };
}
