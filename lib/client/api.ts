import type { z } from "zod";
import { apiErrorSchema } from "@/lib/api/error";
import { SdkError } from "@/lib/sdk/http-port";
import { ndjsonValues } from "@/lib/sdk/ndjson";

/**
 * An error answer from our API, with the server's readable message. An SdkError too, so the
 * browser transport keeps the HttpPort contract the SDK's flows are written against.
 */
export class ApiError extends SdkError {
  declare readonly status: number;

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message, status, field);
    this.name = "ApiError";
  }
}

interface RequestOptions<Schema extends z.ZodType | undefined> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  json?: unknown;
  headers?: Record<string, string>;
  schema?: Schema;
  /** Public endpoints (sign-in, sign-up) have no session to lose. */
  redirectOnUnauthorized?: boolean;
}

export const SESSION_EXPIRED_URL = "/signin?reason=expired";

/**
 * Asks the person to confirm with a security key; resolves once the server has recorded a
 * fresh check, rejects if they cancel. Installed by the authenticated layout.
 */
type StepUpHandler = (message: string) => Promise<void>;
let stepUpHandler: StepUpHandler | null = null;

export function setStepUpHandler(handler: StepUpHandler | null) {
  stepUpHandler = handler;
}

/** JSON in, JSON out, parsed with the lib/api contract; a 401 sends the person to sign in. */
export async function api<Schema extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<Schema> = {},
): Promise<Schema extends z.ZodType ? z.infer<Schema> : null> {
  return withStepUp(() => apiOnce(path, options));
}

/** A sensitive action the server wants confirmed with a key: confirm, then ask once more. */
async function withStepUp<Result>(attempt: () => Promise<Result>): Promise<Result> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof ApiError && error.code === "step_up_required" && stepUpHandler) {
      await stepUpHandler(error.message);
      return attempt();
    }
    throw error;
  }
}

/** A request that answers with a file (exports): same errors and step-up as api(). */
export async function apiBlob(path: string): Promise<Blob> {
  return withStepUp(async () => {
    const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw await toApiError(response);
    return response.blob();
  });
}

/**
 * A GET whose answer is newline-delimited JSON, each line's value as it arrives: same errors,
 * sign-in redirect and step-up as api(), up to the moment the answer begins.
 */
export async function* apiLines(
  path: string,
  options: { headers?: Record<string, string>; redirectOnUnauthorized?: boolean } = {},
): AsyncGenerator<unknown> {
  const response = await withStepUp(() =>
    apiResponse(path, {
      method: "GET",
      headers: { accept: "application/x-ndjson", ...options.headers },
      redirectOnUnauthorized: options.redirectOnUnauthorized,
    }),
  );
  if (!response.body) return;
  try {
    yield* ndjsonValues(response.body);
  } catch (error) {
    if (error instanceof SdkError) throw error;
    // The answer broke off (the connection dropped, or the server gave up half way).
    throw new ApiError(
      0,
      "network",
      "Coffer's answer broke off. Check your connection and try again.",
    );
  }
}

/** The fetch itself: a network failure, a 401 (which leaves for sign-in) and a non-2xx throw. */
async function apiResponse(
  path: string,
  options: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    redirectOnUnauthorized?: boolean;
  },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network", "Cannot reach Coffer. Check your connection and try again.");
  }
  if (response.status === 401 && options.redirectOnUnauthorized !== false) {
    // A full page load on purpose: it also drops the keyring and every other in-memory secret.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(SESSION_EXPIRED_URL);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function apiOnce<Schema extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<Schema>,
): Promise<Schema extends z.ZodType ? z.infer<Schema> : null> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await apiResponse(path, {
    method: options.method ?? (options.json === undefined ? "GET" : "POST"),
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    redirectOnUnauthorized: options.redirectOnUnauthorized,
  });
  if (response.status === 204 || !options.schema) {
    return null as Schema extends z.ZodType ? z.infer<Schema> : null;
  }
  const parsed = options.schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new ApiError(response.status, "bad_response", "The server sent an unexpected answer.");
  }
  return parsed.data as Schema extends z.ZodType ? z.infer<Schema> : null;
}

export async function toApiError(response: Response): Promise<ApiError> {
  const body = apiErrorSchema.safeParse(await response.json().catch(() => null));
  const retryAfter = Number(response.headers.get("retry-after"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (body.success) {
    const { code, message, field } = body.data.error;
    return new ApiError(response.status, code, message, field, retryAfterSeconds);
  }
  return new ApiError(
    response.status,
    "unknown",
    `Something went wrong (HTTP ${response.status}). Try again.`,
    undefined,
    retryAfterSeconds,
  );
}

/** A readable message for any thrown value, for an alert. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
}
