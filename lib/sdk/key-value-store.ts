/**
 * Where a client keeps what it must remember between runs and that the server must not be able
 * to reset: the highest item revision and vault key version it has seen. The browser adapter
 * is IndexedDB; Node programs use a map in memory or a file. Values are JSON-compatible.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** A store that lives as long as the process: one device that is never reopened. */
export function memoryKeyValueStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    async get(key) {
      const text = values.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    async set(key, value) {
      // Stored as text, like every real store: a caller cannot mutate what was saved.
      values.set(key, JSON.stringify(value));
    },
  };
}
