import { formatSecretKey, getSodium, normaliseEmail, parseSecretKey } from "@/lib/crypto";
import { SdkError } from "./http-port";
import type { KeyValueStore } from "./key-value-store";

// The Secret Key lives on each trusted device and on the printed Emergency Kit, never on the
// server. Stored in its printed form so the kit can be made again verbatim; keyed by the
// normalised email, one entry per account used on the device.
const storageKey = (email: string) => `secret-key:${normaliseEmail(email)}`;

export async function loadSecretKey(store: KeyValueStore, email: string): Promise<string | null> {
  const value = await store.get(storageKey(email));
  return typeof value === "string" ? value : null;
}

export async function saveSecretKey(
  store: KeyValueStore,
  email: string,
  formattedSecretKey: string,
): Promise<void> {
  await store.set(storageKey(email), formattedSecretKey);
}

export interface ResolvedSecretKey {
  bytes: Uint8Array;
  formatted: string;
  /** Typed in rather than read from the store: saved once the sign-in proves it right. */
  typed: boolean;
}

/** The Secret Key typed in (which must parse), or else the one stored on this device. */
export async function resolveSecretKey(
  store: KeyValueStore,
  email: string,
  typed: string | undefined,
): Promise<ResolvedSecretKey> {
  await getSodium();
  if (typed && typed.trim()) {
    const bytes = parseSecretKey(typed);
    return { bytes, formatted: formatSecretKey(bytes), typed: true };
  }
  const stored = await loadSecretKey(store, email);
  if (!stored) {
    throw new SdkError("secret_key_missing", "Enter your Secret Key from your Emergency Kit.");
  }
  return { bytes: parseSecretKey(stored), formatted: stored, typed: false };
}
