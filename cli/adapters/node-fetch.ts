import http from "node:http";
import https from "node:https";

interface NodeFetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The little of fetch the SDK's fetchHttpPort uses (one JSON body out, one text answer back),
 * over node:http and node:https. Node 20's global fetch loads and compiles undici on its first
 * call, a cost every `coffer` start would pay (decision 0036). Node's default agents keep the
 * connection alive between the requests of one command, and an idle socket does not keep the
 * process running.
 */
export function nodeFetch(
  url: string,
  init: NodeFetchInit,
): Promise<{ status: number; text(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(
      target,
      { method: init.method, headers: init.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, text: async () => text });
        });
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}
