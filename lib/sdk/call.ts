import {
  fillPath,
  type PathParams,
  type RouteBody,
  type RouteResponse,
  type RouteSpec,
} from "@/lib/api/route-spec";
import { SdkError, type HttpPort } from "./http-port";

type ParamsInput<Spec extends RouteSpec> = [keyof PathParams<Spec["path"]>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<Spec["path"]> };

type BodyInput<Spec extends RouteSpec> = Spec["body"] extends object
  ? { body: RouteBody<Spec> }
  : { body?: undefined };

/** What one call takes: the path's params and the body when the route has them. */
export type CallInput<Spec extends RouteSpec> = ParamsInput<Spec> &
  BodyInput<Spec> & {
    /** Search parameters (routes with a `query` schema). */
    query?: Record<string, string | undefined>;
    /** E.g. a machine token's `Authorization: Bearer …`. */
    headers?: Record<string, string>;
  };

type NeedsInput<Spec extends RouteSpec> = [keyof PathParams<Spec["path"]>] extends [never]
  ? Spec["body"] extends object
    ? true
    : false
  : true;

/**
 * One request to a route of lib/api/routes: the path filled from `params`, and the answer
 * parsed by the route's response schema. An answer that does not match the contract is a
 * server fault (SdkError "server"), never handed on as if it did.
 */
export async function call<const Spec extends RouteSpec>(
  port: HttpPort,
  route: Spec,
  ...[input]: NeedsInput<Spec> extends true ? [input: CallInput<Spec>] : [input?: CallInput<Spec>]
): Promise<RouteResponse<Spec>> {
  if (route.form) {
    throw new SdkError("usage", `${route.method} ${route.path} takes a form, not JSON.`);
  }
  const options = (input ?? {}) as {
    params?: Record<string, string>;
    body?: unknown;
    query?: Record<string, string | undefined>;
    headers?: Record<string, string>;
  };
  const path = fillPath(route.path, options.params ?? {}) + searchOf(options.query);
  const answer = await port.request({
    method: route.method,
    path,
    headers: options.headers,
    body: options.body,
  });
  const reply = route.response;
  if (reply === "empty") return undefined as RouteResponse<Spec>;
  if (reply === "file") return answer as RouteResponse<Spec>;
  const parsed = reply.safeParse(answer);
  if (!parsed.success) {
    // The issue's path names a field of the contract; the value itself is not repeated.
    const field = parsed.error.issues[0]?.path.join(".") || undefined;
    throw new SdkError(
      "server",
      `The server's answer to ${route.method} ${route.path} does not match its contract${field ? ` (${field})` : ""}.`,
      undefined,
      field,
    );
  }
  return parsed.data as RouteResponse<Spec>;
}

function searchOf(query: Record<string, string | undefined> | undefined): string {
  if (!query) return "";
  const entries = Object.entries(query).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}
