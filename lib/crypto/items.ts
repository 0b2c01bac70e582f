import { z } from "zod";
import { compose } from "./compose";
import { openEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { isItemPlaintext } from "./item-shape";
import { requireSodium } from "./sodium";

export const ITEM_TYPES = ["login", "api_key", "ssh_key", "database", "env_file", "note"] as const;
export const ITEM_FIELD_KINDS = [
  "text",
  "password",
  "totp",
  "url",
  "multiline",
  "username",
  "email",
  "private_key",
  "public_key",
  "host",
  "port",
] as const;

export type ItemType = (typeof ITEM_TYPES)[number];
export type ItemFieldKind = (typeof ITEM_FIELD_KINDS)[number];
export type ItemField = { name: string; value: string; secret: boolean; kind: ItemFieldKind };
export type ItemPlaintext = {
  type: ItemType;
  title: string;
  fields: ItemField[];
  notes: string;
  urls: string[];
  tags: string[];
};

export type ItemContext = {
  vaultId: string;
  itemId: string;
  keyVersion: number;
  revision: number;
};

/**
 * Strict: an unknown key is refused rather than stripped. Stripping would let an older client
 * silently drop data a newer client wrote the next time it saves the item; a new shape needs a
 * new format version instead. Field names are unique because rotation tracking and history
 * refer to fields by name.
 */
export const itemPlaintextSchema = z
  .strictObject({
    type: z.enum(ITEM_TYPES),
    title: z.string(),
    fields: z.array(
      z.strictObject({
        name: z.string().min(1),
        value: z.string(),
        secret: z.boolean(),
        kind: z.enum(ITEM_FIELD_KINDS),
      }),
    ),
    notes: z.string(),
    urls: z.array(z.string()),
    tags: z.array(z.string()),
  })
  .refine((item) => new Set(item.fields.map((field) => field.name)).size === item.fields.length, {
    message: "field names must be unique",
    path: ["fields"],
  });

// The AD binds a ciphertext to its vault, item, key version and revision: the server cannot move
// it to another item, pass an old revision off as the current one, or replay it under a key
// version the vault has rotated away from.
export function itemAd(
  vaultId: string,
  itemId: string,
  keyVersion: number,
  revision: number,
): string {
  return compose("coffer", "item", "v1", vaultId, itemId, keyVersion, revision);
}

function contextAd(context: ItemContext): string {
  return itemAd(context.vaultId, context.itemId, context.keyVersion, context.revision);
}

/** Keys in a fixed order, so the same item always serialises to the same JSON. */
function canonicalItem(item: ItemPlaintext): ItemPlaintext {
  return {
    type: item.type,
    title: item.title,
    fields: item.fields.map((field) => ({
      name: field.name,
      value: field.value,
      secret: field.secret,
      kind: field.kind,
    })),
    notes: item.notes,
    urls: [...item.urls],
    tags: [...item.tags],
  };
}

export function encryptItem(
  vaultKey: Uint8Array,
  plaintext: ItemPlaintext,
  context: ItemContext,
): string {
  const sodium = requireSodium();
  // Refuse to store what no client could open again; this is a caller bug, not a CryptoError.
  const parsed = itemPlaintextSchema.safeParse(plaintext);
  if (!parsed.success) {
    throw new Error("encryptItem: the item does not match the v1 item shape");
  }
  const json = JSON.stringify(canonicalItem(parsed.data));
  return sealEnvelope(vaultKey, sodium.from_string(json), contextAd(context));
}

/**
 * "item" for anything the envelope rejects (wrong key, wrong vault/item/version/revision,
 * tampering); "item content" when an authentic envelope holds something that is not a v1 item,
 * which only a buggy or hostile vault member could have written. Neither message carries data.
 */
// One decoder for every item: constructing one per call costs more than decoding a small item.
const utf8 = new TextDecoder("utf-8", { fatal: true });
const itemTypes: ReadonlySet<string> = new Set(ITEM_TYPES);
const fieldKinds: ReadonlySet<string> = new Set(ITEM_FIELD_KINDS);

export function decryptItem(
  vaultKey: Uint8Array,
  envelope: string,
  context: ItemContext,
): ItemPlaintext {
  const bytes = openEnvelope(vaultKey, envelope, contextAd(context), "item");
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new CryptoError("item content");
  }
  // The schema's rules, checked by hand: zod's parse of every item would cost as much as the
  // decryption of a whole vault.
  if (!isItemPlaintext(value, itemTypes, fieldKinds)) {
    throw new CryptoError("item content");
  }
  return value;
}

/**
 * Secret fields of `after` that hold a value someone who read `before` has not seen: a changed
 * value, or a secret field that did not exist. A field merely re-marked as secret with the same
 * value is not included — that value was already exposed, so it must not clear a rotation flag.
 */
export function changedSecretFields(before: ItemPlaintext, after: ItemPlaintext): string[] {
  const previous = new Map(before.fields.map((field) => [field.name, field]));
  return after.fields
    .filter((field) => field.secret && previous.get(field.name)?.value !== field.value)
    .map((field) => field.name);
}

export type ItemChange = {
  path: string;
  kind: "added" | "removed" | "changed";
  secret: boolean;
  before?: string;
  after?: string;
};

/**
 * Differences for the history view, in a stable order: type, title, notes, urls, tags, then
 * fields by name (`fields.<name>`). URLs and tags are compared as sets, one entry per added or
 * removed value. Secret values are included so the client can reveal them on request; `secret`
 * tells the view to mask them, and a field is secret here if it was secret on either side.
 */
export function diffItems(before: ItemPlaintext, after: ItemPlaintext): ItemChange[] {
  const changes: ItemChange[] = [];
  for (const path of ["type", "title", "notes"] as const) {
    if (before[path] !== after[path]) {
      changes.push({
        path,
        kind: "changed",
        secret: false,
        before: before[path],
        after: after[path],
      });
    }
  }
  for (const path of ["urls", "tags"] as const) {
    const previous = new Set(before[path]);
    const next = new Set(after[path]);
    for (const value of previous) {
      if (!next.has(value)) {
        changes.push({ path, kind: "removed", secret: false, before: value });
      }
    }
    for (const value of next) {
      if (!previous.has(value)) {
        changes.push({ path, kind: "added", secret: false, after: value });
      }
    }
  }
  const previousFields = new Map(before.fields.map((field) => [field.name, field]));
  const nextFields = new Map(after.fields.map((field) => [field.name, field]));
  for (const field of before.fields) {
    if (!nextFields.has(field.name)) {
      changes.push({
        path: `fields.${field.name}`,
        kind: "removed",
        secret: field.secret,
        before: field.value,
      });
    }
  }
  for (const field of after.fields) {
    const path = `fields.${field.name}`;
    const previous = previousFields.get(field.name);
    if (previous === undefined) {
      changes.push({ path, kind: "added", secret: field.secret, after: field.value });
    } else if (
      previous.value !== field.value ||
      previous.secret !== field.secret ||
      previous.kind !== field.kind
    ) {
      changes.push({
        path,
        kind: "changed",
        secret: previous.secret || field.secret,
        before: previous.value,
        after: field.value,
      });
    }
  }
  return changes;
}
