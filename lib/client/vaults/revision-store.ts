import { get, set } from "idb-keyval";
import { RevisionGuard } from "@/lib/crypto";

// The highest revision seen per item, kept per user in IndexedDB so a rollback by the server is
// caught across reloads too, not only within one tab's lifetime.
const storageKey = (userId: string) => `revision-guard:${userId}`;

let loaded: { userId: string; guard: RevisionGuard } | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

export async function revisionGuard(userId: string): Promise<RevisionGuard> {
  if (loaded && loaded.userId === userId) return loaded.guard;
  let guard = new RevisionGuard();
  try {
    const stored = await get<unknown>(storageKey(userId));
    if (stored !== undefined) guard = RevisionGuard.fromJSON(stored);
  } catch {
    // Storage refused (private mode) or unreadable: start from what this tab sees.
  }
  loaded = { userId, guard };
  return guard;
}

export function persistRevisionGuard(userId: string): void {
  if (!loaded || loaded.userId !== userId) return;
  const guard = loaded.guard;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    void set(storageKey(userId), guard.toJSON()).catch(() => {});
  }, 200);
}
