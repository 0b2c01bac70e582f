import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RouteSpec } from "@/lib/api/route-spec";

/** A row of one of docs/api.md's route tables. */
export interface DocumentedRoute {
  method: string;
  path: string;
  access: string;
  stepUp: boolean;
  tokenKinds?: string[];
  line: number;
}

/** A route.ts under app/api and the methods it exports. */
export interface RouteFile {
  file: string;
  /** `/api/v1/vaults/[vaultId]/items` as a pattern: `:` for a param, `*` for a catch-all. */
  segments: string[];
  methods: string[];
}

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/**
 * The rows of the docs' route tables: a first cell `` `METHOD /api/…` `` (perhaps with
 * "(step-up)" after it), then the auth, role or token-kinds column.
 */
export function documentedRoutes(markdown: string): DocumentedRoute[] {
  const rows: DocumentedRoute[] = [];
  let secondColumn = "auth";
  markdown.split("\n").forEach((text, index) => {
    const header = /^\|\s*method and path\s*\|\s*([^|]+?)\s*\|/.exec(text);
    if (header) {
      secondColumn = header[1]!;
      return;
    }
    const row =
      /^\|\s*`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`]+)`\s*(\(step-up\))?\s*\|\s*([^|]*?)\s*\|/.exec(
        text,
      );
    if (!row) return;
    const [, method, rawPath, pathStepUp, cell] = row;
    const routePath = rawPath!.replace(/\?.*$/, "");
    if (secondColumn === "token kinds") {
      rows.push({
        method: method!,
        path: routePath,
        access: "machine",
        stepUp: false,
        tokenKinds: [...cell!.matchAll(/`(\w+)`/g)].map((match) => match[1]!),
        line: index + 1,
      });
      return;
    }
    const cellStepUp = /,\s*step-up$/.test(cell!);
    rows.push({
      method: method!,
      path: routePath,
      access: cell!.replace(/,\s*step-up$/, ""),
      stepUp: Boolean(pathStepUp) || cellStepUp,
      line: index + 1,
    });
  });
  return rows;
}

/** Every route.ts under `appDir`/api, with the HTTP methods it exports. */
export function routeFiles(appDir: string): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const relative = path.relative(appDir, path.dirname(full));
        found.push({
          file: path.relative(path.dirname(appDir), full),
          segments: relative.split(path.sep).map(segmentPattern),
          methods: exportedMethods(readFileSync(full, "utf8")),
        });
      }
    }
  };
  walk(path.join(appDir, "api"));
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

function segmentPattern(segment: string): string {
  if (/^\[\.\.\..+\]$/.test(segment)) return "*";
  if (/^\[.+\]$/.test(segment)) return ":";
  return segment;
}

export function exportedMethods(source: string): string[] {
  const named = [
    ...source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g),
  ].map((match) => match[1]!);
  const listed = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
    match[1]!.split(",").map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim(),
    ),
  );
  return [...new Set([...named, ...listed])].filter((name) => methods.includes(name)).sort();
}

/** `/api/v1/vaults/:id/items/:itemId` → `/api/v1/vaults/:/items/:`: param names may differ. */
export function pathShape(routePath: string): string {
  return routePath.replace(/:[A-Za-z]+/g, ":");
}

function fileMatches(file: RouteFile, routePath: string): boolean {
  const wanted = routePath.replace(/^\//, "").split("/");
  for (let index = 0; index < file.segments.length; index++) {
    const segment = file.segments[index]!;
    if (segment === "*") return wanted.length > index;
    const part = wanted[index];
    if (part === undefined) return false;
    if (segment === ":" ? !part.startsWith(":") : segment !== part) return false;
  }
  return wanted.length === file.segments.length;
}

/** The route file that would serve this path: an exact match before a catch-all. */
export function fileFor(files: RouteFile[], routePath: string): RouteFile | undefined {
  const matching = files.filter((file) => fileMatches(file, routePath));
  return matching.find((file) => !file.segments.includes("*")) ?? matching[0];
}

const describeAccess = (spec: {
  access: string;
  stepUp?: boolean;
  tokenKinds?: readonly string[];
}) =>
  [spec.access, spec.stepUp ? "step-up" : null, spec.tokenKinds?.join("/") ?? null]
    .filter(Boolean)
    .join(", ");

/**
 * Where docs/api.md, lib/api/routes.ts and app/api disagree, one line each; empty when they
 * agree. A route must be in all three: documented, in the table, and exported on disk.
 */
export function routeMismatches(input: {
  documented: DocumentedRoute[];
  table: Record<string, RouteSpec>;
  files: RouteFile[];
}): string[] {
  const problems: string[] = [];
  const key = (method: string, routePath: string) => `${method} ${pathShape(routePath)}`;
  const tableEntries = Object.entries(input.table);

  const tableByKey = new Map<string, [string, RouteSpec]>();
  for (const [name, spec] of tableEntries) {
    const id = key(spec.method, spec.path);
    const other = tableByKey.get(id);
    if (other)
      problems.push(`${spec.method} ${spec.path}: in the route table twice (${other[0]}, ${name})`);
    else tableByKey.set(id, [name, spec]);
  }
  const docsByKey = new Map<string, DocumentedRoute>();
  for (const row of input.documented) {
    const id = key(row.method, row.path);
    const other = docsByKey.get(id);
    if (other) {
      problems.push(
        `${row.method} ${row.path}: documented twice in docs/api.md (lines ${other.line} and ${row.line})`,
      );
    } else docsByKey.set(id, row);
  }

  for (const row of input.documented) {
    const entry = tableByKey.get(key(row.method, row.path));
    const where = `docs/api.md:${row.line}`;
    if (!entry) {
      problems.push(`${row.method} ${row.path}: documented (${where}) but not in lib/api/routes`);
      continue;
    }
    const [name, spec] = entry;
    if (spec.path !== row.path) {
      problems.push(
        `${row.method} ${row.path}: routes.${name} writes the path ${spec.path} (${where})`,
      );
    }
    const documentedAccess = describeAccess(row);
    const tableAccess = describeAccess(spec);
    if (documentedAccess !== tableAccess) {
      problems.push(
        `${row.method} ${row.path}: docs say "${documentedAccess}" (${where}), routes.${name} says "${tableAccess}"`,
      );
    }
  }

  for (const [name, spec] of tableEntries) {
    const label = `${spec.method} ${spec.path}`;
    if (!docsByKey.has(key(spec.method, spec.path))) {
      problems.push(`${label}: routes.${name} is not documented in docs/api.md`);
    }
    const file = fileFor(input.files, spec.path);
    if (!file) problems.push(`${label}: routes.${name} has no route.ts under app/api`);
    else if (!file.methods.includes(spec.method)) {
      problems.push(`${label}: routes.${name}, but ${file.file} does not export ${spec.method}`);
    }
  }

  for (const file of input.files) {
    for (const method of file.methods) {
      const served = tableEntries.filter(
        ([, spec]) => spec.method === method && fileFor(input.files, spec.path) === file,
      );
      if (served.length === 0) {
        problems.push(`${method} ${file.file}: on disk but not in lib/api/routes (nor documented)`);
      }
    }
  }
  return problems;
}
