// Load helpers shared by the throughput benchmarks: a fixed number of connections hammering one
// URL for a round, rounds of Coffer and its bare baseline interleaved so that a machine that
// slows down mid-run slows both, and the bare node:http server those baselines run in.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { percentile } from "./report";

export const median = (values: number[]) => percentile(values, 0.5);

export interface LoadOptions {
  connections: number;
  roundMs: number;
  headers?: Record<string, string>;
}

/** Requests per second `connections` clients get from `url`, each waiting for its answer. */
export async function requestsPerSecond(url: string, options: LoadOptions): Promise<number> {
  const deadline = Date.now() + options.roundMs;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (Date.now() < deadline) {
        const response = await fetch(url, { headers: options.headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        done++;
      }
    }),
  );
  return (done * 1000) / (Date.now() - started);
}

/**
 * The median rate of each target over `rounds` rounds taken in turn, after one warm-up round
 * each: the ratio of two such medians is what the budgets judge.
 */
export async function interleavedRates(
  targets: { coffer: () => Promise<number>; baseline: () => Promise<number> },
  rounds: number,
): Promise<{ coffer: number; baseline: number }> {
  await targets.coffer();
  await targets.baseline();
  const coffer: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < rounds; round++) {
    coffer.push(await targets.coffer());
    baseline.push(await targets.baseline());
  }
  return { coffer: median(coffer), baseline: median(baseline) };
}

/** Milliseconds of the median of `samples` requests made one after another. */
export async function singleClientP50(
  url: string,
  headers: Record<string, string> = {},
  samples = 200,
): Promise<number> {
  const timings: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    timings.push(performance.now() - started);
  }
  return percentile(timings, 0.5);
}

/** A node:http server on a free local port: the frame of every bare baseline. */
const gzip = promisify(zlib.gzip);

/**
 * A JSON answer as Coffer's server sends one (lib/server/http/node-bridge.ts): gzip at level 1
 * when the client accepts it and the body is 14 KB or more. A baseline that sent a large body
 * uncompressed to a client that asked for gzip would be doing less work, not the same work.
 */
export async function sendJson(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  value: unknown,
) {
  let body = Buffer.from(JSON.stringify(value));
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (body.byteLength >= 14 * 1024 && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
    body = await gzip(body, { level: 1 });
    headers["content-encoding"] = "gzip";
  }
  response.writeHead(200, { ...headers, "content-length": String(body.byteLength) });
  response.end(body);
}

export async function bareHttpServer(
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>,
  onClose: () => Promise<void> = async () => {},
) {
  const server = http.createServer((request, response) => {
    handler(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await onClose();
    },
  };
}
