import { z } from "zod";
import type { RouteSpec } from "../lib/api/route-spec";

/** A JSON Schema node as zod 4's `z.toJSONSchema` writes it (the parts rendered here). */
interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
  description?: string;
}

const base64urlPattern = "^[A-Za-z0-9_-]+$";

function bounds(min: number | undefined, max: number | undefined, unit = ""): string | null {
  if (min !== undefined && max !== undefined) {
    return min === max ? `${min}${unit}` : `${min}–${max}${unit}`;
  }
  if (min !== undefined) return `≥ ${min}${unit}`;
  if (max !== undefined) return `≤ ${max}${unit}`;
  return null;
}

function stringType(schema: JsonSchema): string {
  if (schema.pattern === base64urlPattern) {
    // base64url(n) fixes the length at ceil(4n/3) characters: name the bytes, as the docs do.
    const bytes =
      schema.minLength !== undefined && schema.minLength === schema.maxLength
        ? Math.floor((schema.minLength * 3) / 4)
        : null;
    return bytes ? `b64url(${bytes} B)` : "b64url";
  }
  if (schema.pattern?.startsWith("^v1\\.")) return "Envelope";
  const notes = [
    schema.format,
    bounds(schema.minLength, schema.maxLength, " chars"),
    schema.pattern ? `/${schema.pattern}/` : null,
  ].filter(Boolean);
  return notes.length ? `string (${notes.join(", ")})` : "string";
}

function numberType(schema: JsonSchema): string {
  // Integers only here in practice: an exclusive bound is the next integer inside it.
  const step = schema.type === "integer" ? 1 : 0;
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + step);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - step);
  // zod writes the safe-integer range for a plain int(); it says nothing a reader needs.
  const unbounded = (value: number | undefined) =>
    value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER;
  const range = bounds(unbounded(min) ? undefined : min, unbounded(max) ? undefined : max);
  const name = schema.type === "integer" ? "int" : "number";
  return range ? `${name} ${range}` : name;
}

function render(schema: JsonSchema, indent: string): string {
  let text = renderBare(schema, indent);
  if (schema.default !== undefined) text += ` = ${JSON.stringify(schema.default)}`;
  return text;
}

function renderBare(schema: JsonSchema, indent: string): string {
  if (schema.$ref) return schema.$ref.replace(/^#\/\$defs\//, "").replace(/^#$/, "Self");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((member) => render(member, indent)).join(" | ");
  if (schema.allOf) return schema.allOf.map((member) => render(member, indent)).join(" & ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => renderBare({ ...schema, type }, indent)).join(" | ");
  }
  switch (schema.type) {
    case "string":
      return stringType(schema);
    case "number":
    case "integer":
      return numberType(schema);
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      const items = schema.items ? render(schema.items, indent) : "unknown";
      const length = bounds(schema.minItems, schema.maxItems);
      const element = /[ |&]/.test(items) && !items.startsWith("{") ? `(${items})` : items;
      return `${element}[]${length ? ` (${length} items)` : ""}`;
    }
    case "object":
      return renderObject(schema, indent);
    default:
      return "unknown";
  }
}

function renderObject(schema: JsonSchema, indent: string): string {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    if (typeof schema.additionalProperties === "object") {
      return `Record<string, ${render(schema.additionalProperties, indent)}>`;
    }
    return "{}";
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.map(([name, property]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    return `${inner}${key}${required.has(name) ? "" : "?"}: ${render(property, inner)}`;
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** A schema as compact TypeScript-like text, with its recursive parts named after it. */
export function renderSchema(schema: z.ZodType, io: "input" | "output"): string {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    reused: "inline",
    cycles: "ref",
  }) as JsonSchema;
  const definitions = Object.entries(json.$defs ?? {}).map(
    ([name, definition]) => `\n${name} = ${render(definition, "")}`,
  );
  return render(json, "") + definitions.join("");
}

const accessText = (spec: RouteSpec) =>
  [
    spec.access,
    spec.stepUp ? "step-up" : null,
    spec.tokenKinds
      ? `token kinds ${spec.tokenKinds.map((kind) => `\`${kind}\``).join(", ")}`
      : null,
  ]
    .filter(Boolean)
    .join(", ");

function replyText(spec: RouteSpec): string {
  if (spec.response === "empty") return `${spec.status ?? 204}, no body`;
  if (spec.response === "file") return `${spec.status ?? 200}, a file download`;
  return `${spec.status ?? 200}:\n\n\`\`\`text\n${renderSchema(spec.response, "output")}\n\`\`\``;
}

/** docs/api-types.md: every route of the table with its schemas, in the table's order. */
export function renderApiTypes(table: Record<string, RouteSpec>): string {
  const sections = Object.entries(table).map(([name, spec]) => {
    const parts = [
      `### \`${spec.method} ${spec.path}\``,
      "",
      `\`routes.${name}\` · ${accessText(spec)}`,
    ];
    if (spec.query) {
      parts.push("", "Query:", "", "```text", renderSchema(spec.query, "input"), "```");
    }
    if (spec.body) {
      const kind = spec.form ? "Form (`application/x-www-form-urlencoded`)" : "Body";
      parts.push("", `${kind}:`, "", "```text", renderSchema(spec.body, "input"), "```");
    }
    parts.push("", `Answer ${replyText(spec)}`);
    return parts.join("\n");
  });
  return [
    "# Coffer HTTP API: request and response shapes",
    "",
    "<!-- Generated by `npm run docs:api` from lib/api/routes.ts; do not edit by hand. -->",
    "",
    "Every route's body, query and success answer, rendered from the zod schemas the server",
    "validates with and the SDK parses with. [api.md](api.md) says what each route does and",
    "how it fails. Notation: `b64url(32 B)` is base64url without padding of exactly 32 bytes;",
    "`Envelope` is `v1.<nonce>.<ciphertext>` (at most 64 KiB); `?` marks an optional key and",
    "`= value` its default. A body's unknown keys are dropped before the handler sees them.",
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
}
