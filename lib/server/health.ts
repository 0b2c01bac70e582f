import "server-only";
import { database } from "./db";
import type { DatabaseKind } from "./database/adapter";

// Load balancers and uptime checks poll every instance, often several times a second: a round
// trip to the database for each would make the cheapest request cost as much as a real one. A
// check answers from the last ping while it is this fresh, so a database that stops answering
// shows within that time, and a failed ping is retried by the next check rather than kept.
const pingFreshForMs = 2_000;

let lastPing: { at: number; result: Promise<DatabaseKind> } | null = null;

/** The engine in use, once the database has answered a ping within the last two seconds. */
export function databaseHealth(): Promise<DatabaseKind> {
  const now = Date.now();
  if (lastPing && now - lastPing.at < pingFreshForMs) return lastPing.result;
  const result = ping();
  const current = { at: now, result };
  lastPing = current;
  result.catch(() => {
    if (lastPing === current) lastPing = null;
  });
  return result;
}

async function ping(): Promise<DatabaseKind> {
  const { client, kind } = await database();
  await client.$queryRaw`SELECT 1`;
  return kind;
}
