import { CryptoError, encryptItem, type ItemPlaintext } from "@/lib/crypto";
import type { VaultEnvironmentDto } from "@/lib/api/vault";
import {
  ITEM_BATCH_MAX_CIPHERTEXT,
  ITEM_BATCH_MAX_HISTORY,
  ITEM_BATCH_MAX_ITEMS,
  type ItemBatchInput,
} from "@/lib/api/item-batch";
import { SdkError } from "../http-port";
import {
  acceptVault,
  createVault,
  httpStatusOf,
  isInterruption,
  newClientId,
  VaultAccessError,
} from "../vaults";
import type { VaultSession } from "../vaults";
import type { ImportPlanEntry } from "./plan";
import type { ImportedItem } from "./types";
import { yieldToBrowser } from "../yield-to-browser";

export type ImportProgress = { committed: number; total: number; vaultName: string };

export type CommitImportOptions = {
  /** After each committed batch (and once before the first), for a progress bar. */
  onProgress?(progress: ImportProgress): void;
  /** Checked between batches: an abort stops before the next one, never inside one. */
  signal?: AbortSignal;
  /** Items per request; at most ITEM_BATCH_MAX_ITEMS. */
  batchSize?: number;
  /** The environment label of vaults the import creates. */
  environment?: VaultEnvironmentDto | null;
};

export type CommittedVault = {
  vaultId: string;
  name: string;
  /** True when this import made the vault. */
  created: boolean;
  committed: number;
};

/** Items of one vault that were not written, and why, in one sentence without data. */
export type ImportFailure = { vaultName: string; items: number; message: string };

export type CommitImportResult = {
  committed: number;
  vaults: CommittedVault[];
  failures: ImportFailure[];
  /** The signal aborted: batches already committed stay, later ones were never sent. */
  cancelled: boolean;
};

/** What the server stores of one revision (lib/api/common.ts `envelope`). */
const MAX_ENVELOPE = 65536;

const INTEGRITY_VAULT_MESSAGE =
  "This vault failed its integrity check — the server may have tampered with it.";

type OpenTarget = { vaultId: string; key: Uint8Array; keyVersion: number; name: string };

/**
 * Writes a plan: creates or opens each target vault, encrypts its items in chunks (yielding
 * between them so a page stays responsive) and posts each chunk as one all-or-nothing batch.
 * A failed batch stops that vault — what went before it stays committed, what follows is
 * reported with it — and the next vault is tried; an abort stops everything between batches.
 */
export async function commitImport(
  session: VaultSession,
  plan: readonly ImportPlanEntry[],
  options: CommitImportOptions = {},
): Promise<CommitImportResult> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 250, ITEM_BATCH_MAX_ITEMS));
  const total = plan.reduce((sum, entry) => sum + entry.items.length, 0);
  const result: CommitImportResult = { committed: 0, vaults: [], failures: [], cancelled: false };
  const progress = (vaultName: string) =>
    options.onProgress?.({ committed: result.committed, total, vaultName });
  const summaries = plan.some((entry) => entry.target.kind === "existing")
    ? (await session.api.list()).vaults
    : [];

  for (const entry of plan) {
    if (options.signal?.aborted) {
      result.cancelled = true;
      break;
    }
    const label = entry.target.kind === "new" ? entry.target.name : "the chosen vault";
    let target: OpenTarget;
    let created = false;
    try {
      if (entry.target.kind === "new") {
        const vault = await createVault(session, entry.target.name, options.environment ?? null);
        target = { ...vault, name: entry.target.name };
        created = true;
      } else {
        target = await openTarget(session, summaries, entry.target.vaultId);
      }
    } catch (error) {
      result.failures.push({ vaultName: label, items: entry.items.length, message: reason(error) });
      continue;
    }
    const vault: CommittedVault = {
      vaultId: target.vaultId,
      name: target.name,
      created,
      committed: 0,
    };
    result.vaults.push(vault);
    progress(target.name);

    let tooLarge = 0;
    for (let start = 0; start < entry.items.length;) {
      if (options.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      const chunk = await encryptChunk(target, entry.items, start, batchSize);
      tooLarge += chunk.tooLarge;
      const written = chunk.request.items.length;
      try {
        if (written) await commitBatch(session, target.vaultId, chunk.request);
      } catch (error) {
        result.failures.push({
          vaultName: target.name,
          items: entry.items.length - start - chunk.tooLarge,
          message: reason(error),
        });
        break;
      }
      start += chunk.consumed;
      vault.committed += written;
      result.committed += written;
      progress(target.name);
    }
    if (tooLarge) {
      result.failures.push({
        vaultName: target.name,
        items: tooLarge,
        message: tooLargeMessage(tooLarge),
      });
    }
    if (result.cancelled) break;
  }
  return result;
}

