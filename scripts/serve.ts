// The HTTP server in front of Next.js, started by scripts/start.ts once migrations are done.
// Route handlers cannot see the socket, and Next.js reads a request body before any of our
// code could refuse it; this server sees both first. It runs without the react-server
// condition, so it imports nothing from lib/server.
import { createRequire } from "node:module";
import http from "node:http";
import next from "next";
import { bodyLimitFor, peerAddressHeader } from "../lib/api/transport";

// Tells lib/server/request-origin.ts that the peer header is ours, not the client's.
process.env.COFFER_PEER_HEADER = "1";

const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> };
const nextConfig = createRequire(import.meta.url)("../next.config.js") as {
  headers?: () => Promise<HeaderRule[]>;
};

/** The headers next.config.js gives every response, API ones included: refusals carry them too. */
async function securityHeaders(): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (rule.source !== "/:path*" && rule.source !== "/api/:path*") continue;
    for (const { key, value } of rule.headers) headers[key] = value;
  }
  return headers;
}

function refuse(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  headers: Record<string, string>,
  status: number,
  code: string,
  message: string,
) {
  response.writeHead(status, {
    ...headers,
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify({ error: { code, message } }));
  // Node discards the unread body (nothing is kept), so the client still reads this answer;
  // closing at once would reset the connection under it. A body that never ends is cut off.
  if (!request.complete) {
    const cutOff = setTimeout(() => request.socket.destroy(), 10_000).unref();
    request.once("end", () => clearTimeout(cutOff));
  }
}

/** Refuses what must never reach Next.js; true when the request may go on. */
function admit(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  headers: Record<string, string>,
): boolean {
  // DO NOT REMOVE: overwritten on every request, so a client cannot choose its own address.
  request.headers[peerAddressHeader] = request.socket.remoteAddress ?? "";
  const pathname = (request.url ?? "/").split("?")[0] ?? "/";
  try {
    // Next.js answers a plain-text 500 to a segment it cannot decode (`%ff`, `%C0%AE`).
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
  } catch {
    refuse(
      request,
      response,
      headers,
      400,
      "bad_request",
      "The address is not valid percent-encoding.",
    );
    return false;
  }
  const limit = bodyLimitFor(pathname);
  if (Number(request.headers["content-length"]) > limit) {
    refuse(
      request,
      response,
      headers,
      413,
      "payload_too_large",
      `The request body may be at most ${limit} bytes.`,
    );
    return false;
  }
  return true;
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const headers = await securityHeaders();
  // Served over https (behind the TLS proxy): every response, the API's and refusals included,
  // tells the browser to keep to https. The pages' proxy sets the same value on pages.
  const hsts = (process.env.COFFER_URL ?? "").startsWith("https://")
    ? "max-age=31536000; includeSubDomains"
    : null;
  if (hsts) headers["Strict-Transport-Security"] = hsts;
  const server = http.createServer((request, response) => {
    if (hsts) response.setHeader("Strict-Transport-Security", hsts);
    if (admit(request, response, headers)) void handle(request, response);
  });
  // Idle keep-alive connections stay open longer than Node's 5-second default: a client (the
  // CLI, a test process, a proxy) that spends a few seconds in Argon2id between two requests
  // would otherwise reuse a socket the server has just closed and see "other side closed".
  // Reverse proxies idle out at 60 s; the server outlasts them so the proxy closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // `Expect: 100-continue`: refuse before the client sends the body at all.
  server.on("checkContinue", (request, response) => {
    if (hsts) response.setHeader("Strict-Transport-Security", hsts);
    if (!admit(request, response, headers)) return;
    response.writeContinue();
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(`Coffer is listening on http://${hostname}:${port}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      // Requests still running get a moment, not forever.
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
