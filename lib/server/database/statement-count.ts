import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

// Counts the SQL statements each request sends to the database, at the driver adapter: below
// Prisma's query planning, so what is counted is what the database is asked to run. Enabled by
// COFFER_COUNT_STATEMENTS for tests and benchmarks (docs/decisions/0051); off, nothing here runs.

interface Tally {
  statements: number;
}

// Process-wide: Next.js bundles this module into each route separately, while the database
// client (and so the adapter's proxy) is made once by whichever route connected first.
const holder = globalThis as typeof globalThis & {
  cofferStatementTally?: AsyncLocalStorage<Tally>;
};
const requestTally = (holder.cofferStatementTally ??= new AsyncLocalStorage<Tally>());

const note = () => {
  const tally = requestTally.getStore();
  if (tally) tally.statements++;
};

/** Counts a statement sent beside the adapter, on the driver itself (`queryRows` in db.ts). */
export const noteStatement = note;

/** Runs `work`, returning what it returned and how many statements it (and its callees) sent. */
export async function countStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const tally: Tally = { statements: 0 };
  const result = await requestTally.run(tally, work);
  return { result, statements: tally.statements };
}

const statementMethods = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript"]);

/**
 * The adapter's queries and raw executions count one each; starting a transaction counts its
 * BEGIN. A COMMIT or ROLLBACK is an `executeRaw` of Prisma's own, except on adapters whose
 * driver ends the transaction itself (`usePhantomQuery`, PGlite): there `commit()` and
 * `rollback()` are the statement.
 */
function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (statementMethods.has(property)) {
        return (...args: unknown[]) => {
          note();
          return method.apply(object, args);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => {
          note();
          return counting((await method.apply(object, args)) as Transaction);
        };
      }
      if (property === "commit" || property === "rollback") {
        return (...args: unknown[]) => {
          if ((object as Partial<Transaction>).options?.usePhantomQuery) note();
          return method.apply(object, args);
        };
      }
      return method.bind(object);
    },
  });
}

/** The factory, with every connection it makes counting its statements. */
export function countingAdapter(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return new Proxy(factory, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (property === "connect" && typeof value === "function") {
        return async () => counting((await value.call(object)) as SqlDriverAdapter);
      }
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