/** One all-or-nothing request; the revisions it answers are remembered against rollback. */
async function commitBatch(session: VaultSession, vaultId: string, request: ItemBatchInput) {
  const answer = await session.api.createItems(vaultId, request);
  const guard = await session.revisions.items();
  for (const item of answer.items) guard.check(item.id, item.revision);
  await session.revisions.save();
}

async function openTarget(
  session: VaultSession,
  summaries: Awaited<ReturnType<VaultSession["api"]["list"]>>["vaults"],
  vaultId: string,
): Promise<OpenTarget> {
  const summary = summaries.find((candidate) => candidate.id === vaultId);
  if (!summary) throw new SdkError("not_found", "That vault does not exist or is not yours.");
  if (summary.role === "view") {
    throw new SdkError("forbidden", "You can only view this vault, so nothing can be added to it.");
  }
  const { key, name } = await acceptVault(session, summary);
  return { vaultId, key, keyVersion: summary.keyVersion, name };
}

/**
 * The next batch from `start`: at most `batchSize` items and ITEM_BATCH_MAX_CIPHERTEXT
 * characters (always at least one item). `consumed` counts the items looked at, `tooLarge`
 * those left out because an envelope would exceed what the server stores for one item.
 */
async function encryptChunk(
  target: OpenTarget,
  items: readonly ImportedItem[],
  start: number,
  batchSize: number,
): Promise<{ request: ItemBatchInput; consumed: number; tooLarge: number }> {
  const batch: ItemBatchInput["items"] = [];
  let size = 0;
  let index = start;
  let tooLarge = 0;
  let sliceStarted = performance.now();
  for (; index < items.length && batch.length < batchSize; index += 1) {
    const item = encryptOne(target, items[index]!);
    const envelopes = [item.ciphertext, ...item.history];
    if (envelopes.some((envelope) => envelope.length > MAX_ENVELOPE)) {
      tooLarge += 1;
      continue;
    }
    const itemSize = envelopes.reduce((sum, envelope) => sum + envelope.length, 0);
    if (batch.length && size + itemSize > ITEM_BATCH_MAX_CIPHERTEXT) break;
    batch.push(item);
    size += itemSize;
    // A browser tab stays responsive: give the event loop a turn every ~50 ms of work.
    if (performance.now() - sliceStarted > 50) {
      await yieldToBrowser();
      sliceStarted = performance.now();
    }
  }
  await yieldToBrowser();
  return {
    request: { keyVersion: target.keyVersion, items: batch },
    consumed: index - start,
    tooLarge,
  };
}

/**
 * Revision n is the current plaintext, 1..n-1 its history (the newest ITEM_BATCH_MAX_HISTORY
 * of it), every one under its own AD, so a Coffer-to-Coffer import keeps the item's past.
 */
function encryptOne(target: OpenTarget, item: ImportedItem) {
  const itemId = newClientId();
  const seal = (plaintext: ItemPlaintext, revision: number) =>
    encryptItem(target.key, plaintext, {
      vaultId: target.vaultId,
      itemId,
      keyVersion: target.keyVersion,
      revision,
    });
  const kept = (item.history ?? []).slice(-ITEM_BATCH_MAX_HISTORY);
  const history = kept.map((plaintext, index) => seal(plaintext, index + 1));
  return { id: itemId, ciphertext: seal(item.plaintext, history.length + 1), history };
}

function tooLargeMessage(count: number): string {
  return count === 1
    ? "One item is larger than Coffer stores (64 KiB encrypted) and was not imported."
    : `${count} items are larger than Coffer stores (64 KiB encrypted) and were not imported.`;
}

function reason(error: unknown): string {
  // A server's refusal (SdkError here, ApiError in the browser) is a sentence without data.
  if (error instanceof SdkError || httpStatusOf(error) !== undefined || isInterruption(error)) {
    return (error as Error).message;
  }
  if (error instanceof VaultAccessError) return error.message;
  if (error instanceof CryptoError) return INTEGRITY_VAULT_MESSAGE;
  // Anything else (a bug, a refused item shape) is named without its text, which could hold data.
  return "The items could not be encrypted or sent.";
}
