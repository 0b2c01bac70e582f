import { Secret, TOTP, URI } from "otpauth";
import {
  itemPlaintextSchema,
  type ItemField,
  type ItemFieldKind,
  type ItemPlaintext,
  type ItemType,
} from "@/lib/crypto";
import {
  ImportError,
  type ImportedItem,
  type ImportedItemState,
  type ImportWarning,
  type ImportWarningCode,
} from "./types";

/**
 * Helpers every parser shares, so that a login from Bitwarden and one from LastPass come out
 * with the same field names, the same TOTP handling and the same warnings. Field names follow
 * the editor's templates (lib/client/vaults/templates.ts) so imported items look like new ones.
 */
export const FIELD = {
  username: "Username",
  password: "Password",
  totp: "One-time code",
  email: "Email",
  host: "Host",
  port: "Port",
  database: "Database",
  key: "Key",
  secret: "Secret",
  publicKey: "Public key",
  privateKey: "Private key",
  fingerprint: "Fingerprint",
} as const;

/** Used for a record with no title at all, so the item can still be found and renamed. */
export const UNTITLED = "Untitled";

// ---------------------------------------------------------------------------------------------
// Warnings

/**
 * Collects warnings for one parse. Messages name the record and what happened to it, never a
 * value: a warning is shown in the preview and printed by `coffer import --dry-run`.
 */
export class ImportWarnings {
  readonly list: ImportWarning[] = [];

  add(code: ImportWarningCode, message: string, item?: string): void {
    this.list.push(item === undefined ? { code, message } : { code, message, item });
  }

  dropped(item: string, what: string): void {
    this.add("dropped_field", `"${item}": ${what} could not be imported and was left out.`, item);
  }

  converted(item: string, sourceType: string): void {
    this.add(
      "converted_type",
      `"${item}" is a ${sourceType}, which Coffer has no type for; it was imported as a secure note with its fields.`,
      item,
    );
  }

  attachments(item: string, count: number): void {
    const what = count === 1 ? "1 attachment was" : `${count} attachments were`;
    this.add(
      "attachment_skipped",
      `"${item}": ${what} not imported; download ${count === 1 ? "it" : "them"} from the old tool and add ${count === 1 ? "it" : "them"} by hand.`,
      item,
    );
  }

  state(item: string, state: ImportedItemState): void {
    if (state === "archived") {
      this.add("archived", `"${item}" was archived in the old tool; it is imported too.`, item);
    } else if (state === "trashed") {
      this.add("trashed", `"${item}" was in the old tool's trash; it is imported too.`, item);
    }
  }

  invalidTotp(item: string, fieldName: string): void {
    this.add(
      "invalid_totp",
      `"${item}": the one-time code seed is not a valid TOTP secret; it was kept as a secret field named "${fieldName}".`,
      item,
    );
  }

  unreadable(item: string, why: string): void {
    this.add("unreadable_record", `"${item}": ${why}`, item);
  }
}

// ---------------------------------------------------------------------------------------------
// Field names

/**
 * A name not yet in `taken`: "Password", then "Password 2", "Password 3". Adds it to `taken`.
 * Field names must be unique per item because history and rotation refer to fields by name.
 */
