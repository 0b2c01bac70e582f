import "server-only";
import type http from "node:http";
import type { Writable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";

/** What `readRequestBody` answers for a body over its limit. */
export const bodyTooLarge = Symbol("body too large");

/**
 * The whole request body, read before the handler runs, or `bodyTooLarge` as soon as it passes
 * `limit` (the rest is read and dropped, so the connection stays usable for the answer). Every
 * API body is JSON or a small form with a limit of its own (lib/api/transport.ts), and a body
 * read whole is one the handler can never leave half-read on a keep-alive connection.
 */
export function readRequestBody(
  request: http.IncomingMessage,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | typeof bodyTooLarge> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(bodyTooLarge);
        return;
      }
      chunks.push(chunk);
    });
    request.once("end", () => {
      if (!over) resolve(new Uint8Array(Buffer.concat(chunks, size)));
    });
    request.once("error", reject);
  });
}

/**
 * A Node request as the fetch `Request` our route handlers take, with its body already read.
 * Headers come from `request.headers`, not the raw list: scripts/serve.ts overwrites the
 * peer-address header there, and the client's own copy of it must not come back.
 */
export function toFetchRequest(
  request: http.IncomingMessage,
  origin: string,
  body: Uint8Array<ArrayBuffer> | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else headers.set(name, value);
  }
  return new Request(`${origin}${request.url ?? "/"}`, {
    method: request.method ?? "GET",
    headers,
    body,
  });
}

export const carriesBody = (method: string) => method !== "GET" && method !== "HEAD";

// An answer this small already fits in TCP's first congestion window (ten segments):
// compression would save no round trip, only spend CPU and a fresh coder state on every read.
const compressionThreshold = 14 * 1024;
const compressibleType = /^(application\/(json|javascript|x-ndjson)|text\/|image\/svg)/i;

type Coding = "br" | "gzip";

// Brotli at quality 1 shrinks an item page as much as gzip at level 1 (to about 63%: the bodies
// are mostly base64 ciphertext, which only entropy coding shrinks) in a fifth of the time, and
// decodes in a third: 5 ms against 28 ms for a 1.5 MB page on this project's test machine.
// Gzip at level 1 remains for clients that do not take brotli (Node's fetch over plain HTTP).
const brotliOnce = promisify(zlib.brotliCompress);
const gzipOnce = promisify(zlib.gzip);
const encode: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    brotliOnce(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 1,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => gzipOnce(body, { level: 1 }),
};

/** Streaming coders at the same settings, flushed after every piece of a streamed answer. */
const streamEncoder: Record<Coding, () => zlib.BrotliCompress | zlib.Gzip> = {
  br: () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
  gzip: () => zlib.createGzip({ level: 1 }),
};
const flushKind: Record<Coding, number> = {
  br: zlib.constants.BROTLI_OPERATION_FLUSH,
  gzip: zlib.constants.Z_SYNC_FLUSH,
};

/** Answers written piece by piece as their body produces them: a vault's item pages. */
const streamedType = /^application\/x-ndjson/i;

/**
 * Writes a fetch `Response` to Node's response in one write: every header (each Set-Cookie on
 * its own line) and the body, compressed when the client accepts brotli or gzip, it is of a
 * compressible type, at least 14 KB, and the handler did not opt out with
 * `Cache-Control: no-transform` (decision 0054). Every API answer is built in memory (JSON, a
 * CSV, an export file), so it is read whole, except newline-delimited JSON, which is sent a
 * piece at a time (sendStream).
 */
export async function sendFetchResponse(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  answer: Response,
  extraHeaders: Record<string, string>,
): Promise<void> {
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  const cookies = answer.headers.getSetCookie();
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  if (cookies.length) response.setHeader("Set-Cookie", cookies);
  response.statusCode = answer.status;
  if (answer.body && streamedType.test(answer.headers.get("content-type") ?? "")) {
    return sendStream(request, response, answer, answer.body);
  }
  let body: Buffer | null = answer.body ? Buffer.from(await answer.arrayBuffer()) : null;
  const coding =
    body && body.byteLength >= compressionThreshold ? codingFor(request, answer) : null;
  if (body && coding) {
    body = await encode[coding](body);
    response.setHeader("Content-Encoding", coding);
    response.setHeader("Vary", appendVary(answer.headers.get("vary")));
  }
  if (!body) return void response.end();
  response.setHeader("Content-Length", body.byteLength);
  response.end(request.method === "HEAD" ? undefined : body);
}

/**
 * A streamed answer: each piece its body yields is written (and the coder flushed) before the
 * next is read, so the client can use a piece while the server makes the next, and a client
 * that reads slowly holds the body back. A body that fails half way, or a client that goes
 * away, ends the connection: the client sees an answer cut short, never a wrong ending.
 */
async function sendStream(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  answer: Response,
  body: ReadableStream<Uint8Array>,
): Promise<void> {
  const reader = body.getReader();
  if (request.method === "HEAD") {
    await reader.cancel();
    return void response.end();
  }
  const coding = codingFor(request, answer);
  const encoder = coding ? streamEncoder[coding]() : null;
  if (coding && encoder) {
    response.setHeader("Content-Encoding", coding);
    response.setHeader("Vary", appendVary(answer.headers.get("vary")));
    encoder.pipe(response);
  }
  const sink: Writable = encoder ?? response;
  response.once("close", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) return;
      sink.write(value);
      if (coding && encoder) {
        await untilClosedOr(response, (resolve) => encoder.flush(flushKind[coding], resolve));
      }
      // Asked after the flush, which may itself have drained the buffer.
      if (sink.writableNeedDrain) {
        await untilClosedOr(response, (resolve) => sink.once("drain", resolve));
      }
    }
    sink.end();
  } catch {
    encoder?.destroy();
    response.destroy();
  }
}

/** Waits for `event` to call back, or for the connection to close, whichever comes first. */
function untilClosedOr(
  response: http.ServerResponse,
  event: (resolve: () => void) => void,
): Promise<void> {
  return new Promise((resolve) => {
    response.once("close", resolve);
    event(() => {
      response.off("close", resolve);
      resolve();
    });
  });
}

function codingFor(request: http.IncomingMessage, answer: Response): Coding | null {
  if (answer.headers.has("content-encoding")) return null;
  if (/\bno-transform\b/i.test(answer.headers.get("cache-control") ?? "")) return null;
  if (!compressibleType.test(answer.headers.get("content-type") ?? "")) return null;
  const accepted = acceptedCodings(request.headers["accept-encoding"]);
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return null;
}

/** The codings an Accept-Encoding header admits (`*` standing for both of ours), q=0 excluded. */
function acceptedCodings(header: string | undefined): Set<Coding> {
  const accepted = new Set<Coding>();
  for (const entry of (header ?? "").split(",")) {
    const [coding, ...parameters] = entry.trim().toLowerCase().split(";");
    const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (quality && !(Number(quality.slice(2)) > 0)) continue;
    if (coding === "br" || coding === "gzip") accepted.add(coding);
    if (coding === "*") {
      accepted.add("br");
      accepted.add("gzip");
    }
  }
  return accepted;
}

function appendVary(existing: string | null): string {
  if (!existing) return "Accept-Encoding";
  return /\baccept-encoding\b/i.test(existing) ? existing : `${existing}, Accept-Encoding`;
}
