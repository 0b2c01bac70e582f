import type { ItemPageResponse } from "@/lib/api/item-page";
import type { ItemDto, MemberDto, VaultDetailResponse, VaultSummaryDto } from "@/lib/api/vault";
import { itemPages, ItemPagesError } from "@/lib/sdk/vaults/item-pages";
import type { DecryptedItem, MemberTrust, OpenedVault } from "@/lib/sdk/vaults/open-vault";
import { yieldToBrowser } from "@/lib/sdk/yield-to-browser";
import { mergeByTitle } from "./search";
import { searchableText } from "./templates";

// One place that opens vaults for every screen of this tab: the vault list, a vault, an item,
// the names other pages show and the command palette all read the same decrypted copy, so a
// vault is fetched, its grant checked and its items decrypted once, not once per hook. The
// store lives as long as the keyring it was made for (vault-store-instance.ts drops it on lock).

/** A decrypted item with its lower-cased search text, computed once when it is decrypted. */
export type StoredItem = DecryptedItem & { text: string };

export interface VaultState {
  /** The vault, its members and its item count; `items` is empty (they come by page). */
  detail: VaultDetailResponse | null;
  opened: OpenedVault | null;
  trust: Map<string, MemberTrust>;
  /** Decrypted so far, in title order. */
  items: StoredItem[];
  /** The vault's item count as its detail gave it. */
  total: number;
  /** Every page is in. */
  complete: boolean;
  /**
   * Items the vault counts that no page brought (a dropped page, or items added meanwhile):
   * shown, never silently ignored.
   */
  missing: number;
  error: string | null;
  loadedAt: number;
}

/** A vault state whose detail and key check are in. */
export type LoadedVaultState = VaultState & { detail: VaultDetailResponse; opened: OpenedVault };

export interface VaultListState {
  vaults: OpenedVault[] | null;
  error: string | null;
}

/** What the store needs from the network and the protocol; the browser's is in vault-store-instance.ts. */
export interface VaultSource {
  list(): Promise<VaultSummaryDto[]>;
  head(vaultId: string): Promise<VaultDetailResponse>;
  itemPage(vaultId: string, after: string | null, limit: number): Promise<ItemPageResponse>;
  /** Every page in one answer, read as it arrives (the SDK's ItemPageStream), where possible. */
  itemStream?(vaultId: string, firstLimit: number): AsyncIterable<unknown>;
  open(summary: VaultSummaryDto): Promise<OpenedVault>;
  /**
   * Decrypts under each item's AD, refusing rolled-back revisions (sdk decryptItems). It need
   * not write the revision marks to storage: the store calls `saveRevisions` once a load ends.
   */
  decrypt(vaultId: string, key: Uint8Array, items: ItemDto[]): Promise<DecryptedItem[]>;
  saveRevisions?(): Promise<void>;
  trust(members: MemberDto[]): Promise<Map<string, MemberTrust>>;
  /** Called alongside the first fetch: the contacts the grant check needs. */
  prepare?(): Promise<unknown>;
  errorMessage(error: unknown): string;
}

/** Pages larger than this are merged and rendered in a task after their decryption. */
const YIELD_AFTER_ITEMS = 500;

/** A cached vault younger than this is shown as it is; an older one is fetched again. */
export const FRESH_MS = 60_000;

const emptyList: VaultListState = { vaults: null, error: null };

