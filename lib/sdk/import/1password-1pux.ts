import { unzipSync } from "fflate";
import { z } from "zod";
import type { ItemPlaintext, ItemType } from "@/lib/crypto";
import {
  convertSectionField,
  fieldTitle,
  ONEPASSWORD_ROLES,
  properties,
  text,
} from "./1password-fields";
import {
  buildItem,
  collectFolders,
  decodeText,
  FIELD,
  importedItem,
  ImportWarnings,
  isSensitiveName,
  UNTITLED,
  type FieldInput,
} from "./mapping";
import {
  ImportError,
  type ImportedItem,
  type ImportedItemState,
  type ImportFile,
  type ImportParser,
} from "./types";

const looseString = z.string().nullish();

const sectionSchema = z.looseObject({
  title: looseString,
  fields: z
    .array(
      z.looseObject({
        title: looseString,
        id: looseString,
        value: z.record(z.string(), z.unknown()).nullish(),
        multiline: z.boolean().nullish(),
      }),
    )
    .nullish(),
});

const itemSchema = z.looseObject({
  categoryUuid: looseString,
  state: looseString,
  trashed: z.boolean().nullish(),
  overview: z
    .looseObject({
      title: looseString,
      url: looseString,
      urls: z.array(z.looseObject({ url: looseString })).nullish(),
      tags: z.array(z.string()).nullish(),
    })
    .nullish(),
  details: z
    .looseObject({
      loginFields: z
        .array(
          z.looseObject({
            value: z.unknown(),
            id: looseString,
            name: looseString,
            fieldType: looseString,
            designation: looseString,
          }),
        )
        .nullish(),
      notesPlain: looseString,
      password: looseString,
      sections: z.array(sectionSchema).nullish(),
      passwordHistory: z
        .array(z.looseObject({ value: looseString, time: z.number().nullish() }))
        .nullish(),
      documentAttributes: z.looseObject({ fileName: looseString }).nullish(),
    })
    .nullish(),
});

type OnePuxItem = z.infer<typeof itemSchema>;

