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
  const windowMs = env.COFFER_SIGNIN_WINDOW_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const checks: Array<[string, number]> = [
    [accountBucket(email), env.COFFER_SIGNIN_LIMIT_ACCOUNT],
    [addressBucket(address), env.COFFER_SIGNIN_LIMIT_ADDRESS],
  ];
  const failures = await countRecentFailures(
    checks.map(([bucket]) => bucket),
    since,
  );
  let retryAfter = 0;
  for (const [bucket, limit] of checks) {
    const { count, oldest } = failures.get(bucket) ?? { count: 0, oldest: null };
    if (count >= limit && oldest) {
      const seconds = Math.ceil((oldest.getTime() + windowMs - Date.now()) / 1000);
      retryAfter = Math.max(retryAfter, Math.max(seconds, 1));
    }
  }
  return retryAfter;
}

export async function noteSignInFailure(email: string, address: string) {
  await recordSignInFailure([accountBucket(email), addressBucket(address)]);
}

export async function noteSignInSuccess(email: string) {
  await clearFailures(accountBucket(email));
}
