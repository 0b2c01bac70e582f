import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { issueSentence } from "@/lib/api/issue-sentence";
import { bodyLimitFor } from "@/lib/api/transport";
import { parseBearerCredential, type MachineTokenKind } from "@/lib/crypto/machine-token";
import { HttpError, badRequest, forbidden, unauthorized } from "./errors";
import { env } from "./env";
import { countStatements } from "./database/statement-count";
import { assertSameOrigin, clientAddress } from "./request-origin";
import {
  authenticateMachineToken,
  bearerOf,
  type MachinePrincipal,
} from "./machines/authenticate-token";
import { recordBootstrapReplay } from "./machines/bootstrap-replay";
import {
  requireAdmin,
  requireEnrolmentSession,
  requirePendingSession,
  requireSession,
  type SessionContext,
} from "./session";
import { requireStepUp } from "./mfa/step-up";

/**
 * Who may call a route. "pending": any live session, even one waiting for its second factor
 * (the MFA step itself). "enrolment": past the second factor but perhaps out of MFA policy
 * (adding a key). "session": fully signed in and within policy. "admin": that, and an admin.
 * "machine": a service-account token in `Authorization: Bearer`, never a cookie.
 */
type Access = "public" | "pending" | "enrolment" | "session" | "admin" | "machine";
type SessionAccess = Exclude<Access, "machine">;

const sessionCheck = {
  public: async () => null,
  pending: requirePendingSession,
  enrolment: requireEnrolmentSession,
  session: requireSession,
  admin: requireAdmin,
} satisfies Record<SessionAccess, (request: Request) => Promise<SessionContext | null>>;

interface HandlerContext<Body, Query, Auth, Machine> {
  request: Request;
  body: Body;
  query: Query;
  session: Auth;
  /** The token's principal on a "machine" route. */
  machine: Machine;
  params: Record<string, string>;
}

interface RouteOptions<
  Schema extends z.ZodType | undefined,
  QuerySchema extends z.ZodType | undefined,
  A extends Access,
> {
  access: A;
  body?: Schema;
  /** Search parameters, parsed like a body: a bad one answers 400 naming it. */
  query?: QuerySchema;
  status?: number;
  /** A sensitive action: needs a security-key check from the last five minutes. */
  stepUp?: boolean;
  /** "machine" routes: the token kinds that may call (otherwise 403, no use spent). */
  tokenKinds?: MachineTokenKind[];
  /** "machine" routes: whether this call spends one of the token's uses (it does by default). */
  consumeUse?: (kind: MachineTokenKind) => boolean;
  handler: (
    context: HandlerContext<
      Schema extends z.ZodType ? z.infer<Schema> : undefined,
      QuerySchema extends z.ZodType ? z.infer<QuerySchema> : undefined,
      A extends "public" | "machine" ? null : SessionContext,
      A extends "machine" ? MachinePrincipal : null
    >,
  ) => Promise<unknown>;
}

/**
 * Turns a handler into a route: same-origin check on state-changing methods, session (and
 * role) check, body parsed with the lib/api schema, errors mapped to
 * `{ error: { code, message, field? } }` once, here.
 */
export function route<
  Schema extends z.ZodType | undefined,
  QuerySchema extends z.ZodType | undefined,
  A extends Access,
