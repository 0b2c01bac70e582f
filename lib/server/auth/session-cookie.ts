import "server-only";
import crypto from "node:crypto";
import { appOrigin } from "../env";
import { serverSecret } from "../server-secret";

// next-auth v4's session cookie is a JWE (alg "dir", enc "A256GCM") under a key it derives from
// the server secret with HKDF on every read and again on every write: getServerSession opens the
// cookie, runs the callbacks and seals a fresh one into Set-Cookie. An API request needs only the
// session secret inside, and the session row decides the rest, so route handlers open the cookie
// here with the key derived once (docs/decisions/0052). next-auth still issues the cookie at
// sign-in, and pages still go through getServerSession.

/** Behind TLS the cookie carries the `__Secure-` prefix, so only a secure origin could set it. */
export const useSecureCookies = appOrigin.startsWith("https://");

export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

// next-auth's defaults: an empty salt, and its own info string.
const encryptionKey = Buffer.from(
  crypto.hkdfSync("sha256", serverSecret, "", "NextAuth.js Generated Encryption Key", 32),
);

// jose's default in next-auth's decode.
const clockToleranceSeconds = 15;

/**
 * The cookie's value, its chunks (`.0`, `.1`…, which next-auth writes for a large token) joined
 * in order, or null when the request carries none.
 */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const chunks = new Map<number, string>();
  for (const pair of cookieHeader.split(";")) {
    const index = pair.indexOf("=");
    if (index < 0) continue;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    if (name === sessionCookieName) chunks.set(-1, value);
    else if (name.startsWith(`${sessionCookieName}.`)) {
      const chunk = Number(name.slice(sessionCookieName.length + 1));
      if (Number.isInteger(chunk) && chunk >= 0) chunks.set(chunk, value);
    }
  }
  if (chunks.size === 0) return null;
  const joined = [...chunks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, value]) => value)
    .join("");
  try {
    return decodeURIComponent(joined);
  } catch {
    return null;
  }
}

/**
 * The session secret sealed in a session cookie, or null when the cookie is not one this server
 * sealed, was altered, or has expired. Only the forms next-auth writes are accepted.
 */
export function sessionSecretOfCookie(cookie: string): string | null {
  const parts = cookie.split(".");
  if (parts.length !== 5) return null;
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (encryptedKey !== "") return null;
  const header = parseJson(Buffer.from(protectedHeader, "base64url"));
  if (
    !header ||
    header.alg !== "dir" ||
    header.enc !== "A256GCM" ||
    Object.keys(header).length !== 2
  )
    return null;
  const nonce = Buffer.from(iv, "base64url");
  const authTag = Buffer.from(tag, "base64url");
  if (nonce.length !== 12 || authTag.length !== 16) return null;
  let plaintext: Buffer;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", encryptionKey, nonce, {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(protectedHeader, "ascii"));
    decipher.setAuthTag(authTag);
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
  const claims = parseJson(plaintext);
  if (!claims || typeof claims.exp !== "number") return null;
  if (claims.exp <= Date.now() / 1000 - clockToleranceSeconds) return null;
  return typeof claims.sessionToken === "string" ? claims.sessionToken : null;
}

function parseJson(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(bytes.toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
