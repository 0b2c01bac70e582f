import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

/** A route handler as app/api/**\/route.ts exports it (lib/server/route.ts makes them). */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

type Segment =
  | { kind: "static"; value: string }
  | { kind: "param"; name: string }
  | { kind: "catchAll"; name: string; optional: boolean };

interface ApiRoute {
  segments: Segment[];
  /** The compiled route module, relative to the build's server directory. */
  file: string;
  handlers?: Record<string, RouteHandler>;
}

export interface RouteMatch {
  /** The route's handlers by method, loaded on the first request to it. */
  handlers: () => Promise<Record<string, RouteHandler>>;
  params: Record<string, string | string[]>;
}

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The versioned API's route table, read from the production build's app-paths manifest: each
 * `/api/v1/...` route and the file Next.js compiled it to. Handlers are loaded on first use,
 * with Node's require, from the very files Next.js itself would load, so there is one copy of
 * every module (database client, caches) in the process.
 */
export function loadApiRoutes(distDir: string, prefix: string) {
  const serverDir = path.join(distDir, "server");
  const manifest = JSON.parse(
    fs.readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  const requireFromBuild = createRequire(path.join(serverDir, "index.js"));
  const routes: ApiRoute[] = Object.entries(manifest)
    .filter(([page]) => page.startsWith(prefix) && page.endsWith("/route"))
    .map(([page, file]) => ({ segments: parsePattern(page.slice(0, -"/route".length)), file }))
    .sort((a, b) => compareSpecificity(a.segments, b.segments));

  async function handlersOf(route: ApiRoute): Promise<Record<string, RouteHandler>> {
    if (route.handlers) return route.handlers;
    const compiled = requireFromBuild(path.join(serverDir, route.file)) as {
      routeModule?: { ensureUserland?: () => Promise<void>; userland?: Record<string, unknown> };
    };
    // The route's own module loads lazily (it may use top-level await); Next.js waits the same.
    await compiled.routeModule?.ensureUserland?.();
    const userland = compiled.routeModule?.userland ?? {};
    const handlers: Record<string, RouteHandler> = {};
    for (const method of methods) {
      const handler = userland[method];
      if (typeof handler === "function") handlers[method] = handler as RouteHandler;
    }
    route.handlers = handlers;
    return handlers;
  }

  /** The route for a request path (still percent-encoded), or null when none is ours. */
  function match(pathname: string): RouteMatch | null {
    const parts = pathname.split("/").slice(1);
    for (const route of routes) {
      const params = matchSegments(route.segments, parts);
      if (params) return { handlers: () => handlersOf(route), params };
    }
    return null;
  }

  return { match, size: routes.length };
}

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split("/")
    .slice(1)
    .map((part): Segment => {
      const optionalCatchAll = /^\[\[\.\.\.(.+)\]\]$/.exec(part);
      if (optionalCatchAll) return { kind: "catchAll", name: optionalCatchAll[1]!, optional: true };
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(part);
      if (catchAll) return { kind: "catchAll", name: catchAll[1]!, optional: false };
      const param = /^\[(.+)\]$/.exec(part);
      if (param) return { kind: "param", name: param[1]! };
      return { kind: "static", value: part };
    });
}

const rank = { static: 0, param: 1, catchAll: 2 } as const;

/** As Next.js orders them: a literal segment wins over a parameter, a parameter over a catch-all. */
function compareSpecificity(a: Segment[], b: Segment[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index];
    const right = b[index];
    if (!left) return -1;
    if (!right) return 1;
    const difference = rank[left.kind] - rank[right.kind];
    if (difference) return difference;
  }
  return 0;
}

function matchSegments(
  segments: Segment[],
  parts: string[],
): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (segment.kind === "catchAll") {
      const rest = parts.slice(index);
      if (rest.length === 0 && !segment.optional) return null;
      if (rest.some((part) => part === "")) return null;
      params[segment.name] = rest.map(decodeURIComponent);
      return params;
    }
    const part = parts[index];
    if (part === undefined || part === "") return null;
    if (segment.kind === "static") {
      if (part !== segment.value) return null;
    } else {
      params[segment.name] = decodeURIComponent(part);
    }
  }
  return parts.length === segments.length ? params : null;
}
