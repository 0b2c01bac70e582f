import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { HttpError, badRequest } from "./errors";
import { assertSameOrigin } from "./request-origin";
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
 */
type Access = "public" | "pending" | "enrolment" | "session" | "admin";

const sessionCheck = {
  public: async () => null,
  pending: requirePendingSession,
  enrolment: requireEnrolmentSession,
  session: requireSession,
  admin: requireAdmin,
} satisfies Record<Access, () => Promise<SessionContext | null>>;

interface HandlerContext<Body, Query, Auth> {
  request: Request;
  body: Body;
  query: Query;
  session: Auth;
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
  handler: (
    context: HandlerContext<
      Schema extends z.ZodType ? z.infer<Schema> : undefined,
      QuerySchema extends z.ZodType ? z.infer<QuerySchema> : undefined,
      A extends "public" ? null : SessionContext
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
  return async (
    request: Request,
    context: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const session = await sessionCheck[options.access]();
      if (options.stepUp && session) requireStepUp(session);
      const body = options.body ? validate(await readJson(request), options.body) : undefined;
      const query = options.query
        ? validate(Object.fromEntries(new URL(request.url).searchParams), options.query)
        : undefined;
      const rawParams = (await context?.params) ?? {};
      const params = Object.fromEntries(
        Object.entries(rawParams).map(([key, value]) => [key, String(value)]),
      );
      const result = await options.handler({
        request,
        body: body as never,
        query: query as never,
        session: session as never,
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
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw badRequest("The request body must be JSON.");
  }
}

function validate<Schema extends z.ZodType>(input: unknown, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || undefined;
    throw badRequest(
      field ? `${field} ${issue?.message}` : (issue?.message ?? "Invalid request."),
      field,
    );
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
