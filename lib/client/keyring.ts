import { requireSodium } from "@/lib/crypto";
import type { UnlockedAccount } from "@/lib/sdk/unlocked-account";

/**
 * The unlocked keys of the signed-in person. Memory only, by design: never localStorage,
 * sessionStorage or IndexedDB, so a reload, an idle timeout or "Lock now" leaves nothing behind.
 */
export type Keyring = UnlockedAccount;

type Listener = () => void;

let current: Keyring | null = null;
const listeners = new Set<Listener>();

function emit() {
  for (const listener of listeners) listener();
}

export function subscribeKeyring(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getKeyring(): Keyring | null {
  return current;
}

/** Server rendering never has keys. */
export function getServerKeyring(): Keyring | null {
  return null;
}

export function setKeyring(keyring: Keyring): void {
  if (current && current !== keyring) wipe(current);
  current = keyring;
  emit();
}

/** Zeroes every key buffer and forgets them. */
export function lock(): void {
  if (!current) return;
  wipe(current);
  current = null;
  emit();
}

function wipe(keyring: Keyring) {
  const buffers = [keyring.userKey, keyring.boxKeyPair.privateKey, keyring.signKeyPair.privateKey];
  // Synchronous on purpose: nothing may read the keys between "locked" and "zeroed". Anyone who
  // filled the keyring has initialised libsodium already.
  try {
    const sodium = requireSodium();
    for (const buffer of buffers) sodium.memzero(buffer);
  } catch {
    for (const buffer of buffers) buffer.fill(0);
  }
}
