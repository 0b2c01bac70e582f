import { z } from "zod";
import { clientId, envelope } from "./common";

/** The most items one batch may create: a 5,000-item import commits in ten requests. */
export const ITEM_BATCH_MAX_ITEMS = 500;
/** Older revisions one item may bring along (a Coffer export with history). */
export const ITEM_BATCH_MAX_HISTORY = 100;
/**
 * Envelope characters one batch may carry in all, history included. The body limit of the
 * route (lib/api/transport.ts) sits above it, so a batch over it is told which field is too big
 * rather than getting a bare 413; clients split their batches by this figure too.
 */
export const ITEM_BATCH_MAX_CIPHERTEXT = 16 * 1024 * 1024;

const batchItem = z.object({
  id: clientId,
  /** The current revision, at revision history.length + 1. */
  ciphertext: envelope,
  /** Older revisions, oldest first: entry i is revision i + 1, each under its own AD. */
  history: z.array(envelope).max(ITEM_BATCH_MAX_HISTORY).default([]),
});

/**
 * Many new items in one request, each its own envelope and revision, all at the vault's current
 * key version: the server writes all of them or none.
 */
export const itemBatchRequest = z.object({
  keyVersion: z.number().int().positive(),
  items: z
    .array(batchItem)
    .min(1)
    .max(ITEM_BATCH_MAX_ITEMS)
    .superRefine((items, context) => {
      const seen = new Set<string>();
      let size = 0;
      for (const [index, item] of items.entries()) {
        if (seen.has(item.id)) {
          context.addIssue({
            code: "custom",
            message: "repeats an id earlier in the batch",
            path: [index, "id"],
          });
          return;
        }
        seen.add(item.id);
        size += item.ciphertext.length;
        for (const entry of item.history) size += entry.length;
      }
      if (size > ITEM_BATCH_MAX_CIPHERTEXT) {
        context.addIssue({
          code: "custom",
          message: `may carry at most ${ITEM_BATCH_MAX_CIPHERTEXT} characters of ciphertext`,
        });
      }
    }),
});
export type ItemBatchRequest = z.infer<typeof itemBatchRequest>;
/** What a client sends: items without history may leave it out. */
export type ItemBatchInput = z.input<typeof itemBatchRequest>;

export const itemBatchResponse = z.object({
  items: z.array(z.object({ id: z.string(), revision: z.number().int().positive() })),
});
export type ItemBatchResponse = z.infer<typeof itemBatchResponse>;
