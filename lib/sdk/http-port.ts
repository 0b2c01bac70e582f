/**
 * How the SDK reaches a Coffer server: one request with a JSON body, answered with the parsed
 * JSON body or an SdkError. The browser adapter uses same-origin fetch with cookies; Node
 * programs and the CLI use fetch against a base URL. Nothing else in lib/sdk does I/O.
 */
export interface HttpPort {
  request(input: {
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    path: string;
    headers?: Record<string, string>;
    body?: unknown;
  }): Promise<unknown>;
  /**
   * A GET answered with newline-delimited JSON, each line's value as soon as the line is in
   * (ndjson.ts); an error status throws as `request` does. Optional: without it the SDK makes
   * one request where it would have read a stream (a vault's item pages).
   */
  lines?(input: { path: string; headers?: Record<string, string> }): AsyncIterable<unknown>;
}

/** A raw answer: what a caller needs when the status itself is the outcome (sign-in). */
export interface HttpAnswer {
  status: number;
  body: unknown;
  header(name: string): string | null;
}

/**
 * The transport a person signs in through. `origin` is the server's origin as the client
 * reached it, bound into every login message (it must be COFFER_URL's, or the server refuses
 * the proof); `postForm` posts next-auth's url-encoded forms, whose answers are read by status.
 * Session cookies are the adapter's business: the browser keeps them, Node adapters use a jar.
 */
export interface SessionHttpPort extends HttpPort {
  readonly origin: string;
  postForm(input: { path: string; form: Record<string, string> }): Promise<HttpAnswer>;
}

/** A failure a caller can act on: the server's error code (or a local one) and a sentence. */
export class SdkError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = "SdkError";
  }
}

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

/** An HttpPort over fetch and a base URL (Node 20+ and browsers have a global fetch). */
export function fetchHttpPort(baseUrl: string, fetchImpl: FetchLike = fetch): HttpPort {
  const origin = new URL(baseUrl).origin;
  return {
    async request({ method, path, headers = {}, body }) {
      let response: { status: number; text(): Promise<string> };
      try {
        response = await fetchImpl(new URL(path, origin).toString(), {
          method,
          headers: {
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        throw new SdkError("network", `Could not reach ${origin}.`);
      }
      const text = await response.text();
      let parsed: unknown = null;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new SdkError(
            "server",
            `The server answered ${response.status} without JSON.`,
            response.status,
          );
        }
      }
      if (response.status >= 200 && response.status < 300) return parsed;
      throw errorFromAnswer(response.status, parsed);
    },
  };
}

/** The SdkError for an answer outside 2xx, from the `{ error: { code, message, field } }` body. */
export function errorFromAnswer(status: number, body: unknown): SdkError {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)
    ?.error;
  return new SdkError(
    typeof error?.code === "string" ? error.code : "server",
    typeof error?.message === "string" ? error.message : `The server answered ${status}.`,
    status,
    typeof error?.field === "string" ? error.field : undefined,
  );
}
