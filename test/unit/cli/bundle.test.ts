// The CLI ships as one file: copied alone into an empty folder, with no node_modules anywhere
// above it, it still starts, which proves libsodium, zod and commander are all inside it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_VERSION, PROTOCOL_VERSION } from "@/cli/version";
import { buildCli, CLI_PATH } from "../../support/cli";

// Generous timeouts: a cold start of a 1.5 MB bundle on a loaded CI machine takes seconds.
describe("the bundled coffer CLI", { timeout: 60_000 }, () => {
  let folder: string;

  beforeAll(() => {
    buildCli();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-bundle-"));
    fs.copyFileSync(CLI_PATH, path.join(folder, "coffer.mjs"));
    return () => fs.rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  // Nothing but PATH and two Coffer settings: no NODE_PATH, nothing else to find modules by.
  const bareEnv: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    COFFER_TOKEN: "coffer_sa_x",
    COFFER_URL: "http://127.0.0.1:9",
  };
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["coffer.mjs", ...args], {
      cwd: folder,
      encoding: "utf8",
      // Next's type augmentation makes NODE_ENV a required key of ProcessEnv; the CLI needs none.
      env: bareEnv as NodeJS.ProcessEnv,
    });

  it("prints its version and the protocol version from an empty folder", () => {
    const result = run("--version");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`coffer ${CLI_VERSION} (protocol ${PROTOCOL_VERSION})\n`);
  });

  it("initialises libsodium from inside the bundle (a token is parsed with it)", () => {
    // Getting past sodium.ready to the token check shows the WebAssembly-free build loaded.
    const result = run("read", "coffer://a/b/c");
    expect(result.stderr).toBe(
      "coffer: The token in COFFER_TOKEN is not a valid Coffer token (mistyped or cut?).\n",
    );
    expect(result.status).toBe(2);
  });
});