>(options: RouteOptions<Schema, QuerySchema, A>) {
  const answer = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      let session: SessionContext | null = null;
      let machine: MachinePrincipal | null = null;
      if (options.access === "machine") {
        // A bearer token cannot be attached by another site's page: no Origin check.
        machine = await authenticateMachineRequest(request, options);
      } else {
        assertSameOrigin(request);
        session = await sessionCheck[options.access as SessionAccess](request);
        if (options.stepUp && session) requireStepUp(session);
      }
      const rawParams = (await context?.params) ?? {};
      const params = Object.fromEntries(
        Object.entries(rawParams).map(([key, value]) => [key, String(value)]),
      );
      refuseUnstorable(params);
      const searchParams = new URL(request.url).searchParams;
      refuseUnstorable(Object.fromEntries(searchParams));
      const body = options.body ? validate(await readJson(request), options.body) : undefined;
      const query = options.query
        ? validate(Object.fromEntries(searchParams), options.query)
        : undefined;
      const result = await options.handler({
        request,
        body: body as never,
        query: query as never,
        session: session as never,
        machine: machine as never,
        params,
      });
      if (result instanceof Response) return result;
      if (result === undefined) return new NextResponse(null, { status: 204 });
      return NextResponse.json(result, {
        status: options.status ?? 200,
        headers: { "Cache-Control": "no-store" },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
  if (!env.COFFER_COUNT_STATEMENTS) return answer;
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const { result, statements } = await countStatements(() => answer(request, context));
    try {
      result.headers.set("Coffer-Statements", String(statements));
    } catch {
      // A redirect's headers are immutable; it is not what the count is for.
    }
    return result;
  };
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const tokenKindRefusal: Record<MachineTokenKind, string> = {
  sa: "A session token cannot do this.",
  mt: "A minting token can only create bootstrap tokens; it reads nothing.",
  bt: "Exchange this bootstrap token for a session token first.",
};

async function authenticateMachineRequest(
  request: Request,
  options: Pick<RouteOptions<undefined, undefined, "machine">, "tokenKinds" | "consumeUse">,
): Promise<MachinePrincipal> {
  const bearer = bearerOf(request);
  const claimed = bearer ? parseBearerCredential(bearer) : null;
  if (!bearer || !claimed) {
    throw unauthorized("This route takes a service-account token: Authorization: Bearer coffer_….");
  }
  // The kind the credential claims is checked before anything is spent; authentication below
  // refuses a credential whose claimed kind is not the token's.
  if (!(options.tokenKinds ?? ["sa"]).includes(claimed.kind)) {
    throw forbidden(tokenKindRefusal[claimed.kind]);
  }
  return authenticateMachineToken(bearer, clientAddress(request.headers), {
    consume: options.consumeUse?.(claimed.kind) ?? true,
    // Any presentation of a bootstrap token after its exchange is the interception alarm.
    onReplay: (row) =>
      recordBootstrapReplay({ serviceAccountId: row.serviceAccount.id, tokenId: row.id }, request),
  });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readBody(request, bodyLimitFor(new URL(request.url).pathname));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest("The request body must be JSON.");
  }
  refuseUnstorable(value);
  return value;
}

export const payloadTooLarge = (limit: number) =>
  new HttpError(413, "payload_too_large", `The request body may be at most ${limit} bytes.`);

/**
 * The body as UTF-8 text, never more than `limit` bytes of it in memory: a declared length over
 * the limit is refused unread, and a chunked body is counted as it arrives. scripts/serve.ts
 * refuses the declared lengths already; this holds without it too.
 */
export async function readBody(request: Request, limit: number): Promise<string> {
  if (Number(request.headers.get("content-length")) > limit) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw badRequest("The request body could not be read.");
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("The request body must be UTF-8 text.");
  }
}

// Deeper than any contract in lib/api; it also bounds the walk below.
const maxNesting = 32;

// A lone surrogate has no UTF-8 encoding: the database driver fails on it as on a NUL.
const unstorable = /\u0000|\p{Surrogate}/u;

/**
 * PostgreSQL cannot store a NUL character in text and fails the whole query, so one in any id,
 * query value or body string (or key), or an unpaired surrogate, is refused here, naming where
 * it was.
 */
function refuseUnstorable(input: unknown): void {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value: input, path: [] }];
  while (pending.length) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      if (unstorable.test(value)) {
        const field = path.join(".") || undefined;
        throw badRequest(
          `${field ?? "The request"} must not contain a NUL character or an unpaired surrogate.`,
          field,
        );
      }
    } else if (value !== null && typeof value === "object") {
      if (path.length >= maxNesting) throw badRequest("The request body is nested too deeply.");
      for (const [key, child] of Object.entries(value)) {
        pending.push({ value: key, path });
        pending.push({ value: child, path: [...path, key] });
      }
    }
  }
}

function validate<Schema extends z.ZodType>(input: unknown, schema: Schema): z.infer<Schema> {
  // The input rides on the issue only so a missing value reads "is missing"; it is never sent.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || undefined;
    throw badRequest(issue ? issueSentence(issue) : "The request is not valid.", field);
  }
  return parsed.data;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        },
      },
      { status: error.status, headers: { "Cache-Control": "no-store", ...error.headers } },
    );
  }
  // Never echo the error: it may carry request data. The name is enough to find it.
  console.error(`[api] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong. Try again." } },
    { status: 500 },
  );
}
