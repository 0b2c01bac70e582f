// A person signed in on a terminal for CLI tests: `coffer login` approved from their browser
// session through the same SDK function the approval page uses, and the built CLI driven on a
// pseudo-terminal for commands that prompt.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sealUserKeyForDevice } from "../../lib/sdk/device-approval";
import { CLI_PATH, cleanEnv, startCli, waitFor } from "./cli";
import { signedInClient } from "./flows";
import type { AccountSecrets } from "./protocol-client";

const codeOnScreen = /\b([0-9A-Z]{5}-[0-9A-Z]{5})\b/;

/** A config folder of its own per terminal; `removeAll()` deletes every one made. */
export function configFolders(prefix: string) {
  const made: string[] = [];
  return {
    fresh() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `coffer login` and approves it as the person; resolves to the terminal's environment. */
export async function signInTerminal(
  serverUrl: string,
  secrets: AccountSecrets,
  configDir: string,
): Promise<Record<string, string>> {
  const { client, accountUnlockKey } = await signedInClient(serverUrl, secrets);
  const { userKey } = await client.unlock(accountUnlockKey);
  const env = cleanEnv({ COFFER_CONFIG_DIR: configDir });
  const cli = startCli(["login", serverUrl], { env });
  await waitFor(() => codeOnScreen.test(cli.output()), "the login code");
  const code = codeOnScreen.exec(cli.output())![1]!;
  const found = await client.request(`/api/v1/device-logins?code=${code}`);
  const { deviceLogin } = found.body as { deviceLogin: { id: string; publicKey: string } };
  const sealedUserKey = sealUserKeyForDevice({
    typedCode: code,
    publicKey: deviceLogin.publicKey,
    userKey,
  });
  const approve = await client.request(`/api/v1/device-logins/${deviceLogin.id}/approve`, {
    json: { sealedUserKey },
  });
  if (approve.status !== 204) throw new Error(`approving the login answered ${approve.status}`);
  const login = await cli.result;
  if (login.code !== 0) throw new Error(`coffer login failed: ${login.stderr}`);
  return env;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * The built CLI on a pseudo-terminal (util-linux `script`): each time the screen shows the
 * next prompt, its answer is typed, as a person would. Resolves to the exit code and the screen.
 */
export async function runOnTerminal(
  args: string[],
  env: Record<string, string>,
  answers: Array<{ prompt: string; answer: string }>,
) {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let screen = "";
  child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  let seen = 0;
  for (const { prompt, answer } of answers) {
    await waitFor(() => screen.indexOf(prompt, seen) >= 0, `the prompt "${prompt}"`);
    seen = screen.indexOf(prompt, seen) + prompt.length;
    child.stdin.write(`${answer}\r`);
  }
  return { code: await closed, screen: () => screen };
}
