// Database maintenance: `migrate` applies committed migrations to the configured database;
// `new-migration <name>` writes the SQL that brings a scratch database from the committed
// migrations to prisma/schema.prisma into a new prisma/migrations/<timestamp>_<name>/.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openDatabase } from "../lib/server/database/adapter";
import {
  applyMigrations,
  diffSchemaAgainstMigrations,
  migrationsDirectory,
} from "../lib/server/database/migrate";

async function migrate() {
  const connection = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDirectory: process.env.COFFER_DATA_DIR || ".data",
  });
  try {
    const applied = await applyMigrations(connection.adapter);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${connection.kind}: ${applied.join(", ")}`
        : `The ${connection.kind} database is up to date.`,
    );
  } finally {
    await connection.close();
  }
}

async function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:new-migration -- <name> (lowercase letters, digits, _)");
  }
  const scratch = await PGlite.create();
  try {
    const sql = await diffSchemaAgainstMigrations(
      new PrismaPGlite(scratch) as unknown as SqlMigrationAwareDriverAdapterFactory,
    );
    if (!sql.trim() || /^--\s*This is an empty migration/.test(sql.trim())) {
      console.log("The schema matches the committed migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const directory = path.join(migrationsDirectory, `${stamp}_${name}`);
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, "migration.sql"), sql);
    const lockPath = path.join(migrationsDirectory, "migration_lock.toml");
    if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), directory)}/migration.sql`);
  } finally {
    await scratch.close();
  }
}

const [command, argument] = process.argv.slice(2);
const run =
  command === "migrate" ? migrate() : command === "new-migration" ? newMigration(argument) : null;
if (!run) {
  console.error("Usage: tsx scripts/db.ts migrate | new-migration <name>");
  process.exit(2);
}
run.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
