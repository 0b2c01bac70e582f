import { get, set } from "idb-keyval";
import type { KeyValueStore } from "@/lib/sdk/key-value-store";
import * as storedSecretKey from "@/lib/sdk/stored-secret-key";

/**
 * Where this browser keeps the Secret Key of each account used on it (IndexedDB; entries as
 * lib/sdk/stored-secret-key names them). Private browsing modes may refuse IndexedDB: then it
 * behaves as a device without a stored key, and a write is dropped — the person has the
 * Emergency Kit and is asked for the key next time.
 */
export const secretKeyStore: KeyValueStore = {
  async get(key) {
    try {
      return await get<unknown>(key);
    } catch {
      return undefined;
    }
  },
  async set(key, value) {
    try {
      await set(key, value);
    } catch {
      // Not fatal, as above.
    }
  },
};

export function loadSecretKey(email: string): Promise<string | null> {
  return storedSecretKey.loadSecretKey(secretKeyStore, email);
}

export function saveSecretKey(email: string, formattedSecretKey: string): Promise<void> {
  return storedSecretKey.saveSecretKey(secretKeyStore, email, formattedSecretKey);
}
