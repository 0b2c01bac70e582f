import type { ItemPlaintext, ItemType } from "@/lib/crypto";

/** Every file format Coffer reads; `coffer` is Coffer's own encrypted export. */
export const IMPORT_FORMATS = [
  "coffer",
  "bitwarden-json",
  "bitwarden-csv",
  "1password-1pux",
  "1password-csv",
  "lastpass-csv",
  "keepass-xml",
  "kdbx",
  "chrome-csv",
  "firefox-csv",
  "safari-csv",
  "dashlane-csv",
  "dotenv",
] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A file as the browser's File or the CLI's fs hands it over: its name helps detection. */
export type ImportFile = { name: string; bytes: Uint8Array };

/**
 * Where the record stood in the tool it came from. Archived and trashed records are still
 * imported (and counted), each with a warning, so nothing disappears without the person seeing it.
 */
export type ImportedItemState = "active" | "archived" | "trashed";

export type ImportedItem = {
  plaintext: ItemPlaintext;
  /** Folder, group or collection path segments from the root ("Work", "Servers"); [] at the root. */
  folder: string[];
  state: ImportedItemState;
  /** The source's own name for the record's type ("card", "identity", "Login"), for the preview. */
  sourceType: string;
  /** Older versions, oldest first, when the source keeps them (Coffer's own export does). */
  history?: ItemPlaintext[];
};

export type ImportWarningCode =
  | "dropped_field" // a value the format holds that Coffer has no place for
  | "converted_type" // a type Coffer lacks, kept as a secure note with named fields
  | "archived"
  | "trashed"
  | "attachment_skipped"
  | "invalid_totp"
  | "unreadable_record"
  | "duplicate_field_name";

export type ImportWarning = {
  code: ImportWarningCode;
  /** One sentence a person can read; never a secret value. */
  message: string;
  /** Title of the record it concerns, when it concerns one. */
  item?: string;
};

export type ImportResult = {
  format: ImportFormat;
  items: ImportedItem[];
  /** Every folder/group/collection path the file declares, including empty ones. */
  folders: string[][];
  warnings: ImportWarning[];
};

export type ImportOptions = {
  /** For password-protected files (Bitwarden encrypted JSON, KDBX, Coffer export). */
  password?: string;
};

/**
 * A refusal the person can act on: a wrong format, a wrong or missing password, a damaged file.
 * The message is one sentence and never carries file content.
 */
export class ImportError extends Error {
  constructor(
    readonly code: "wrong_format" | "password_required" | "wrong_password" | "malformed",
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

export type ImportParser = {
  format: ImportFormat;
  /** Shown in the format picker and the CLI's --help ("Bitwarden (JSON)"). */
  label: string;
  /** True when the file looks like this format; cheap, looks at the name and the first bytes. */
  detect(file: ImportFile): boolean;
  /** True when parse() will need options.password for this file. */
  needsPassword(file: ImportFile): boolean;
  parse(file: ImportFile, options?: ImportOptions): Promise<ImportResult>;
};

/** The dry-run summary `coffer import --dry-run --json` prints and the browser preview shows. */
export type ImportSummary = {
  format: ImportFormat;
  items: number;
  byType: Partial<Record<ItemType, number>>;
  withTotp: number;
  folders: number;
  warnings: ImportWarning[];
};
