// The Coffer server: `npm start` (scripts/start.mjs) imports this file, bundled, and calls
// serve() in its own process. It opens the database once, applies pending migrations through
// that connection, hands it to the app, then serves Next.js behind a plain HTTP server: route
// handlers cannot see the socket, and Next.js reads a request body before any of our code
// could refuse it; this server sees both first. Importing the module validates the settings.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { bodyLimitFor, peerAddressHeader } from "../lib/api/transport";
import { openDatabase, shareConnection } from "../lib/server/database/adapter";
import { loadApiRoutes, type RouteHandler, type RouteMatch } from "../lib/server/http/api-routes";
import {
  bodyTooLarge,
  carriesBody,
  readRequestBody,
  sendFetchResponse,
  toFetchRequest,
} from "../lib/server/http/node-bridge";
import { applyMigrations } from "../lib/server/database/migrate";
import { appOrigin, env } from "../lib/server/env";

// Tells lib/server/request-origin.ts that the peer header is ours, not the client's.
process.env.COFFER_PEER_HEADER = "1";

const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> };

/** The headers next.config.js gives every response, API ones included: refusals carry them too. */
async function securityHeaders(): Promise<Record<string, string>> {
  const configPath = path.join(process.cwd(), "next.config.js");
  const nextConfig = ((await import(pathToFileURL(configPath).href)) as { default: unknown })
    .default as { headers?: () => Promise<HeaderRule[]> };
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

function allowedMethods(handlers: Record<string, RouteHandler>): string {
  const allowed = new Set([...Object.keys(handlers), "OPTIONS"]);
  if (handlers.GET) allowed.add("HEAD");
  return [...allowed].join(", ");
}

/**
 * Answers a request from its route handler, as Next.js would: HEAD runs GET without its body,
 * OPTIONS lists the methods, any other method answers 405. Route handlers (lib/server/route.ts)
 * turn every error into a JSON answer; one that still escapes is a bug, answered without detail.
 */
async function answerApi(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  match: RouteMatch,
  headers: Record<string, string>,
) {
  const method = request.method ?? "GET";
  try {
    const handlers = await match.handlers();
    const handler = handlers[method] ?? (method === "HEAD" ? handlers.GET : undefined);
    if (!handler) {
      const allow = allowedMethods(handlers);
      const answer =
        method === "OPTIONS"
          ? new Response(null, { status: 204, headers: { Allow: allow } })
          : Response.json(
              { error: { code: "method_not_allowed", message: `This address takes ${allow}.` } },
              { status: 405, headers: { Allow: allow, "Cache-Control": "no-store" } },
            );
      return await sendFetchResponse(request, response, answer, headers);
    }
    const pathname = (request.url ?? "/").split("?")[0] ?? "/";
    const limit = bodyLimitFor(pathname);
    const body = carriesBody(method) ? await readRequestBody(request, limit) : undefined;
    if (body === bodyTooLarge) {
      const message = `The request body may be at most ${limit} bytes.`;
      return refuse(request, response, headers, 413, "payload_too_large", message);
    }
    const answer = await handler(toFetchRequest(request, appOrigin, body), {
      params: Promise.resolve(match.params),
    });
    await sendFetchResponse(request, response, answer, headers);
  } catch (error) {
    // Once the answer has begun, or the request's own socket is gone, the failure is the client
    // going away: there is nobody to answer.
    if (response.headersSent || request.destroyed) return void response.destroy();
    console.error("An API request failed:", error instanceof Error ? error.name : "error");
    response.writeHead(500, { ...headers, "Content-Type": "application/json" });
    response.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong." } }));
  }
}

/**
 * Opens the database and brings it to the committed migrations. The connection stays open and
 * goes to lib/server/db.ts: PGlite is opened once per process, never once to migrate and again
 * to serve (each open loads and starts a whole Postgres in WebAssembly).
 */
async function prepareDatabase() {
  const started = performance.now();
  const connection = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDirectory: env.COFFER_DATA_DIR,
  });
  const where =
    connection.kind === "pglite" ? ` in ${path.resolve(env.COFFER_DATA_DIR, "pglite")}` : "";
  console.log(
    `Opened the ${connection.kind} database${where} (${Math.round(performance.now() - started)} ms)`,
  );
  const applied =
    connection.kind === "postgresql"
      ? await migrateInWorker()
      : await applyMigrations(connection.adapter);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  shareConnection(connection);
}

/**
 * PostgreSQL takes connections from any thread, so its migrations run in a worker thread that
 * ends with them: the schema engine's WebAssembly memory goes with the thread instead of
 * staying in the server. PGlite's single open has to stay on this thread.
 */
function migrateInWorker(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { cofferMigrate: true } });
    let applied: string[] | undefined;
    // The pool the migrations opened may keep the thread alive: it has done its job.
    worker.once("message", (names: string[]) => {
      applied = names;
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      applied ? resolve(applied) : reject(new Error(`The migrations stopped (exit code ${code})`)),
    );
  });
}

// This module is also the migration worker's entry (above).
if (!isMainThread && (workerData as { cofferMigrate?: boolean } | null)?.cofferMigrate) {
  const connection = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDirectory: env.COFFER_DATA_DIR,
  });
  parentPort?.postMessage(await applyMigrations(connection.adapter));
}

export async function serve() {
  await prepareDatabase();
  // Loaded after the database is ready: the app's instrumentation may reach it at once.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();
  const headers = await securityHeaders();
  const apiRoutes = loadApiRoutes(
    path.join(process.cwd(), process.env.COFFER_DIST_DIR || ".next"),
    "/api/v1/",
  );
  // The versioned API goes straight to its route handlers; pages, next-auth and anything else
  // to Next.js. Next.js spends several times the work of a whole vault read on routing and
  // wrapping each request (decision 0066); the handlers themselves are the same compiled files.
  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const pathname = (request.url ?? "/").split("?")[0] ?? "/";
    const match = pathname.startsWith("/api/v1/") ? apiRoutes.match(pathname) : null;
    if (!match) return handleWithNext(request, response);
    return answerApi(request, response, match, headers);
  };
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
