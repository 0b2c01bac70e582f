import type { ItemField, ItemPlaintext } from "./items";

// The v1 item shape checked by hand on the decryption path. `itemPlaintextSchema` (zod) states
// the same rules and stays the reference for writers; opening a vault of thousands of items runs
// this check once per item, where zod's generic parse and copy cost as much as the decryption.
// The rules are the schema's: exactly these keys (an unknown key is refused, not stripped), a
// known type and field kind, non-empty and unique field names.

const ITEM_KEYS = ["type", "title", "fields", "notes", "urls", "tags"] as const;
const FIELD_KEYS = ["name", "value", "secret", "kind"] as const;

/** A plain object holding exactly `keys`, no more and no fewer. */
function hasExactKeys(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (Object.keys(value).length !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(value, key)) return false;
  return true;
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const entry of value) if (typeof entry !== "string") return false;
  return true;
}

function isField(
  value: unknown,
  fieldKinds: ReadonlySet<string>,
): value is ItemField & Record<string, unknown> {
  return (
    hasExactKeys(value, FIELD_KEYS) &&
    typeof value.name === "string" &&
    value.name.length > 0 &&
    typeof value.value === "string" &&
    typeof value.secret === "boolean" &&
    typeof value.kind === "string" &&
    fieldKinds.has(value.kind)
  );
}

/**
 * True when `value` (parsed JSON) is a v1 item exactly as `itemPlaintextSchema` accepts it. The
 * value itself is the item then: JSON.parse made it, so nothing else holds a reference to it.
 */
export function isItemPlaintext(
  value: unknown,
  itemTypes: ReadonlySet<string>,
  fieldKinds: ReadonlySet<string>,
): value is ItemPlaintext {
  if (!hasExactKeys(value, ITEM_KEYS)) return false;
  if (typeof value.type !== "string" || !itemTypes.has(value.type)) return false;
  if (typeof value.title !== "string" || typeof value.notes !== "string") return false;
  if (!isStringArray(value.urls) || !isStringArray(value.tags)) return false;
  const fields = value.fields;
  if (!Array.isArray(fields)) return false;
  const names = new Set<string>();
  for (const field of fields) {
    if (!isField(field, fieldKinds)) return false;
    names.add(field.name);
  }
  // Rotation tracking and history refer to fields by name.
  return names.size === fields.length;
}
