import { fetchHttpPort, type HttpPort } from "@/lib/sdk/http-port";
import { usageError } from "../errors";
import { nodeFetch } from "./node-fetch";
import { CLI_VERSION } from "../version";

/** The SDK's transport over node:http(s), naming the CLI in every request's User-Agent. */
export function nodeHttpPort(baseUrl: string): HttpPort {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw usageError("The server URL is not a valid URL (use --url or COFFER_URL).");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw usageError("The server URL must start with https:// or http://.");
  }
  const inner = fetchHttpPort(parsed.origin, nodeFetch);
  return {
    request: (input) =>
      inner.request({
        ...input,
        headers: { "user-agent": `coffer-cli/${CLI_VERSION}`, ...input.headers },
      }),
  };
}
