import { z } from "zod";
import type { HttpAnswer, HttpPort, SessionHttpPort } from "@/lib/sdk/http-port";
import { api, apiLines } from "./api";

const anyBody = z.unknown();

/**
 * The SDK's transport in the browser: same-origin requests with the session cookie, through
 * api() so a step-up request and an expired session are handled as on every other call.
 * Sign-in flows pass `redirectOnUnauthorized: false`: before a session exists, a 401 is an
 * answer, not a reason to leave the page.
 */
export function browserHttpPort(
  options: { redirectOnUnauthorized?: boolean } = {},
): SessionHttpPort & Required<Pick<HttpPort, "lines">> {
  return {
    origin: window.location.origin,
    request: ({ method, path, headers, body }) =>
      api(path, {
        method,
        headers,
        json: body,
        schema: anyBody,
        redirectOnUnauthorized: options.redirectOnUnauthorized,
      }),
    lines: ({ path, headers }) =>
      apiLines(path, { headers, redirectOnUnauthorized: options.redirectOnUnauthorized }),
    async postForm({ path, form }): Promise<HttpAnswer> {
      const response = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
        credentials: "same-origin",
        cache: "no-store",
      });
      return {
        status: response.status,
        body: await response.json().catch(() => null),
        header: (name) => response.headers.get(name),
      };
    },
  };
}
