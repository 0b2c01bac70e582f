import "server-only";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { acquireDataDirectoryLock } from "./pglite-lock";

export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseConnection {
  kind: DatabaseKind;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/**
 * The only place that knows which engine is in use: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite under the data directory.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDirectory: string;
}): Promise<DatabaseConnection> {
  if (options.databaseUrl) {
    return {
      kind: "postgresql",
      adapter: new PrismaPg({ connectionString: options.databaseUrl }),
      close: async () => {},
    };
  }
  const directory = path.resolve(options.dataDirectory, "pglite");
  const release = acquireDataDirectoryLock(path.resolve(options.dataDirectory));
  try {
    const pglite = await PGlite.create(directory);
    return {
      kind: "pglite",
      adapter: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
