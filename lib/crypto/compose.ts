import { toBase64Url } from "./base64url";

/**
 * Builds the composite strings that are signed or used as associated data, e.g.
 * `compose("coffer", "item", "v1", vaultId, itemId, keyVersion, revision)`.
 *
 * DO NOT RELAX: a string field containing `|` is rejected, because it could shift the field
 * boundaries and make two different tuples produce the same string (and so the same signature
 * or AD). Base64url and decimal integers never contain `|`.
 */
export function compose(...fields: Array<string | number | Uint8Array>): string {
  return fields.map(composeField).join("|");
}

function composeField(field: string | number | Uint8Array): string {
  if (typeof field === "string") {
    if (field.includes("|")) {
      throw new Error("compose: a string field must not contain '|'");
    }
    return field;
  }
  if (typeof field === "number") {
    // Floats have several decimal spellings across runtimes; integers have exactly one.
    if (!Number.isSafeInteger(field)) {
      throw new Error("compose: numeric fields must be safe integers");
    }
    return String(field);
  }
  return toBase64Url(field);
}
