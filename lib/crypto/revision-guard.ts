import { CryptoError } from "./errors";

/**
 * Remembers the highest revision seen per item and refuses anything older. The revision is in
 * the item AD, so the server cannot relabel an old ciphertext as new; this guard closes the
 * remaining gap — serving an old ciphertext under its own, older revision number.
 *
 * Equal revisions pass (the same item fetched twice). The client persists the map (toJSON) in
 * its own storage, so a restart does not reset what it has seen.
 */
export class RevisionGuard {
  private readonly store: Map<string, number>;

  constructor(store: Map<string, number> = new Map()) {
    this.store = store;
  }

  /** Call before trusting a decrypted item; records the revision if it is accepted. */
  check(itemId: string, revision: number): void {
    if (!Number.isSafeInteger(revision) || revision < 0) {
      throw new CryptoError("item revision");
    }
    const highest = this.store.get(itemId);
    if (highest !== undefined && revision < highest) {
      throw new CryptoError("item rollback");
    }
    this.store.set(itemId, revision);
  }

  highest(itemId: string): number | undefined {
    return this.store.get(itemId);
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.store);
  }

  /** Refuses malformed stored state rather than silently starting from nothing. */
  static fromJSON(json: unknown): RevisionGuard {
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw new Error("RevisionGuard.fromJSON: expected an object of item ids to revisions");
    }
    const store = new Map<string, number>();
    for (const [itemId, revision] of Object.entries(json)) {
      if (typeof revision !== "number" || !Number.isSafeInteger(revision) || revision < 0) {
        throw new Error("RevisionGuard.fromJSON: revisions must be non-negative integers");
      }
      store.set(itemId, revision);
    }
    return new RevisionGuard(store);
  }
}
