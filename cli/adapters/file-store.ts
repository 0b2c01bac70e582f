import type { KeyValueStore } from "@/lib/sdk/key-value-store";
import { readConfigFile, writeConfigFile } from "../config";

/**
 * The SDK's KeyValueStore as one 0600 JSON file in the config folder: the pinned keys and the
 * highest revisions this terminal has seen must outlive the process, or the server could roll
 * a vault back between two commands unnoticed.
 */
export function fileKeyValueStore(name: string): KeyValueStore {
  const load = (): Record<string, unknown> => {
    const text = readConfigFile(name);
    if (text === null) return {};
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  return {
    async get(key) {
      return load()[key];
    },
    async set(key, value) {
      const values = load();
      values[key] = value;
      writeConfigFile(name, `${JSON.stringify(values)}\n`);
    },
  };
}
