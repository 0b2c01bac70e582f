import "server-only";
import { env } from "../env";
import { recordAudit } from "../audit";
import { getRotationSettings, insertDueIntervalFlags } from "../data/flags";

/**
 * Flags every item whose rotation interval has passed since its secrets last changed, in one
 * statement. Safe to run from several instances at once: each item is flagged once (see
 * insertDueIntervalFlags). Returns how many flags this call raised.
 */
export async function flagDueItems(now = new Date()) {
  const { dueHours } = await getRotationSettings();
  const flagged = await insertDueIntervalFlags(now, dueHours);
  if (flagged > 0) {
    await recordAudit({
      action: "flag.create",
      actorId: null,
      targetType: "organization",
      details: { source: "interval", count: flagged },
    });
  }
  return flagged;
}

const holder = globalThis as typeof globalThis & { cofferRotationScheduler?: NodeJS.Timeout };

/**
 * Checks at start-up, then every COFFER_ROTATION_CHECK_MINUTES. Once per process (route
 * bundles and instrumentation may each load this module); the timer is unref'd so it never
 * keeps the process alive, and a check still running when the next is due is not doubled.
 */
export function startRotationScheduler() {
  if (holder.cofferRotationScheduler) return;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await flagDueItems();
    } catch (error) {
      // The name only: a database error can carry query parameters.
      console.error(
        `[rotation] interval check failed: ${error instanceof Error ? error.name : typeof error}`,
      );
    } finally {
      running = false;
    }
  };
  holder.cofferRotationScheduler = setInterval(check, env.COFFER_ROTATION_CHECK_MINUTES * 60_000);
  holder.cofferRotationScheduler.unref();
  void check();
}
