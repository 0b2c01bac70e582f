import "server-only";
import { env } from "../env";
import { countRecentFailures, recordSignInFailure, clearFailures } from "../data/sign-in-failures";

const accountBucket = (email: string) => `account:${email}`;
const addressBucket = (address: string) => `address:${address}`;

/**
 * Seconds until another sign-in attempt is allowed, or 0 when it is allowed now. Counted in
 * the database so that the limit holds across every app instance.
 */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  return retryAfter(
    [
      [accountBucket(email), env.COFFER_SIGNIN_LIMIT_ACCOUNT],
      [addressBucket(address), env.COFFER_SIGNIN_LIMIT_ADDRESS],
    ],
    env.COFFER_SIGNIN_WINDOW_MINUTES * 60_000,
  );
}

/**
 * Seconds until the busiest of these buckets has room again (each allows `limit` failures per
 * window), or 0 when all have room now. Counted in the database so the limit holds across every
 * app instance; sign-ins and recovery codes share it.
 */
export async function retryAfter(
  checks: Array<[bucket: string, limit: number]>,
  windowMs: number,
): Promise<number> {
  const since = new Date(Date.now() - windowMs);
  const failures = await countRecentFailures(
    checks.map(([bucket]) => bucket),
    since,
  );
  let seconds = 0;
  for (const [bucket, limit] of checks) {
    const { count, oldest } = failures.get(bucket) ?? { count: 0, oldest: null };
    if (count >= limit && oldest) {
      const wait = Math.ceil((oldest.getTime() + windowMs - Date.now()) / 1000);
      seconds = Math.max(seconds, Math.max(wait, 1));
    }
  }
  return seconds;
}

export async function noteSignInFailure(email: string, address: string) {
  await recordSignInFailure([accountBucket(email), addressBucket(address)]);
}

export async function noteSignInSuccess(email: string) {
  await clearFailures(accountBucket(email));
}
