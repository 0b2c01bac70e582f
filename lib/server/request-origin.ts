import "server-only";
import { peerAddressHeader } from "@/lib/api/transport";
import { appOrigin, env } from "./env";
import { forbidden } from "./errors";
import { addressMatcher, resolveClientAddress } from "./ip-address";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for our own route handlers and next-auth's POSTs (DESIGN,
 * Sessions). A foreign Origin or a cross-site Sec-Fetch-Site is refused outright. A request that
 * carries a session cookie must also prove it came from our pages: a matching Origin or
 * `Sec-Fetch-Site: same-origin`; a missing Origin is not proof (privacy tools strip it, older
 * browsers omit it). Requests without a session cookie carry no authority to forge, so the
 * CLI and other non-browser clients need neither header; a bearer token cannot be attached by a
 * cross-site page, so it is exempt too.
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
  if (origin === appOrigin || fetchSite === "same-origin") return;
  if (/^bearer\s/i.test(request.headers.get("authorization") ?? "")) return;
  if (carriesSessionCookie(request.headers.get("cookie"))) {
    throw forbidden("Request refused: it does not say it comes from this site.");
  }
}

// next-auth's session cookie, `__Secure-` prefixed behind TLS and split into `.0`, `.1`… when
// large.
const sessionCookie = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

function carriesSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader
    .split(";")
    .some((pair) => sessionCookie.test((pair.split("=")[0] ?? "").trim()));
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
