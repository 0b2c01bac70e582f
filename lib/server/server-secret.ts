import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env";

/**
 * The key that signs session JWTs and keys the fake prelogin salts. COFFER_SECRET when set
 * (required when several instances share one PostgreSQL); otherwise made once and kept in
 * the data directory so that `npm start` needs no configuration.
 */
function loadServerSecret(): string {
  if (env.COFFER_SECRET) return env.COFFER_SECRET;
  const directory = path.resolve(env.COFFER_DATA_DIR);
  const file = path.join(directory, "server-secret");
  fs.mkdirSync(directory, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), {
      flag: "wx",
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

export const serverSecret = loadServerSecret();
