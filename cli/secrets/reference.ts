import { CliError, EXIT, usageError } from "../errors";
import type { OpenVault } from "./open-vault";

/** `coffer://<vault>/<item>/<field>[?env=<environment>]`, each part a name or an id. */
export interface SecretReference {
  text: string;
  vault: string;
  item: string;
  field: string;
  environment?: string;
}

const PREFIX = "coffer://";

export const isReference = (value: string) => value.startsWith(PREFIX);

/**
 * Parts are percent-decoded, so a name holding "/" or "?" is written %2F or %3F. The reference
 * itself names things, not secrets, so it may appear in error messages.
 */
export function parseReference(text: string): SecretReference {
  const trimmed = text.trim();
  if (!isReference(trimmed)) throw usageError(`"${trimmed}" is not a coffer:// reference.`);
  const [path = "", query = ""] = trimmed.slice(PREFIX.length).split("?", 2);
  const parts = path.split("/");
  if (parts.length !== 3 || parts.some((part) => part === "")) {
    throw usageError(
      `${trimmed} must name a vault, an item and a field: coffer://vault/item/field.`,
    );
  }
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    throw usageError(`${trimmed} has a broken %-escape.`);
  }
  const params = new URLSearchParams(query);
  for (const key of params.keys()) {
    if (key !== "env") throw usageError(`${trimmed}: unknown option "${key}" (only ?env=).`);
  }
  const [vault, item, field] = decoded as [string, string, string];
  const environment = params.get("env") ?? undefined;
  return { text: trimmed, vault, item, field, ...(environment ? { environment } : {}) };
}

function pickOne<T>(matches: T[], what: string, reference: SecretReference, hint: string): T {
  if (matches.length === 1) return matches[0] as T;
  if (matches.length === 0) {
    throw new CliError(EXIT.notFound, `${reference.text}: no ${what} of that name or id.`);
  }
  throw usageError(`${reference.text}: ${matches.length} ${what}s match; ${hint}.`);
}

/** The vault a reference (or a --vault option) names, among those the caller can open. */
export function findVaults(vaults: OpenVault[], nameOrId: string, environment?: string) {
  return vaults.filter(
    (vault) =>
      (vault.id === nameOrId || vault.name === nameOrId) &&
      (environment === undefined || vault.environment === environment),
  );
}

/** A reference's value; not found and ambiguous names are errors, never a silent guess. */
export function resolveReference(vaults: OpenVault[], reference: SecretReference): string {
  return resolveReferenceTarget(vaults, reference).field.value;
}

/** The vault, item and field a reference names (`coffer share` needs the ids, not just the value). */
export function resolveReferenceTarget(vaults: OpenVault[], reference: SecretReference) {
  const vault = pickOne(
    findVaults(vaults, reference.vault, reference.environment),
    "vault",
    reference,
    "add ?env= or use the vault's id",
  );
  const item = pickOne(
    vault.items.filter(
      (entry) => entry.id === reference.item || entry.plaintext.title === reference.item,
    ),
    "item",
    reference,
    "use the item's id",
  );
  const field = item.plaintext.fields.find((entry) => entry.name === reference.field);
  if (!field) throw new CliError(EXIT.notFound, `${reference.text}: the item has no such field.`);
  return { vault, item, field };
}
