import type { ItemFieldKind, ItemType } from "@/lib/crypto";
import { FIELD, type FieldInput } from "./mapping";

/**
 * One field of a 1PUX section turned into a Coffer field. 1Password stores each value under a
 * key naming its kind ({"concealed": "…"}, {"totp": "…"}, {"date": 1700000000}); that key, not
 * the field's title, decides whether the value is secret and how it is shown.
 */
export type SectionField = {
  title?: string | null;
  id?: string | null;
  value?: Record<string, unknown> | null;
  multiline?: boolean | null;
};

export type ConvertedField =
  | { kind: "field"; id: string; input: FieldInput }
  | { kind: "ssh_key"; privateKey: string; publicKey: string; fingerprint: string; keyType: string }
  | { kind: "attachment" }
  | { kind: "dropped"; what: string }
  | { kind: "empty" };

/** An object's properties to read one by one; anything else reads as having none. */
export function properties(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** 1Password's own titles start in lower case ("admin console URL"); shown capitalised. */
export function fieldTitle(field: SectionField, fallback = "Field"): string {
  const title = (field.title ?? "").trim() || (field.id ?? "").trim() || fallback;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

// Dates are Unix seconds; the day is what a person entered, so it is written without a time.
function dateText(value: unknown): string {
  const seconds = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(seconds)) return text(value);
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

// monthYear is YYYYMM (202712); written as a card shows it, 12/2027.
function monthYearText(value: unknown): string {
  const digits = text(value);
  const match = /^(\d{4})(\d{2})$/.exec(digits);
  return match ? `${match[2]}/${match[1]}` : digits;
}

function addressText(value: unknown): string {
  if (typeof value !== "object" || value === null) return text(value);
  const address = properties(value);
  const cityLine = [address.city, address.state, address.zip].map(text).filter(Boolean).join(" ");
  return [address.street, cityLine, address.country]
    .map(text)
    .filter((line) => line.trim() !== "")
    .join("\n");
}

function emailText(value: unknown): string {
  return typeof value === "object" && value !== null
    ? text(properties(value).email_address)
    : text(value);
}

function field(
  source: SectionField,
  value: string,
  kind: ItemFieldKind,
  secret = false,
): ConvertedField {
  if (value.trim() === "") return { kind: "empty" };
  const shownKind: ItemFieldKind =
    kind === "text" && (source.multiline || value.includes("\n")) ? "multiline" : kind;
  return {
    kind: "field",
    id: (source.id ?? "").trim(),
    input: { name: fieldTitle(source), value, kind: shownKind, secret },
  };
}

/**
 * Empty values are left out: 1Password's templates carry every field of a category (an
 * identity has twenty), and an empty one is a placeholder, not something the person wrote.
 */
export function convertSectionField(source: SectionField): ConvertedField {
  const entries = Object.entries(source.value ?? {});
  const [key, value] = entries[0] ?? ["string", ""];
  switch (key) {
    case "concealed":
      return field(source, text(value), "password", true);
    case "totp":
      return field(source, text(value), "totp", true);
    case "url":
      return field(source, text(value), "url");
    case "email":
      return field(source, emailText(value), "email");
    case "creditCardNumber":
      return field(source, text(value), "text", true);
    case "date":
      return value === null || value === undefined || value === ""
        ? { kind: "empty" }
        : field(source, dateText(value), "text");
    case "monthYear":
      return field(source, monthYearText(value), "text");
    case "address":
      return field(source, addressText(value), "multiline");
    case "string":
    case "phone":
    case "menu":
    case "gender":
    case "creditCardType":
      return field(source, text(value), "text");
    case "sshKey": {
      const key = properties(value);
      const metadata = properties(key.metadata);
      const privateKey = text(metadata.privateKey) || text(key.privateKey);
      if (!privateKey) return { kind: "empty" };
      return {
        kind: "ssh_key",
        privateKey,
        publicKey: text(metadata.publicKey),
        fingerprint: text(metadata.fingerprint),
        keyType: text(metadata.keyType),
      };
    }
    case "file":
      return { kind: "attachment" };
    case "reference":
      return text(value)
        ? { kind: "dropped", what: `the link "${fieldTitle(source)}" to another 1Password item` }
        : { kind: "empty" };
    default:
      if (typeof value === "string") return field(source, value, "text");
      if (value === null || value === undefined) return { kind: "empty" };
      return {
        kind: "dropped",
        what: `the field "${fieldTitle(source)}" (a ${key} value Coffer has no place for)`,
      };
  }
}

/**
 * Fields whose 1Password id has a meaning in the Coffer type: they take the name and kind of
 * the editor's template field, so an imported database looks like one made in Coffer. The ids
 * are the same in a .1pux and in 1Password 7's CSV columns ("server(hostname)").
 */
export const ONEPASSWORD_ROLES: Partial<
  Record<ItemType, Record<string, Omit<FieldInput, "value">>>
> = {
  login: {
    username: { name: FIELD.username, kind: "username" },
    password: { name: FIELD.password, kind: "password", secret: true },
  },
  api_key: {
    username: { name: FIELD.username, kind: "username" },
    credential: { name: FIELD.secret, kind: "password", secret: true },
    hostname: { name: FIELD.host, kind: "host" },
  },
  database: {
    hostname: { name: FIELD.host, kind: "host" },
    server: { name: FIELD.host, kind: "host" },
    port: { name: FIELD.port, kind: "port" },
    database: { name: FIELD.database, kind: "text" },
    username: { name: FIELD.username, kind: "username" },
    password: { name: FIELD.password, kind: "password", secret: true },
    database_type: { name: "Type", kind: "text" },
    options: { name: "Connection options", kind: "text" },
  },
};
