import { Secret, TOTP } from "otpauth";
import type { ItemPlaintext } from "@/lib/crypto";
import {
  buildItem,
  collectFolders,
  FIELD,
  importedItem,
  ImportWarnings,
  UNTITLED,
  type FieldInput,
} from "./mapping";
import type { ImportedItem, ImportFormat, ImportResult } from "./types";

/**
 * KeePass 2 XML and KDBX hold the same tree of groups and entries; both parsers reduce their
 * input to this shape so one mapping decides what an entry becomes (decision 0045).
 */
export type KeePassString = { key: string; value: string; protected: boolean };

export type KeePassEntry = {
  strings: KeePassString[];
  tags: string[];
  attachments: number;
  /** The day KeePass marks the entry expired (YYYY-MM-DD), when expiry is switched on. */
  expires: string | null;
  /** Older versions of the entry, oldest first, as KeePass keeps them. */
  history: KeePassEntry[];
};

/** The day of an expiry time, or null for a missing or unreadable one. */
export function expiryDay(expires: boolean, time: Date | string | null | undefined): string | null {
  if (!expires || !time) return null;
  const date = typeof time === "string" ? new Date(time) : time;
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

export type KeePassGroup = {
  name: string;
  isRecycleBin: boolean;
  entries: KeePassEntry[];
  groups: KeePassGroup[];
};

const STANDARD_KEYS = new Set(["Title", "UserName", "Password", "URL", "Notes"]);
// Keepass2Android and KeePassXC keep extra URLs as KP2A_URL, KP2A_URL_1, …
const EXTRA_URL_KEY = /^KP2A_URL(_\d+)?$/;
const UNNAMED_GROUP = "Unnamed group";

type Strings = Map<string, KeePassString>;

function value(strings: Strings, key: string): string {
  return strings.get(key)?.value ?? "";
}

const ALGORITHMS: Record<string, string> = {
  "HMAC-SHA-1": "SHA1",
  "HMAC-SHA-256": "SHA256",
  "HMAC-SHA-512": "SHA512",
  SHA1: "SHA1",
  SHA256: "SHA256",
  SHA512: "SHA512",
};

/**
 * A base32 seed, or an otpauth URI when the period, digits or algorithm differ from the
 * defaults every authenticator assumes, so the codes Coffer shows match the old tool's.
 */
function totpValue(
  title: string,
  secret: Secret,
  settings: { period?: number; digits?: number; algorithm?: string },
): string {
  const period = settings.period && settings.period > 0 ? settings.period : 30;
  const digits = settings.digits && settings.digits > 0 ? settings.digits : 6;
  const algorithm = ALGORITHMS[settings.algorithm?.toUpperCase() ?? "SHA1"] ?? "SHA1";
  if (period === 30 && digits === 6 && algorithm === "SHA1") return secret.base32;
  return new TOTP({ label: title, secret, period, digits, algorithm }).toString();
}

function secretFrom(raw: string, encoding: "base32" | "hex" | "base64" | "utf8"): Secret | null {
  try {
    switch (encoding) {
      case "base32":
        return Secret.fromBase32(raw.replace(/[\s=-]/g, "").toUpperCase());
      case "hex":
        return Secret.fromHex(raw.replace(/\s/g, ""));
      case "utf8":
        return Secret.fromUTF8(raw);
      case "base64": {
        const binary = atob(raw.trim());
        const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
        return new Secret({ buffer: bytes.buffer });
      }
    }
  } catch {
    return null;
  }
}

type FoundTotp = { value: string; consumed: string[] };

/**
 * The three ways KeePass tools store a TOTP seed: KeePassXC's `otp` (an otpauth URI, or the
 * KeeOtp plugin's `key=…&step=…&size=…`), KeePass 2.47's `TimeOtp-*` strings, and
 * KeeTrayTOTP's `TOTP Seed` + `TOTP Settings`. The strings read here are not also imported as
 * custom fields. A seed that cannot be decoded is passed on raw: buildItem keeps it as a secret
 * field with an invalid_totp warning rather than dropping it.
 */
function findTotp(strings: Strings, title: string): FoundTotp | null {
  const otp = value(strings, "otp").trim();
  if (otp) {
    if (/^otpauth:\/\//i.test(otp)) return { value: otp, consumed: ["otp"] };
    if (/(^|&)key=/.test(otp)) {
      const params = new URLSearchParams(otp);
      const secret = secretFrom(params.get("key") ?? "", "base32");
      const settings = {
        period: Number(params.get("step") ?? 30),
        digits: Number(params.get("size") ?? 6),
        algorithm: params.get("otpHashMode") ?? "SHA1",
      };
      return {
        value: secret ? totpValue(title, secret, settings) : otp,
        consumed: ["otp"],
      };
    }
    return { value: otp, consumed: ["otp"] };
  }

  const timeOtp: [string, "base32" | "hex" | "base64" | "utf8"][] = [
    ["TimeOtp-Secret-Base32", "base32"],
    ["TimeOtp-Secret-Hex", "hex"],
    ["TimeOtp-Secret-Base64", "base64"],
    ["TimeOtp-Secret", "utf8"],
  ];
  for (const [key, encoding] of timeOtp) {
    const raw = value(strings, key);
    if (!raw) continue;
    const consumed = [...strings.keys()].filter((name) => name.startsWith("TimeOtp-"));
    const secret = secretFrom(raw, encoding);
    const settings = {
      period: Number(value(strings, "TimeOtp-Period") || 30),
      digits: Number(value(strings, "TimeOtp-Length") || 6),
      algorithm: value(strings, "TimeOtp-Algorithm") || "HMAC-SHA-1",
    };
    return { value: secret ? totpValue(title, secret, settings) : raw, consumed };
  }

  const seed = value(strings, "TOTP Seed");
  if (seed) {
    const [period, digits] = value(strings, "TOTP Settings").split(";");
    const secret = secretFrom(seed, "base32");
    const settings = { period: Number(period || 30), digits: Number(digits || 6) };
    return {
      value: secret ? totpValue(title, secret, settings) : seed,
      consumed: ["TOTP Seed", "TOTP Settings"],
    };
  }
  return null;
}

/**
 * KeePass has no item types: an entry with a username, password, URL or one-time code is a
 * login, anything else (text in the notes, custom strings) is a secure note.
 */
function entryPlaintext(entry: KeePassEntry, warnings: ImportWarnings): ItemPlaintext {
  const strings: Strings = new Map(entry.strings.map((string) => [string.key, string]));
  const title = value(strings, "Title").trim() || UNTITLED;
  const totp = findTotp(strings, title);
  const consumed = new Set([...STANDARD_KEYS, ...(totp?.consumed ?? [])]);
  const fields: FieldInput[] = [
    {
      name: FIELD.username,
      value: value(strings, "UserName"),
      kind: "username",
      ...(strings.get("UserName")?.protected ? { secret: true } : {}),
    },
    { name: FIELD.password, value: value(strings, "Password"), kind: "password", secret: true },
  ];
  if (totp) fields.push({ name: FIELD.totp, value: totp.value, kind: "totp" });
  // An expiry date is a reminder to rotate; kept as a field so it is not lost on the way.
  if (entry.expires) fields.push({ name: "Expires", value: entry.expires, kind: "text" });
  const urls = [value(strings, "URL")];
  for (const string of entry.strings) {
    if (consumed.has(string.key)) continue;
    if (EXTRA_URL_KEY.test(string.key)) {
      urls.push(string.value);
      continue;
    }
    fields.push({
      name: string.key,
      value: string.value,
      kind: string.value.includes("\n") ? "multiline" : "text",
      secret: string.protected,
      // A custom string the person added is information even when empty.
      keepEmpty: true,
    });
  }
  const isLogin =
    value(strings, "UserName") !== "" ||
    value(strings, "Password") !== "" ||
    urls.some((url) => url.trim() !== "") ||
    totp !== null;
  return buildItem(
    {
      type: isLogin ? "login" : "note",
      title,
      fields,
      notes: value(strings, "Notes"),
      urls,
      tags: entry.tags,
    },
    warnings,
  );
}

function groupName(group: KeePassGroup): string {
  return group.name.trim() || UNNAMED_GROUP;
}

/**
 * Every entry as an item: groups below the database's root group become the folder path;
 * entries in the recycle bin (at any depth) are imported as trashed at the root, and the bin
 * is not a folder. History versions are kept as the item's history, oldest first; warnings
 * about them (a repeated field name in an old version) are not repeated in the preview.
 */
export function keepassImportResult(format: ImportFormat, root: KeePassGroup): ImportResult {
  const warnings = new ImportWarnings();
  const items: ImportedItem[] = [];
  const folderPaths: string[][] = [];

  const addEntry = (entry: KeePassEntry, folder: string[], trashed: boolean): void => {
    const plaintext = entryPlaintext(entry, warnings);
    const item = importedItem(
      plaintext,
      { folder, state: trashed ? "trashed" : "active", sourceType: "Entry" },
      warnings,
    );
    if (entry.history.length > 0) {
      const quiet = new ImportWarnings();
      item.history = entry.history.map((version) => entryPlaintext(version, quiet));
    }
    if (entry.attachments > 0) warnings.attachments(plaintext.title, entry.attachments);
    items.push(item);
  };

  const walk = (group: KeePassGroup, path: string[], trashed: boolean): void => {
    for (const entry of group.entries) addEntry(entry, trashed ? [] : path, trashed);
    for (const child of group.groups) {
      const inBin = trashed || child.isRecycleBin;
      const childPath = inBin ? [] : [...path, groupName(child)];
      if (!inBin) folderPaths.push(childPath);
      walk(child, childPath, inBin);
    }
  };
  walk(root, [], root.isRecycleBin);

  return { format, items, folders: collectFolders(folderPaths), warnings: warnings.list };
}
