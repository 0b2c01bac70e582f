import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import {
  openDatabase,
  sharedConnection,
  type DatabaseConnection,
  type DatabaseKind,
} from "./database/adapter";
import { countingAdapter, noteStatement } from "./database/statement-count";
import { sqlStatement } from "./database/sql-template";
import { env } from "./env";

interface Database {
  client: PrismaClient;
  kind: DatabaseKind;
  query: DatabaseConnection["query"];
}

// One client per process, kept on globalThis so that module re-evaluation (dev reloads,
// several route bundles) never opens the PGlite directory twice.
const holder = globalThis as typeof globalThis & { cofferDatabase?: Promise<Database> };

async function connect(): Promise<Database> {
  // `npm start` opened and migrated the database before Next.js started (scripts/serve.ts);
  // only `next dev` and scripts without that server open their own.
  const connection =
    sharedConnection() ??
    (await openDatabase({ databaseUrl: env.DATABASE_URL, dataDirectory: env.COFFER_DATA_DIR }));
  const adapter = env.COFFER_COUNT_STATEMENTS
    ? countingAdapter(connection.adapter)
    : connection.adapter;
  const query: DatabaseConnection["query"] = env.COFFER_COUNT_STATEMENTS
    ? (text, values) => {
        noteStatement();
        return connection.query(text, values);
      }
    : (text, values) => connection.query(text, values);
  return { client: new PrismaClient({ adapter }), kind: connection.kind, query };
}

export function database(): Promise<Database> {
  holder.cofferDatabase ??= connect().catch((error: unknown) => {
    holder.cofferDatabase = undefined;
    throw error;
  });
  return holder.cofferDatabase;
}

export async function db(): Promise<PrismaClient> {
  return (await database()).client;
}

/**
 * A statement as a tagged template, each `${value}` a parameter, run on the driver without
 * Prisma (docs/decisions/0068). Only for the reads on every request's path, where Prisma's
 * raw-query machinery costs more than the statement: everything else goes through `db()`.
 * An SqlFragment (database/sql-template.ts) goes in as SQL text, not as a parameter.
 */
export async function queryRows<Row>(
  strings: TemplateStringsArray,
  ...values: unknown[]
): Promise<Row[]> {
  const { text, parameters } = sqlStatement(strings, values);
  return (await database()).query<Row>(text, parameters);
}

export type { PrismaClient };
