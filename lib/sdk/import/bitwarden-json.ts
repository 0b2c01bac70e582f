import { z } from "zod";
import type { ItemPlaintext } from "@/lib/crypto";
import {
  decryptEncString,
  deriveBitwardenKeys,
  parseEncString,
  type BitwardenKdf,
} from "./bitwarden-crypto";
import {
  buildItem,
  collectFolders,
  decodeText,
  FIELD,
  importedItem,
  ImportWarnings,
  noteWithFields,
  peekText,
  splitFolderPath,
  UNTITLED,
  type FieldInput,
} from "./mapping";
import {
  ImportError,
  type ImportedItem,
  type ImportedItemState,
  type ImportFile,
  type ImportOptions,
  type ImportParser,
  type ImportResult,
} from "./types";

/**
 * Bitwarden's JSON export: personal (folders) or organisation (collections), plain or
 * password-protected. The account-encrypted variant is refused with a way out, because its
 * key never leaves Bitwarden. Record types follow Bitwarden's CipherType: 1 login, 2 secure
 * note, 3 card, 4 identity, 5 SSH key; custom field types: 0 text, 1 hidden, 2 boolean, 3 linked.
 */
const nullableString = z.string().nullish();

const bitwardenItem = z.looseObject({
  type: z.number().int(),
  name: nullableString,
  notes: nullableString,
  favorite: z.boolean().nullish(),
  reprompt: z.number().nullish(),
  folderId: nullableString,
  collectionIds: z.array(z.string()).nullish(),
  deletedDate: nullableString,
  archivedDate: nullableString,
  fields: z
    .array(
      z.looseObject({
        name: nullableString,
        value: nullableString,
        type: z.number().int(),
        linkedId: z.number().nullish(),
      }),
    )
    .nullish(),
  login: z
    .looseObject({
      username: nullableString,
      password: nullableString,
      totp: nullableString,
      uris: z.array(z.looseObject({ uri: nullableString })).nullish(),
      fido2Credentials: z.array(z.unknown()).nullish(),
    })
    .nullish(),
  card: z.record(z.string(), z.unknown()).nullish(),
  identity: z.record(z.string(), z.unknown()).nullish(),
  sshKey: z
    .looseObject({
      privateKey: nullableString,
      publicKey: nullableString,
      keyFingerprint: nullableString,
    })
    .nullish(),
  passwordHistory: z
    .array(z.looseObject({ password: nullableString, lastUsedDate: nullableString }))
    .nullish(),
  attachments: z.array(z.unknown()).nullish(),
});

type BitwardenItem = z.infer<typeof bitwardenItem>;

const plainExport = z.looseObject({
  // Exports from before 2020 have no "encrypted" key at all.
  encrypted: z.literal(false).optional(),
  folders: z.array(z.looseObject({ id: z.string(), name: z.string() })).nullish(),
  collections: z.array(z.looseObject({ id: z.string(), name: z.string() })).nullish(),
  items: z.array(z.unknown()),
});

const passwordProtectedExport = z.looseObject({
  encrypted: z.literal(true),
  passwordProtected: z.literal(true),
  salt: z.string().min(1),
  kdfType: z.union([z.literal(0), z.literal(1)]),
  kdfIterations: z.number(),
  kdfMemory: z.number().nullish(),
  kdfParallelism: z.number().nullish(),
  encKeyValidation_DO_NOT_EDIT: z.string(),
  data: z.string(),
});

