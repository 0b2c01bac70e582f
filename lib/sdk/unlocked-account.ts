import { requireSodium, type KeyPair } from "@/lib/crypto";

/**
 * A person's keys once unlocked: what the browser keyring holds in memory and what the SDK's
 * vault, sharing and service-account code takes. The AUK is not part of it: once the userKey is
 * unwrapped it has no further use.
 */
export interface UnlockedAccount {
  userId: string;
  email: string;
  userKey: Uint8Array;
  boxKeyPair: KeyPair;
  signKeyPair: KeyPair;
}

/** Zeroes key buffers; callers use it in `finally` for every intermediate key. */
export function wipe(...buffers: Array<Uint8Array | undefined>): void {
  const sodium = requireSodium();
  for (const buffer of buffers) if (buffer) sodium.memzero(buffer);
}

/** Zeroes the private parts of an unlocked account (locking, or a failed consistency check). */
export function wipeUnlockedAccount(account: UnlockedAccount): void {
  wipe(account.userKey, account.boxKeyPair.privateKey, account.signKeyPair.privateKey);
}