export class VaultStore {
  private readonly vaults = new Map<string, VaultState>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly generations = new Map<string, number>();
  private list: VaultListState = emptyList;
  private listLoad: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(
    private readonly source: VaultSource,
    private readonly now: () => number = () => Date.now(),
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Changes whenever anything in the store does: a key for memoising derived views. */
  getVersion = () => this.version;

  vault(vaultId: string): VaultState | null {
    return this.vaults.get(vaultId) ?? null;
  }

  vaultList(): VaultListState {
    return this.list;
  }

  /** Every vault state, for views across vaults (the command palette). */
  allVaults(): VaultState[] {
    return [...this.vaults.values()];
  }

  /** Loads the vault unless a fresh copy is here or a load is running. */
  ensureVault(vaultId: string): Promise<void> {
    const running = this.loads.get(vaultId);
    if (running) return running;
    const state = this.vaults.get(vaultId);
    if (state?.complete && !state.error && this.now() - state.loadedAt < FRESH_MS) {
      return Promise.resolve();
    }
    return this.refreshVault(vaultId);
  }

  /**
   * Fetches the vault again, after a change made here or to pick up others'. The copy on screen
   * stays until the new one is complete, so a refresh never blanks a list someone is reading.
   */
  refreshVault(vaultId: string): Promise<void> {
    const generation = (this.generations.get(vaultId) ?? 0) + 1;
    this.generations.set(vaultId, generation);
    const load = this.load(vaultId, generation).finally(() => {
      if (this.loads.get(vaultId) === load) this.loads.delete(vaultId);
    });
    this.loads.set(vaultId, load);
    return load;
  }

  /**
   * Drops a vault that no longer exists (deleted here), from the list and from search, at once:
   * the list's refresh that follows would otherwise show it until the server answers.
   */
  forget(vaultId: string) {
    this.generations.set(vaultId, (this.generations.get(vaultId) ?? 0) + 1);
    this.loads.delete(vaultId);
    this.vaults.delete(vaultId);
    if (this.list.vaults) {
      this.list = {
        ...this.list,
        vaults: this.list.vaults.filter((vault) => vault.summary.id !== vaultId),
      };
    }
    this.emit();
  }

  /**
   * The vault with its detail and key, once loaded (a fresh cached copy at once): for an action
   * that seals or reads its key outside the vault screens. A failed load rejects with its message.
   */
  async loadedVault(vaultId: string): Promise<LoadedVaultState> {
    await this.ensureVault(vaultId);
    const state = this.vaults.get(vaultId);
    if (!state?.detail || !state.opened || state.error) {
      throw new Error(state?.error ?? "This vault could not be loaded. Try again.");
    }
    return { ...state, detail: state.detail, opened: state.opened };
  }

  /** The vaults this person can see, opened; `refresh` fetches the list again. */
  async openedVaults(refresh = false): Promise<OpenedVault[]> {
    await this.ensureList(refresh);
    if (this.list.error || !this.list.vaults) {
      throw new Error(this.list.error ?? "The vaults could not be loaded. Try again.");
    }
    return this.list.vaults;
  }

  /** Loads the list of vaults once; `refresh` fetches it again. */
  ensureList(refresh = false): Promise<void> {
    if (this.listLoad && !refresh) return this.listLoad;
    this.listLoad = this.loadList();
    return this.listLoad;
  }

  /** The list, then every vault this person can open: what a search across vaults needs. */
  async ensureAll(): Promise<void> {
    await this.ensureList();
    for (const vault of this.list.vaults ?? []) {
      if (vault.key) await this.ensureVault(vault.summary.id);
    }
  }

  private async loadList() {
    try {
      const summaries = await this.source.list();
      const opened: OpenedVault[] = [];
      for (const summary of summaries) opened.push(await this.source.open(summary));
      opened.sort((a, b) => a.name.localeCompare(b.name));
      this.list = { vaults: opened, error: null };
    } catch (error) {
      this.list = { vaults: this.list.vaults, error: this.source.errorMessage(error) };
      this.listLoad = null;
    }
    this.emit();
  }

  private current(vaultId: string, generation: number) {
    return this.generations.get(vaultId) === generation;
  }

  private async load(vaultId: string, generation: number) {
    const previous = this.vaults.get(vaultId);
    // Progress is shown only for a first load; a refresh swaps in the result when complete.
    const showProgress = !previous?.complete;
    const { itemStream } = this.source;
    const pages = itemPages((after, limit) => this.source.itemPage(vaultId, after, limit), {
      stream: itemStream && ((firstLimit) => itemStream.call(this.source, vaultId, firstLimit)),
    });
    try {
      const firstPage = pages.next();
      // An unhandled rejection while the detail is awaited would surface on its own.
      firstPage.catch(() => {});
      const [detail] = await Promise.all([this.source.head(vaultId), this.source.prepare?.()]);
      const opened = await this.source.open(detail.vault);
      const trust = await this.source.trust(detail.members);
      let state: VaultState = {
        detail,
        opened,
        trust,
        items: [],
        total: detail.vault.itemCount,
        complete: false,
        missing: 0,
        error: null,
        loadedAt: this.now(),
      };
      const publish = (next: VaultState) => {
        state = next;
        if (!this.current(vaultId, generation)) return;
        if (showProgress || next.complete) this.set(vaultId, next);
      };
      publish(state);
      if (!opened.key) {
        await pages.return(undefined);
        publish({ ...state, complete: true });
        return;
      }
      let received = 0;
      try {
        let step = await firstPage;
        while (!step.done) {
          if (!this.current(vaultId, generation)) {
            await pages.return(undefined);
            return;
          }
          received += step.value.length;
          const decrypted = await this.source.decrypt(vaultId, opened.key, step.value);
          // The merge and render of a large page get a task of their own, not the tail of the
          // decryption's last slice: together they would hold the main thread too long.
          if (step.value.length > YIELD_AFTER_ITEMS) await yieldToBrowser();
          const stored = decrypted.map((item) => ({
            ...item,
            text: item.plaintext ? searchableText(item.plaintext) : "",
          }));
          publish({ ...state, items: mergeByTitle(state.items, stored) });
          step = await pages.next();
        }
        publish({
          ...state,
          complete: true,
          missing: Math.max(0, state.total - received),
          loadedAt: this.now(),
        });
      } finally {
        // Once for the whole vault, after its last rows are shown: the marks already hold in
        // memory, and writing them after every page would copy them all each time.
        if (received > 0) void this.source.saveRevisions?.();
      }
    } catch (error) {
      if (!this.current(vaultId, generation)) return;
      const message =
        error instanceof ItemPagesError ? error.message : this.source.errorMessage(error);
      this.set(vaultId, {
        ...(this.vaults.get(vaultId) ?? blankState(this.now())),
        complete: true,
        error: message,
      });
    }
  }

  private set(vaultId: string, state: VaultState) {
    this.vaults.set(vaultId, state);
    this.emit();
  }

  private emit() {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

function blankState(loadedAt: number): VaultState {
  return {
    detail: null,
    opened: null,
    trust: new Map(),
    items: [],
    total: 0,
    complete: false,
    missing: 0,
    error: null,
    loadedAt,
  };
}