const SIGNATURE = /^\s*\{\s*"encrypted"\s*:\s*(true|false)\s*,/;
// Older exports open with the folder list, or with collections for an organisation.
const LEGACY_SIGNATURE = /^\s*\{\s*"(folders|collections)"\s*:\s*\[/;

const CARD_FIELDS: [string, string][] = [
  ["cardholderName", "Cardholder name"],
  ["brand", "Brand"],
  ["number", "Card number"],
  ["expMonth", "Expiry month"],
  ["expYear", "Expiry year"],
  ["code", "Security code"],
];

const IDENTITY_FIELDS: [string, string][] = [
  ["title", "Title"],
  ["firstName", "First name"],
  ["middleName", "Middle name"],
  ["lastName", "Last name"],
  ["username", "Username"],
  ["company", "Company"],
  ["email", "Email"],
  ["phone", "Phone"],
  ["address1", "Address 1"],
  ["address2", "Address 2"],
  ["address3", "Address 3"],
  ["city", "City"],
  ["state", "State"],
  ["postalCode", "Postal code"],
  ["country", "Country"],
  ["ssn", "Social security number"],
  ["passportNumber", "Passport number"],
  ["licenseNumber", "License number"],
];

// Bitwarden's LinkedIdType: what a linked custom field points at, for the warning's wording.
const LINKED_TARGETS: Record<number, string> = {
  100: "the username",
  101: "the password",
  300: "the cardholder name",
  301: "the card's expiry month",
  302: "the card's expiry year",
  303: "the card's security code",
  304: "the card's brand",
  305: "the card number",
};

function customFields(item: BitwardenItem, title: string, warnings: ImportWarnings): FieldInput[] {
  const fields: FieldInput[] = [];
  for (const field of item.fields ?? []) {
    const name = field.name?.trim() || "Field";
    switch (field.type) {
      case 1:
        fields.push({ name, value: field.value, kind: "password", secret: true, keepEmpty: true });
        break;
      case 2:
        fields.push({ name, value: field.value === "true" ? "true" : "false", keepEmpty: true });
        break;
      case 3: {
        const target = LINKED_TARGETS[field.linkedId ?? -1] ?? "another field";
        warnings.dropped(title, `the linked field "${name}" (it only points at ${target})`);
        break;
      }
      default:
        fields.push({
          name,
          value: field.value,
          kind: field.value?.includes("\n") ? "multiline" : "text",
          keepEmpty: true,
        });
    }
  }
  return fields;
}

function namedValues(
  record: Record<string, unknown> | null | undefined,
  names: [string, string][],
) {
  return names.map(([key, name]) => {
    const value = record?.[key];
    return { name, value: typeof value === "string" || typeof value === "number" ? value : null };
  });
}

const SOURCE_TYPES: Record<number, string> = {
  1: "login",
  2: "secure note",
  3: "card",
  4: "identity",
  5: "SSH key",
};

function plaintextFor(item: BitwardenItem, warnings: ImportWarnings): ItemPlaintext {
  const title = item.name?.trim() || UNTITLED;
  const tags = item.favorite ? ["favorite"] : [];
  const custom = customFields(item, title, warnings);
  const common = { title: item.name, notes: item.notes, tags };
  switch (item.type) {
    case 1:
      if (item.login?.fido2Credentials?.length) {
        warnings.dropped(title, "the passkey");
      }
      return buildItem(
        {
          ...common,
          type: "login",
          fields: [
            { name: FIELD.username, value: item.login?.username, kind: "username" },
            { name: FIELD.password, value: item.login?.password, kind: "password" },
            { name: FIELD.totp, value: item.login?.totp, kind: "totp" },
            ...custom,
          ],
          urls: (item.login?.uris ?? []).map((entry) => entry.uri),
        },
        warnings,
      );
    case 2:
      return buildItem({ ...common, type: "note", fields: custom }, warnings);
    case 3:
      return noteWithFields(
        {
          ...common,
          sourceType: "card",
          values: namedValues(item.card, CARD_FIELDS),
          fields: custom,
        },
        warnings,
      );
    case 4:
      return noteWithFields(
        {
          ...common,
          sourceType: "identity",
          values: namedValues(item.identity, IDENTITY_FIELDS),
          fields: custom,
        },
        warnings,
      );
    case 5:
      return buildItem(
        {
          ...common,
          type: "ssh_key",
          fields: [
            { name: FIELD.publicKey, value: item.sshKey?.publicKey, kind: "public_key" },
            { name: FIELD.privateKey, value: item.sshKey?.privateKey, kind: "private_key" },
            { name: FIELD.fingerprint, value: item.sshKey?.keyFingerprint, kind: "text" },
            ...custom,
          ],
        },
        warnings,
      );
    default:
      return noteWithFields(
        {
          ...common,
          sourceType: `Bitwarden record of type ${item.type}`,
          values: [],
          fields: custom,
        },
        warnings,
      );
  }
}

/**
 * Earlier passwords as earlier versions of the item, oldest first: Coffer keeps history per
 * item, so they stay reachable (and secret) instead of landing in notes or being dropped.
 * Only logins: elsewhere Bitwarden's history belongs to hidden fields we cannot tell apart.
 */
function passwordHistory(
  item: BitwardenItem,
  plaintext: ItemPlaintext,
  warnings: ImportWarnings,
): ItemPlaintext[] | undefined {
  const entries = (item.passwordHistory ?? []).filter((entry) => entry.password);
  if (entries.length === 0) return undefined;
  if (plaintext.type !== "login") {
    warnings.dropped(plaintext.title, `${entries.length} earlier hidden-field value(s)`);
    return undefined;
  }
  const sorted = [...entries].sort((a, b) =>
    (a.lastUsedDate ?? "").localeCompare(b.lastUsedDate ?? ""),
  );
  const hasPassword = plaintext.fields.some((field) => field.name === FIELD.password);
  return sorted.map((entry) => {
    const earlier = {
      name: FIELD.password,
      value: entry.password ?? "",
      secret: true,
      kind: "password",
    } as const;
    const fields = hasPassword
      ? plaintext.fields.map((field) => (field.name === FIELD.password ? { ...earlier } : field))
      : [{ ...earlier }, ...plaintext.fields];
    return { ...plaintext, fields };
  });
}

function stateOf(item: BitwardenItem): ImportedItemState {
  if (item.deletedDate) return "trashed";
  if (item.archivedDate) return "archived";
  return "active";
}

function fromPlainExport(value: unknown): ImportResult {
  const parsed = plainExport.safeParse(value);
  if (!parsed.success) {
    throw new ImportError(
      "malformed",
      "This Bitwarden export is missing its list of items; export it again from Bitwarden.",
    );
  }
  const file = parsed.data;
  const warnings = new ImportWarnings();
  const folderPaths = new Map<string, string[]>();
  for (const folder of [...(file.folders ?? []), ...(file.collections ?? [])]) {
    folderPaths.set(folder.id, splitFolderPath(folder.name));
  }
  const items: ImportedItem[] = [];
  file.items.forEach((raw, index) => {
    const record = bitwardenItem.safeParse(raw);
    if (!record.success) {
      const name =
        typeof raw === "object" && raw !== null && "name" in raw && typeof raw.name === "string"
          ? raw.name
          : `Record ${index + 1}`;
      warnings.unreadable(name, "this record is not in a shape Bitwarden writes and was left out.");
      return;
    }
    const item = record.data;
    const plaintext = plaintextFor(item, warnings);
    const title = plaintext.title;
    if (item.reprompt === 1) {
      warnings.dropped(title, "the master-password re-prompt setting");
    }
    if (item.attachments?.length) warnings.attachments(title, item.attachments.length);
    const collections = (item.collectionIds ?? []).filter((id) => folderPaths.has(id));
    const folderId = item.folderId ?? collections[0];
    if (collections.length > 1) {
      const others = collections.slice(1).map((id) => `"${folderPaths.get(id)?.join("/")}"`);
      warnings.add(
        "dropped_field",
        `"${title}" is also in the collection(s) ${others.join(", ")}; it was imported once, into the first.`,
        title,
      );
    }
    const imported = importedItem(
      plaintext,
      {
        folder: (folderId && folderPaths.get(folderId)) || [],
        state: stateOf(item),
        sourceType: SOURCE_TYPES[item.type] ?? `type ${item.type}`,
      },
      warnings,
    );
    const history = passwordHistory(item, plaintext, warnings);
    items.push(history ? { ...imported, history } : imported);
  });
  return {
    format: "bitwarden-json",
    items,
    folders: collectFolders([...folderPaths.values()].filter((path) => path.length > 0)),
    warnings: warnings.list,
  };
}

function readJson(file: ImportFile): unknown {
  const text = decodeText(file.bytes, "This Bitwarden export");
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError(
      "malformed",
      "This Bitwarden export is not complete JSON (it may be cut short); export it again.",
    );
  }
}

function kdfOf(file: z.infer<typeof passwordProtectedExport>): BitwardenKdf {
  if (file.kdfType === 0) return { kdfType: 0, iterations: file.kdfIterations };
  return {
    kdfType: 1,
    iterations: file.kdfIterations,
    memoryMiB: file.kdfMemory ?? 64,
    parallelism: file.kdfParallelism ?? 4,
  };
}

async function decryptExport(
  file: z.infer<typeof passwordProtectedExport>,
  password: string | undefined,
): Promise<unknown> {
  if (!password) {
    throw new ImportError(
      "password_required",
      "This Bitwarden export is password protected; enter the password chosen when exporting.",
    );
  }
  const validation = parseEncString(file.encKeyValidation_DO_NOT_EDIT);
  const data = parseEncString(file.data);
  if (!validation || !data) {
    throw new ImportError("malformed", "This Bitwarden export is damaged; export it again.");
  }
  const keys = await deriveBitwardenKeys(password, file.salt, kdfOf(file));
  if ((await decryptEncString(keys, validation)) === null) {
    throw new ImportError(
      "wrong_password",
      "The password is not the one this Bitwarden export was protected with.",
    );
  }
  const plain = await decryptEncString(keys, data);
  if (plain === null) {
    throw new ImportError("malformed", "This Bitwarden export is damaged; export it again.");
  }
  try {
    return JSON.parse(decodeText(plain, "The decrypted Bitwarden export"));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError("malformed", "This Bitwarden export is damaged; export it again.");
  }
}

async function parse(file: ImportFile, options: ImportOptions = {}): Promise<ImportResult> {
  const value = readJson(file);
  if (typeof value !== "object" || value === null) {
    throw new ImportError("wrong_format", "This is not a Bitwarden JSON export.");
  }
  if (!("encrypted" in value)) {
    if ("items" in value) return fromPlainExport(value);
    throw new ImportError("wrong_format", "This is not a Bitwarden JSON export.");
  }
  if (value.encrypted !== true) return fromPlainExport(value);
  if (!("passwordProtected" in value) || value.passwordProtected !== true) {
    throw new ImportError(
      "wrong_format",
      'This Bitwarden export is encrypted with your Bitwarden account key, which only Bitwarden can read; export again with the file type "Password protected" (or as plain JSON).',
    );
  }
  const protectedFile = passwordProtectedExport.safeParse(value);
  if (!protectedFile.success) {
    throw new ImportError("malformed", "This Bitwarden export is damaged; export it again.");
  }
  return fromPlainExport(await decryptExport(protectedFile.data, options.password));
}

export const bitwardenJsonParser: ImportParser = {
  format: "bitwarden-json",
  label: "Bitwarden (JSON)",
  detect: (file) => {
    const start = peekText(file.bytes, 256);
    return SIGNATURE.test(start) || LEGACY_SIGNATURE.test(start);
  },
  needsPassword: (file) => /"passwordProtected"\s*:\s*true/.test(peekText(file.bytes, 512)),
  parse,
};