export function uniqueFieldName(name: string, taken: Set<string>): string {
  const base = name.trim() || "Field";
  let candidate = base;
  for (let counter = 2; taken.has(candidate); counter++) {
    candidate = `${base} ${counter}`;
  }
  taken.add(candidate);
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// TOTP

// 80 bits, as in the editor's check (lib/client/vaults/totp.ts): anything shorter is a truncated
// seed, and an item holding one could not be saved again from the editor.
const MIN_TOTP_SECRET_BYTES = 10;

/**
 * A seed as the editor stores it: an otpauth://totp/ URI unchanged (it carries digits, period
 * and algorithm), or a bare base32 seed upper-cased without spaces or dashes. Null when the
 * value is not a usable TOTP (an HOTP URI, Steam's format, a truncated or non-base32 seed).
 */
export function normalizeTotp(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  try {
    if (/^otpauth:\/\//i.test(trimmed)) {
      const parsed = URI.parse(trimmed);
      if (!(parsed instanceof TOTP)) return null;
      return parsed.secret.bytes.length >= MIN_TOTP_SECRET_BYTES ? trimmed : null;
    }
    const seed = trimmed.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
    if (!/^[A-Z2-7]+$/.test(seed)) return null;
    const secret = Secret.fromBase32(seed);
    return secret.bytes.length >= MIN_TOTP_SECRET_BYTES ? seed : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// URLs and folders

/**
 * A URL as the record holds it, trimmed; null for nothing or LastPass's "http://sn" marker.
 * Schemes are not added or changed: "androidapp://…" and bare host names mean something to the
 * person, and rewriting them could turn one site into another.
 */
export function cleanUrl(raw: string | null | undefined): string | null {
  const trimmed = (raw ?? "").trim();
  if (!trimmed || /^https?:\/\/sn\/?$/i.test(trimmed)) return null;
  return trimmed;
}

/** Cleaned, in order, without duplicates. */
export function cleanUrls(raws: readonly (string | null | undefined)[]): string[] {
  const urls: string[] = [];
  for (const raw of raws) {
    const url = cleanUrl(raw);
    if (url !== null && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/**
 * "Work/Servers" → ["Work", "Servers"]; blank segments dropped, so "", "/" and "Work//x" do
 * not produce unnamed folders. LastPass nests with "\", so the separators are a parameter.
 */
export function splitFolderPath(path: string | null | undefined, separators = ["/"]): string[] {
  if (!path) return [];
  let segments = [path];
  for (const separator of separators) {
    segments = segments.flatMap((segment) => segment.split(separator));
  }
  return segments.map((segment) => segment.trim()).filter((segment) => segment !== "");
}

/** Distinct folder paths in first-seen order, with every parent path included. */
export function collectFolders(paths: readonly string[][]): string[][] {
  const seen = new Set<string>();
  const folders: string[][] = [];
  for (const path of paths) {
    for (let depth = 1; depth <= path.length; depth++) {
      const prefix = path.slice(0, depth);
      const key = JSON.stringify(prefix);
      if (!seen.has(key)) {
        seen.add(key);
        folders.push(prefix);
      }
    }
  }
  return folders;
}

// ---------------------------------------------------------------------------------------------
// Items

export type FieldInput = {
  name: string;
  value: string | number | boolean | null | undefined;
  kind?: ItemFieldKind;
  /** Defaults to true for password, totp and private_key kinds. */
  secret?: boolean;
  /**
   * Keep the field when its value is empty. Custom fields set this (the person named them, the
   * name is information); standard slots such as an empty password do not, to avoid clutter.
   */
  keepEmpty?: boolean;
};

export type ItemInput = {
  type: ItemType;
  title: string | null | undefined;
  fields?: FieldInput[];
  notes?: string | null;
  urls?: (string | null | undefined)[];
  tags?: string[];
};

const SECRET_KINDS: ReadonlySet<ItemFieldKind> = new Set(["password", "totp", "private_key"]);

function stringValue(value: FieldInput["value"]): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

/**
 * An item plaintext the editor can open and save: unique field names (a repeat becomes
 * "Name 2", with a warning), TOTP values checked (an unusable seed is kept as a secret password
 * field, with a warning, so nothing is lost), empty standard fields left out, a title always
 * present. Checked against the strict item schema so a parser bug surfaces here, not at upload.
 */
export function buildItem(input: ItemInput, warnings: ImportWarnings): ItemPlaintext {
  const title = (input.title ?? "").trim() || UNTITLED;
  const taken = new Set<string>();
  const fields: ItemField[] = [];
  for (const draft of input.fields ?? []) {
    let value = stringValue(draft.value);
    if (value === "" && !draft.keepEmpty) continue;
    let kind: ItemFieldKind = draft.kind ?? "text";
    let secret = draft.secret ?? SECRET_KINDS.has(kind);
    let requestedName = draft.name.trim() || "Field";
    let invalidTotp = false;
    if (kind === "totp" && value !== "") {
      const totp = normalizeTotp(value);
      if (totp === null) {
        invalidTotp = true;
        kind = "password";
        secret = true;
        requestedName = `${requestedName} (not a valid TOTP)`;
      } else {
        value = totp;
      }
    }
    const name = uniqueFieldName(requestedName, taken);
    if (name !== requestedName) {
      warnings.add(
        "duplicate_field_name",
        `"${title}" has more than one field named "${requestedName}"; the repeat is named "${name}".`,
        title,
      );
    }
    if (invalidTotp) {
      warnings.invalidTotp(title, name);
    }
    fields.push({ name, value, secret, kind });
  }
  const plaintext: ItemPlaintext = {
    type: input.type,
    title,
    fields,
    notes: input.notes ?? "",
    urls: cleanUrls(input.urls ?? []),
    tags: [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ""))],
  };
  if (!itemPlaintextSchema.safeParse(plaintext).success) {
    throw new ImportError("malformed", `The record "${title}" could not be turned into an item.`);
  }
  return plaintext;
}

// Names whose values give access or identify a person: card number, CVV, PIN, account numbers,
// national ids. They become secret (masked) fields in a converted note.
const SENSITIVE_NAME =
  /(card ?number|cvv|cvc|cvn|security code|verification (code|number)|\bpin\b|password|passphrase|passcode|secret|private|\bkey\b|token|account ?number|\biban\b|\bssn\b|social security|passport ?(number|no)|licen[cs]e ?(number|no)|tax ?id|national id)/i;

/** Whether a named value in a card, identity or bank record should be masked. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

export type NamedValue = {
  name: string;
  value: string | number | boolean | null | undefined;
  /** Overrides the guess from the name (a card's plain "Number" is secret, say). */
  secret?: boolean;
};

/**
 * A record of a type Coffer lacks (card, identity, bank account, driver's licence…) as a secure
 * note with one field per named value: sensitive ones secret, empty ones left out. Adds the
 * converted_type warning so the person knows where their card went.
 */
export function noteWithFields(
  input: {
    title: string | null | undefined;
    sourceType: string;
    values: NamedValue[];
    notes?: string | null;
    urls?: (string | null | undefined)[];
    tags?: string[];
    /** Extra fields already typed by the caller (a TOTP, custom fields), appended after. */
    fields?: FieldInput[];
  },
  warnings: ImportWarnings,
): ItemPlaintext {
  const plaintext = buildItem(
    {
      type: "note",
      title: input.title,
      fields: [
        ...input.values.map((entry): FieldInput => ({
          name: entry.name,
          value: entry.value,
          kind: /\n/.test(stringValue(entry.value)) ? "multiline" : "text",
          secret: entry.secret ?? isSensitiveName(entry.name),
        })),
        ...(input.fields ?? []),
      ],
      notes: input.notes,
      urls: input.urls,
      tags: input.tags,
    },
    warnings,
  );
  warnings.converted(plaintext.title, input.sourceType);
  return plaintext;
}

/** Wraps a plaintext with where it came from, warning when it was archived or trashed. */
export function importedItem(
  plaintext: ItemPlaintext,
  details: { folder?: string[]; state?: ImportedItemState; sourceType: string },
  warnings: ImportWarnings,
): ImportedItem {
  const state = details.state ?? "active";
  warnings.state(plaintext.title, state);
  return { plaintext, folder: details.folder ?? [], state, sourceType: details.sourceType };
}

// ---------------------------------------------------------------------------------------------
// Bytes

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The file as text, without a byte-order mark; bytes that are not UTF-8 are refused. */
export function decodeText(bytes: Uint8Array, what = "This file"): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new ImportError("malformed", `${what} is not UTF-8 text; export it again from the tool.`);
  }
}

/** The first bytes as text, for detect(): never throws. */
export function peekText(bytes: Uint8Array, length = 4096): string {
  return new TextDecoder("utf-8").decode(bytes.subarray(0, length)).replace(/^\uFEFF/, "");
}

/**
 * A title for a record that has none, from its URL: "https://www.github.com/login" →
 * "github.com". Browsers' password exports often leave the name empty.
 */
export function titleFromUrl(url: string | null | undefined): string {
  const cleaned = cleanUrl(url);
  if (!cleaned) return "";
  try {
    return new URL(cleaned).hostname.replace(/^www\./, "") || cleaned;
  } catch {
    return cleaned;
  }
}
