import "server-only";
import { appOrigin } from "./env";
import { forbidden } from "./errors";

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

/** The client address: the first X-Forwarded-For entry (set by Next.js or the reverse proxy). */
export function clientAddress(
  headers: Headers | Record<string, string | string[] | undefined>,
): string {
  const raw =
    headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.split(",")[0]?.trim() || "unknown";
}
