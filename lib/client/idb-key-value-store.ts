import { get, set } from "idb-keyval";
import type { KeyValueStore } from "@/lib/sdk/key-value-store";

/** The SDK's KeyValueStore in the browser: this origin's IndexedDB, via idb-keyval. */
export const idbKeyValueStore: KeyValueStore = {
  get: (key) => get<unknown>(key),
  set: (key, value) => set(key, value),
};
