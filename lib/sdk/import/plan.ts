import type { ImportedItem, ImportResult } from "./types";

/** Where a group of imported items goes: a vault the person can already write to, or a new one. */
export type ImportTarget = { kind: "existing"; vaultId: string } | { kind: "new"; name: string };

export type ImportPlanEntry = { target: ImportTarget; items: ImportedItem[] };

/** One existing vault (by id) or one new vault (by name). */
export type ImportVaultChoice =
  { vaultId: string; vaultName?: undefined } | { vaultName: string; vaultId?: undefined };

export type ImportPlanOptions =
  /**
   * "one-vault": everything into one vault, folders dropped (the preview says so).
   * "folders-as-tags": the same, each item tagged with its folder path ("Work/Servers").
   */
  | ({ mode: "one-vault" | "folders-as-tags" } & ImportVaultChoice)
  /**
   * One new vault per folder path. `names` overrides the default name of a folder, keyed by
   * folderKey(path); root-level items go to `names[""]`, else `rootName`, else "Imported".
   */
  | { mode: "per-folder"; names?: Record<string, string>; rootName?: string };

/** The key of a folder path in `names`; "" is the root. Segments are joined with "/". */
export function folderKey(path: readonly string[]): string {
  return path.join("/");
}

/** The vault name a folder path gets unless the person renames it. */
export function defaultFolderVaultName(path: readonly string[]): string {
  return path.length ? path.join(" / ") : "Imported";
}

/**
 * Archived and trashed records are imported like the others (the warnings name them), tagged
 * with their state so the person can find and delete them afterwards: Coffer has no trash.
 */
function withStateTag(item: ImportedItem): ImportedItem {
  if (item.state === "active" || item.plaintext.tags.includes(item.state)) return item;
  return { ...item, plaintext: { ...item.plaintext, tags: [...item.plaintext.tags, item.state] } };
}

function withFolderTag(item: ImportedItem): ImportedItem {
  const tag = folderKey(item.folder);
  if (!tag || item.plaintext.tags.includes(tag)) return item;
  return { ...item, plaintext: { ...item.plaintext, tags: [...item.plaintext.tags, tag] } };
}

function targetOf(choice: ImportVaultChoice): ImportTarget {
  return choice.vaultId !== undefined
    ? { kind: "existing", vaultId: choice.vaultId }
    : { kind: "new", name: choice.vaultName.trim() || "Imported" };
}

/**
 * Which items go to which vault. Pure: nothing is encrypted or sent until commitImport. Folders
 * that hold no items make no vault; the order of items within a vault is the file's.
 */
export function planImport(result: ImportResult, options: ImportPlanOptions): ImportPlanEntry[] {
  const items = result.items.map(withStateTag);
  if (options.mode !== "per-folder") {
    if (!items.length) return [];
    const tagged = options.mode === "folders-as-tags" ? items.map(withFolderTag) : items;
    return [{ target: targetOf(options), items: tagged }];
  }
  const groups = new Map<string, { path: string[]; items: ImportedItem[] }>();
  for (const item of items) {
    const key = folderKey(item.folder);
    const group = groups.get(key) ?? { path: item.folder, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  // Two folders renamed to the same name share one vault, as the person asked.
  const byName = new Map<string, ImportedItem[]>();
  for (const [key, group] of groups) {
    const fallback =
      key === "" ? options.rootName?.trim() || "Imported" : defaultFolderVaultName(group.path);
    const name = options.names?.[key]?.trim() || fallback;
    byName.set(name, [...(byName.get(name) ?? []), ...group.items]);
  }
  return [...byName].map(([name, entryItems]) => ({
    target: { kind: "new", name },
    items: entryItems,
  }));
}

/** How many items a plan writes in all. */
export function plannedItemCount(plan: readonly ImportPlanEntry[]): number {
  return plan.reduce((total, entry) => total + entry.items.length, 0);
}
