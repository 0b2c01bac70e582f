import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { openDatabase, sharedConnection, type DatabaseKind } from "./database/adapter";
import { countingAdapter } from "./database/statement-count";
import { env } from "./env";

interface Database {
  client: PrismaClient;
  kind: DatabaseKind;
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
  return { client: new PrismaClient({ adapter }), kind: connection.kind };
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

export type { PrismaClient };
