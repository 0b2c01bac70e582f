import "server-only";
import crypto from "node:crypto";

/** 32 random bytes as base64url: session secrets, invite tokens, challenge nonces. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** A random public id (128 bits): safe to show, worthless to guess. */
export function randomId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a database dump cannot replay them. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}
