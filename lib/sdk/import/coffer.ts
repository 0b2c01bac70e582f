import { looksLikeExportFile, type ExportContent } from "@/lib/crypto";
import { decryptExport, ExportFileError } from "../export/encrypted";
import { readPlainJsonExport } from "../export/plain";
import { directKdfRunner, type KdfRunner } from "../kdf-runner";
import { collectFolders, decodeText, peekText } from "./mapping";
import { ImportError, type ImportFile, type ImportParser, type ImportResult } from "./types";

const refusal: Record<ExportFileError["reason"], ImportError> = {
  malformed: new ImportError("malformed", "This Coffer export is damaged or incomplete."),
  wrong_password: new ImportError(
    "wrong_password",
    "The passphrase is wrong, or the file was changed after it was exported.",
  ),
  content: new ImportError("malformed", "This Coffer export holds something Coffer cannot read."),
};

const isEncrypted = (file: ImportFile) => looksLikeExportFile(peekText(file.bytes, 64));

const isPlain = (file: ImportFile) =>
  /^\s*\{[\s\S]*"format"\s*:\s*"coffer-plain-export"/.test(peekText(file.bytes, 256));

/**
 * Coffer's own export, encrypted or plain JSON: each vault becomes a folder named like it, and
 * every item comes back field for field with its history. Nothing is converted, so no warnings.
 * The KDF runner is a port so the browser can run the passphrase's Argon2id in its worker.
 */
export function createCofferParser(kdf: KdfRunner): ImportParser {
  return {
    format: "coffer",
    label: "Coffer export",
    detect: (file) => isEncrypted(file) || isPlain(file),
    needsPassword: isEncrypted,
    async parse(file, options = {}) {
      const text = decodeText(file.bytes, "This Coffer export");
      if (isEncrypted(file)) {
        if (!options.password) {
          throw new ImportError("password_required", "This Coffer export needs its passphrase.");
        }
        try {
          return fromContent(await decryptExport(kdf, text, options.password));
        } catch (error) {
          if (error instanceof ExportFileError) throw refusal[error.reason];
          throw error;
        }
      }
      if (!isPlain(file)) {
        throw new ImportError("wrong_format", "This file is not a Coffer export.");
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw refusal.malformed;
      }
      const content = readPlainJsonExport(value);
      if (!content) throw refusal.content;
      return fromContent(content);
    },
  };
}

export const cofferParser = createCofferParser(directKdfRunner);

function fromContent(content: ExportContent): ImportResult {
  return {
    format: "coffer",
    items: content.vaults.flatMap((vault) =>
      vault.items.map((item) => ({
        plaintext: item.plaintext,
        folder: [vault.name],
        state: "active" as const,
        sourceType: item.plaintext.type,
        ...(item.history && item.history.length > 0 ? { history: item.history } : {}),
      })),
    ),
    folders: collectFolders(content.vaults.map((vault) => [vault.name])),
    warnings: [],
  };
}
