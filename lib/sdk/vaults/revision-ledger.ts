import { CryptoError, RevisionGuard } from "@/lib/crypto";
import type { KeyValueStore } from "../key-value-store";

// The same storage keys the browser has always used, so a device keeps what it saw.
const itemKey = (userId: string) => `revision-guard:${userId}`;
const vaultKey = (userId: string) => `key-version-guard:${userId}`;

/**
 * High-water marks kept on the device, per person: the highest revision seen of every item and
 * the highest key version seen of every vault. The server cannot roll either back unnoticed,
 * across restarts too, because only this device writes them (DESIGN.md §9).
 */
export class RevisionLedger {
  private guards: Promise<{ items: RevisionGuard; vaults: RevisionGuard }> | null = null;
  private saving: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly userId: string,
  ) {}

  private async read(key: string): Promise<RevisionGuard> {
    try {
      const stored = await this.store.get(key);
      return stored === undefined ? new RevisionGuard() : RevisionGuard.fromJSON(stored);
    } catch {
      // Storage refused (private mode) or unreadable: start from what this run sees.
      return new RevisionGuard();
    }
  }

  private load() {
    this.guards ??= Promise.all([
      this.read(itemKey(this.userId)),
      this.read(vaultKey(this.userId)),
    ]).then(([items, vaults]) => ({ items, vaults }));
    return this.guards;
  }

  /** The item guard: `check(itemId, revision)` refuses an older revision than one seen. */
  async items(): Promise<RevisionGuard> {
    return (await this.load()).items;
  }

  /** Refuses a vault served at an older key version than one this device has seen. */
  async checkKeyVersion(vaultId: string, keyVersion: number): Promise<void> {
    const { vaults } = await this.load();
    const highest = vaults.highest(vaultId);
    if (highest !== undefined && keyVersion < highest) throw new CryptoError("vault key rollback");
    if (highest !== keyVersion) {
      vaults.check(vaultId, keyVersion);
      await this.save();
    }
  }

  /** Writes both guards; calls made while a write is running share the next one. */
  save(): Promise<void> {
    this.dirty = true;
    this.saving ??= this.flush();
    return this.saving;
  }

  private async flush(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const { items, vaults } = await this.load();
        await this.store.set(itemKey(this.userId), items.toJSON());
        await this.store.set(vaultKey(this.userId), vaults.toJSON());
      }
    } catch {
      // Storage refused: this run still holds the marks in memory and keeps enforcing them.
    } finally {
      this.saving = null;
    }
  }
}
