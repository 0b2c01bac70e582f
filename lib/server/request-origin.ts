import "server-only";
import { peerAddressHeader } from "@/lib/api/transport";
import { appOrigin, env } from "./env";
import { forbidden } from "./errors";
import { addressMatcher, resolveClientAddress } from "./ip-address";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for our own route handlers (next-auth's CSRF token covers
 * only its routes). Browsers send Origin on every state-changing fetch and Sec-Fetch-Site on
 * every request; non-browser clients (CLI, machines) send neither and do not use cookies.
 */
export function assertSameOrigin(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== appOrigin) {
    throw forbidden("Cross-origin request refused.");
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw forbidden("Cross-site request refused.");
  }
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

const isTrustedProxy = addressMatcher(env.COFFER_TRUSTED_PROXIES);

/**
 * The client address for rate limits and the audit log (DESIGN, Sessions): the socket's peer,
 * or, when that peer is a trusted proxy, what the proxies say stood before them. Without
 * scripts/serve.ts in front (`next dev`, a bare `next start`) the peer header would be the
 * client's own word, so it is not read.
 */
export function clientAddress(headers: HeaderSource): string {
  if (!env.COFFER_PEER_HEADER) return "unknown";
  return resolveClientAddress(
    readHeader(headers, peerAddressHeader),
    readHeader(headers, "x-forwarded-for"),
    isTrustedProxy,
  );
}
