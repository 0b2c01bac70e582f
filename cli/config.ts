import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writePrivateFile } from "./adapters/private-file";

/**
 * Where the CLI keeps its state (a person's session, nothing of a machine's): COFFER_CONFIG_DIR,
 * else $XDG_CONFIG_HOME/coffer, else the platform's usual place. The folder is 0700 and every
 * file in it 0600, because a session file opens the person's vaults.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COFFER_CONFIG_DIR) return path.resolve(env.COFFER_CONFIG_DIR);
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, "coffer");
  if (process.platform === "darwin") {
    return path.join(os.homedir(), "Library", "Application Support", "coffer");
  }
  if (process.platform === "win32" && env.APPDATA) return path.join(env.APPDATA, "coffer");
  return path.join(os.homedir(), ".config", "coffer");
}

export function configPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), name);
}

export function readConfigFile(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    return fs.readFileSync(configPath(name, env), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export function writeConfigFile(
  name: string,
  contents: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  fs.mkdirSync(configDir(env), { recursive: true, mode: 0o700 });
  writePrivateFile(configPath(name, env), contents);
}

export function removeConfigFile(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    fs.unlinkSync(configPath(name, env));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
