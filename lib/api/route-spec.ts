import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route answers on success: JSON checked by a schema, no body (204), or a download. */
export type RouteReply = z.ZodType | "empty" | "file";

/**
 * One HTTP route of the app, named once. `path` and `access` are written exactly as
 * docs/api.md writes them (`:id`, `manage`, `admin, or manager`…): test/unit/api checks the
 * table against the docs and against app/api on disk, in both directions.
 */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  /** The docs' auth (or vault role) column, without "step-up"; "machine" for bearer routes. */
  access: string;
  /** Needs a security-key check from the last five minutes. */
  stepUp?: boolean;
  /** Machine routes: the token kinds that may call. */
  tokenKinds?: readonly ("sa" | "bt" | "mt")[];
  /** The JSON body (or, with `form`, the form fields) the handler validates. */
  body?: z.ZodType;
  /** The body is `application/x-www-form-urlencoded` (next-auth's routes). */
  form?: boolean;
  /** Search parameters, validated like a body. */
  query?: z.ZodType;
  /** The success status when it is not 200 (201 for creation); 204 for `"empty"`. */
  status?: number;
  response: RouteReply;
}

/** Keeps the literal path and schemas of a spec, so callers are typed from it. */
export function defineRoute<const Spec extends RouteSpec>(spec: Spec): Spec {
  return spec;
}

/** `{ vaultId: string; itemId: string }` from "/api/v1/vaults/:vaultId/items/:itemId". */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [Key in Name]: string } & PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [Key in Name]: string }
    : Record<never, never>;

/** The parsed success body of a route. */
export type RouteResponse<Spec extends RouteSpec> = Spec["response"] extends z.ZodType
  ? z.output<Spec["response"]>
  : Spec["response"] extends "empty"
    ? undefined
    : unknown;

/** What a client sends as the body (before defaults are applied). */
export type RouteBody<Spec extends RouteSpec> = Spec["body"] extends z.ZodType
  ? z.input<Spec["body"]>
  : undefined;

/** The path with its `:params` filled in, each encoded as one path segment. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") throw new Error(`Missing path parameter ${name}.`);
    return encodeURIComponent(value);
  });
}
