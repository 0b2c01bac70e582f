import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine is downloaded at install time, which our environments cannot
// do; its WASM build runs the same migration logic through the driver adapter the app uses.

const projectRoot = process.cwd();
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDirectory = path.join(projectRoot, "prisma", "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

let wasmInitialised = false;

function initialiseWasm() {
  if (wasmInitialised) return;
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  engineBindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  wasmInitialised = true;
}

async function createEngine(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  initialiseWasm();
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  const log = () => {};
  return (await engineBindings.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapter),
  )) as SchemaEngine;
}

export function readMigrations(): MigrationList {
  const directories = fs.existsSync(migrationsDirectory)
    ? fs
        .readdirSync(migrationsDirectory, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDirectory, "migration_lock.toml");
  return {
    baseDir: migrationsDirectory,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok",
          value: fs.readFileSync(path.join(migrationsDirectory, name, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

/**
 * Whether a committed migration is not finished in the database, found with one query. Any
 * doubt (no migrations table yet, a failed migration) counts as pending and goes to the schema
 * engine, which decides and reports as before.
 */
async function hasPendingMigrations(adapter: SqlMigrationAwareDriverAdapterFactory) {
  const committed = readMigrations().migrationDirectories.map((directory) => directory.path);
  const connection = await adapter.connect();
  try {
    const result = await connection.queryRaw({
      sql: "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      args: [],
      argTypes: [],
    });
    const finished = new Set(result.rows.map((row) => String(row[0])));
    return committed.some((name) => !finished.has(name));
  } catch {
    return true;
  } finally {
    await connection.dispose();
  }
}

/** Applies every committed migration the database has not seen yet; returns their names. */
export async function applyMigrations(
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  // The schema engine is a WebAssembly program of its own (tens of MiB that a process keeps):
  // a start with nothing to apply never loads it.
  if (!(await hasPendingMigrations(adapter))) return [];
  const engine = await createEngine(adapter);
  try {
    const result = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes a database holding every committed migration to the current schema.
 * `adapter` must point at a scratch database: migrations are applied to it first.
 */
export async function diffSchemaAgainstMigrations(
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const engine = await createEngine(adapter);
  try {
    await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilters });
    const datamodel = fs.readFileSync(schemaPath, "utf8");
    const result = await engine.diff({
      from: {
        tag: "schemaDatasource",
        files: [{ path: schemaPath, content: datamodel }],
        configDir: projectRoot,
      },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: datamodel }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
