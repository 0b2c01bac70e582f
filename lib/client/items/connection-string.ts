import type { ItemPlaintext } from "@/lib/crypto";

export const DATABASE_ENGINES = ["postgresql", "mysql", "mongodb", "redis", "sqlserver"] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export const ENGINE_LABELS: Record<DatabaseEngine, string> = {
  postgresql: "PostgreSQL",
  mysql: "MySQL / MariaDB",
  mongodb: "MongoDB",
  redis: "Redis",
  sqlserver: "SQL Server",
};

const DEFAULT_PORTS: Record<string, DatabaseEngine> = {
  "5432": "postgresql",
  "3306": "mysql",
  "27017": "mongodb",
  "6379": "redis",
  "1433": "sqlserver",
};

const ENGINE_NAMES: [RegExp, DatabaseEngine][] = [
  [/postgres|pg\b/i, "postgresql"],
  [/mysql|maria/i, "mysql"],
  [/mongo/i, "mongodb"],
  [/redis|valkey/i, "redis"],
  [/sql ?server|mssql/i, "sqlserver"],
];

export type DatabaseParts = {
  host: string;
  port: string;
  database: string;
  username: string;
  password: string;
};

const byName = (item: ItemPlaintext, pattern: RegExp) =>
  item.fields.find((field) => pattern.test(field.name.trim()))?.value.trim() ?? "";
const byKind = (item: ItemPlaintext, kind: string) =>
  item.fields.find((field) => field.kind === kind)?.value ?? "";

/** Reads the connection details of a database item by field kind, or by the template's names. */
export function databaseParts(item: ItemPlaintext): DatabaseParts {
  return {
    host: (byKind(item, "host") || byName(item, /^(host|hostname|server)$/i)).trim(),
    port: (byKind(item, "port") || byName(item, /^port$/i)).trim(),
    database: byName(item, /^(database|database name|db|dbname)$/i),
    username: byKind(item, "username") || byName(item, /^(user|username|login)$/i),
    // Never trimmed: a password's spaces are part of it.
    password:
      byKind(item, "password") ||
      (item.fields.find((f) => /^password$/i.test(f.name))?.value ?? ""),
  };
}

/** The engine an item names (an "Engine" field, its title or tags), else its port's usual one. */
export function guessEngine(item: ItemPlaintext): DatabaseEngine {
  const hints = [byName(item, /^(engine|type|driver)$/i), item.title, ...item.tags];
  for (const hint of hints) {
    for (const [pattern, engine] of ENGINE_NAMES) if (hint && pattern.test(hint)) return engine;
  }
  return DEFAULT_PORTS[databaseParts(item).port] ?? "postgresql";
}

// IPv6 literals go in brackets, or their colons would read as the port separator.
const hostPart = (host: string) =>
  host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;

/**
 * The connection string a driver for `engine` reads. In URL forms the user, password and
 * database are percent-encoded, so a password holding `@`, `:`, `/` or `#` cannot end the
 * userinfo early and send the rest to another host. SQL Server's key=value form quotes with
 * braces instead (a `}` doubled), as its drivers expect.
 */
export function connectionString(engine: DatabaseEngine, parts: DatabaseParts): string {
  const address = `${hostPart(parts.host)}${parts.port ? `:${parts.port}` : ""}`;
  if (engine === "sqlserver") {
    const braced = (value: string) => `{${value.replace(/\}/g, "}}")}}`;
    return [
      `sqlserver://${address}`,
      parts.database && `database=${braced(parts.database)}`,
      parts.username && `user=${braced(parts.username)}`,
      parts.password && `password=${braced(parts.password)}`,
    ]
      .filter(Boolean)
      .join(";");
  }
  const user = encodeURIComponent(parts.username);
  const password = encodeURIComponent(parts.password);
  const userinfo = password ? `${user}:${password}@` : user ? `${user}@` : "";
  const path = parts.database ? `/${encodeURIComponent(parts.database)}` : "";
  return `${engine}://${userinfo}${address}${path}`;
}