const exportSchema = z.looseObject({
  accounts: z.array(
    z.looseObject({
      attrs: z.looseObject({ accountName: looseString, name: looseString }).nullish(),
      vaults: z
        .array(
          z.looseObject({
            attrs: z.looseObject({ name: looseString }).nullish(),
            items: z.array(z.unknown()).nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});

/**
 * Category UUIDs as 1Password writes them. Types with a Coffer counterpart map onto it; a
 * server is a login (decision 0044); the rest become secure notes with their fields.
 */
const CATEGORIES: Record<string, { label: string; type: ItemType | null }> = {
  "001": { label: "Login", type: "login" },
  "002": { label: "Credit Card", type: null },
  "003": { label: "Secure Note", type: "note" },
  "004": { label: "Identity", type: null },
  "005": { label: "Password", type: "login" },
  "006": { label: "Document", type: "note" },
  "100": { label: "Software License", type: null },
  "101": { label: "Bank Account", type: null },
  "102": { label: "Database", type: "database" },
  "103": { label: "Driver License", type: null },
  "104": { label: "Outdoor License", type: null },
  "105": { label: "Membership", type: null },
  "106": { label: "Passport", type: null },
  "107": { label: "Reward Program", type: null },
  "108": { label: "Social Security Number", type: null },
  "109": { label: "Wireless Router", type: null },
  "110": { label: "Server", type: "login" },
  "111": { label: "Email Account", type: null },
  "112": { label: "API Credential", type: "api_key" },
  "113": { label: "Medical Record", type: null },
  "114": { label: "SSH Key", type: "ssh_key" },
  "115": { label: "Crypto Wallet", type: null },
};

type Mapped = { plaintext: ItemPlaintext; sourceType: string };

// Usually a string; a login linked to another account (a mail alias) holds an object.
function loginFieldValue(value: unknown): string {
  if (typeof value === "string") return value;
  const linked = properties(value);
  return text(linked.email_address) || text(linked.string);
}

function loginFieldInputs(item: OnePuxItem): FieldInput[] {
  const inputs: FieldInput[] = [];
  for (const loginField of item.details?.loginFields ?? []) {
    const value = loginFieldValue(loginField.value);
    if (loginField.designation === "username") {
      inputs.push({ name: FIELD.username, value, kind: "username" });
    } else if (loginField.designation === "password") {
      inputs.push({ name: FIELD.password, value, kind: "password", secret: true });
    } else if (value !== "") {
      // Other inputs of the saved web form (a PIN box, a "remember me" checkbox).
      const name = (loginField.name ?? "").trim() || (loginField.id ?? "").trim() || "Field";
      const isPassword = loginField.fieldType === "P";
      const kind = isPassword
        ? "password"
        : loginField.fieldType === "E"
          ? "email"
          : loginField.fieldType === "U"
            ? "url"
            : "text";
      inputs.push({ name, value, kind, secret: isPassword });
    }
  }
  return inputs;
}

function mapItem(item: OnePuxItem, warnings: ImportWarnings): Mapped {
  const category = CATEGORIES[item.categoryUuid ?? ""] ?? {
    label: "1Password item",
    type: null,
  };
  const type: ItemType = category.type ?? "note";
  const converted = category.type === null;
  const title = (item.overview?.title ?? "").trim() || UNTITLED;
  const roles = ONEPASSWORD_ROLES[type] ?? {};
  const fields: FieldInput[] = type === "login" ? loginFieldInputs(item) : [];
  if (item.categoryUuid === "005" && item.details?.password) {
    fields.push({ name: FIELD.password, value: item.details.password, kind: "password" });
  }
  const urls = [item.overview?.url, ...(item.overview?.urls ?? []).map((entry) => entry.url)];
  let attachments = item.details?.documentAttributes ? 1 : 0;
  let firstTotp = true;

  for (const section of item.details?.sections ?? []) {
    for (const sectionField of section.fields ?? []) {
      const result = convertSectionField(sectionField);
      if (result.kind === "empty") continue;
      if (result.kind === "attachment") {
        attachments += 1;
      } else if (result.kind === "dropped") {
        warnings.dropped(title, result.what);
      } else if (result.kind === "ssh_key") {
        fields.push(
          { name: FIELD.privateKey, value: result.privateKey, kind: "private_key", secret: true },
          { name: FIELD.publicKey, value: result.publicKey, kind: "public_key" },
          { name: FIELD.fingerprint, value: result.fingerprint, kind: "text" },
          { name: "Key type", value: result.keyType, kind: "text" },
        );
      } else if (
        type === "ssh_key" &&
        ["public_key", "fingerprint", "key_type"].includes(result.id)
      ) {
        // Already taken from the key's own metadata above.
        continue;
      } else if (item.categoryUuid === "110" && result.id === "url") {
        urls.push(String(result.input.value ?? ""));
      } else if (roles[result.id]) {
        fields.push({ ...result.input, ...roles[result.id] });
      } else if (result.input.kind === "totp" && firstTotp) {
        firstTotp = false;
        fields.push({ ...result.input, name: FIELD.totp });
      } else {
        const secret =
          result.input.secret || (converted && isSensitiveName(fieldTitle(sectionField)));
        fields.push({ ...result.input, secret });
      }
    }
  }

  const plaintext = buildItem(
    {
      type,
      title,
      fields,
      notes: item.details?.notesPlain ?? "",
      urls,
      tags: item.overview?.tags ?? [],
    },
    warnings,
  );
  if (converted) warnings.converted(plaintext.title, category.label);
  if (attachments > 0) warnings.attachments(plaintext.title, attachments);
  return { plaintext, sourceType: category.label };
}

/**
 * 1Password keeps earlier passwords with their dates; each becomes a version of the item with
 * that password, oldest first, so the person can still look one up after the move.
 */
function passwordHistory(item: OnePuxItem, plaintext: ItemPlaintext): ItemPlaintext[] {
  const previous = (item.details?.passwordHistory ?? [])
    .filter((entry) => (entry.value ?? "") !== "")
    .sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
  return previous.map((entry) => {
    const value = entry.value ?? "";
    const hasPassword = plaintext.fields.some((field) => field.name === FIELD.password);
    const fields = hasPassword
      ? plaintext.fields.map((field) =>
          field.name === FIELD.password ? { ...field, value } : field,
        )
      : [
          ...plaintext.fields,
          { name: FIELD.password, value, secret: true, kind: "password" as const },
        ];
    return { ...plaintext, fields };
  });
}

function itemState(item: OnePuxItem): ImportedItemState {
  if (item.state === "trashed" || item.trashed === true) return "trashed";
  if (item.state === "archived") return "archived";
  return "active";
}

// Older exports wrap each item as {"item": {...}}.
function unwrap(raw: unknown): unknown {
  const fields = properties(raw);
  return "item" in fields && !("categoryUuid" in fields) ? fields.item : raw;
}

function rawTitle(raw: unknown): string {
  return text(properties(properties(raw).overview).title).trim() || UNTITLED;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EXPORT_DATA = "export.data";

function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) return null;
  const names: string[] = [];
  try {
    // The filter sees every entry of the central directory and extracts none.
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

const DAMAGED = "This .1pux file is damaged or incomplete; export it again from 1Password.";

function readExportData(bytes: Uint8Array): z.infer<typeof exportSchema> {
  if (!ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) {
    throw new ImportError("wrong_format", "This file is not a 1Password .1pux export.");
  }
  let data: Uint8Array | undefined;
  try {
    data = unzipSync(bytes, { filter: (file) => file.name === EXPORT_DATA })[EXPORT_DATA];
  } catch {
    throw new ImportError("malformed", DAMAGED);
  }
  if (!data) {
    throw new ImportError(
      "wrong_format",
      "This zip file is not a 1Password export: it has no export.data inside.",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeText(data, "The export.data inside this .1pux file"));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError("malformed", DAMAGED);
  }
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) throw new ImportError("malformed", DAMAGED);
  return parsed.data;
}

/**
 * 1Password 8's .1pux export: a zip whose export.data lists accounts → vaults → items. Every
 * vault becomes a folder named after it, so the browser can offer one Coffer vault per
 * 1Password vault; with several accounts the account name is added to tell them apart.
 */
export const onePassword1puxParser: ImportParser = {
  format: "1password-1pux",
  label: "1Password (1PUX)",
  detect(file: ImportFile): boolean {
    const names = zipEntryNames(file.bytes);
    if (names) return names.includes(EXPORT_DATA);
    // A .1pux cut short has no readable directory; claiming it gets the person "damaged",
    // not "unknown format".
    return (
      ZIP_MAGIC.every((byte, index) => file.bytes[index] === byte) && /\.1pux$/i.test(file.name)
    );
  },
  needsPassword: () => false,
  async parse(file: ImportFile) {
    const data = readExportData(file.bytes);
    const warnings = new ImportWarnings();
    const items: ImportedItem[] = [];
    const folderPaths: string[][] = [];
    for (const account of data.accounts) {
      const accountName = (account.attrs?.accountName ?? account.attrs?.name ?? "").trim();
      for (const vault of account.vaults ?? []) {
        const vaultName = (vault.attrs?.name ?? "").trim() || "Vault";
        const folder = [
          data.accounts.length > 1 && accountName ? `${vaultName} (${accountName})` : vaultName,
        ];
        folderPaths.push(folder);
        for (const raw of vault.items ?? []) {
          const parsed = itemSchema.safeParse(unwrap(raw));
          if (!parsed.success) {
            warnings.unreadable(
              rawTitle(unwrap(raw)),
              "this record is not in a shape 1Password writes; it was left out.",
            );
            continue;
          }
          const { plaintext, sourceType } = mapItem(parsed.data, warnings);
          const item = importedItem(
            plaintext,
            { folder, state: itemState(parsed.data), sourceType },
            warnings,
          );
          const history = passwordHistory(parsed.data, plaintext);
          if (history.length > 0) item.history = history;
          items.push(item);
        }
      }
    }
    return {
      format: "1password-1pux",
      items,
      folders: collectFolders(folderPaths),
      warnings: warnings.list,
    };
  },
};
