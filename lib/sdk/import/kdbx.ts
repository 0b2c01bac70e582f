import { argon2d, argon2id } from "hash-wasm";
import {
  Consts,
  Credentials,
  CryptoEngine,
  Kdbx,
  KdbxError,
  ProtectedValue,
  type KdbxEntry,
  type KdbxGroup,
} from "kdbxweb";
import {
  expiryDay,
  keepassImportResult,
  type KeePassEntry,
  type KeePassGroup,
  type KeePassString,
} from "./keepass-entries";
import { ImportError, type ImportFile, type ImportOptions, type ImportParser } from "./types";

// The signature every KDBX file starts with (0x9AA2D903, little-endian).
const KDBX_MAGIC = [0x03, 0xd9, 0xa2, 0x9a];
// Argon2 1.3; hash-wasm implements only this version, which is what KeePass 2.35+ and KeePassXC
// write. An older 1.0 database is refused with a sentence rather than producing a wrong key.
const ARGON2_VERSION_13 = 0x13;

class UnsupportedArgon2Version extends Error {}

/**
 * KDBX 3.1 cannot tell a wrong password from a damaged payload: both fail AES-CBC decryption,
 * and kdbxweb reports both as InvalidKey. Its payload is whole 16-byte cipher blocks (AES, or
 * Twofish through a plugin), so a file cut short almost always leaves a remainder; such a file
 * is reported as damaged instead of sending the person to retype a correct password.
 */
function isCutShortKdbx3(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint16(10, true) !== 3) return false;
  // Header fields after the 12-byte signature and version: 1-byte id, 2-byte length, data;
  // id 0 ends the header.
  let offset = 12;
  while (offset + 3 <= bytes.length) {
    const id = view.getUint8(offset);
    const length = view.getUint16(offset + 1, true);
    offset += 3 + length;
    if (id === 0) return offset > bytes.length || (bytes.length - offset) % 16 !== 0;
  }
  return true;
}

/**
 * kdbxweb ships no Argon2; KDBX 4 needs Argon2d or Argon2id with the database's parallelism
 * (often 2 or more), which libsodium cannot compute, so hash-wasm's WebAssembly does it in both
 * the browser and Node. kdbxweb passes memory in KiB, as hash-wasm expects.
 */
let argon2Registered = false;
function registerArgon2(): void {
  if (argon2Registered) return;
  CryptoEngine.setArgon2Impl(
    async (password, salt, memory, iterations, length, parallelism, type, version) => {
      if (version !== ARGON2_VERSION_13) throw new UnsupportedArgon2Version();
      const hash = type === CryptoEngine.Argon2TypeArgon2d ? argon2d : argon2id;
      const output = await hash({
        password: new Uint8Array(password),
        salt: new Uint8Array(salt),
        memorySize: memory,
        iterations,
        parallelism,
        hashLength: length,
        outputType: "binary",
      });
      return output.slice().buffer;
    },
  );
  argon2Registered = true;
}

function readEntry(entry: KdbxEntry): KeePassEntry {
  const strings: KeePassString[] = [];
  for (const [key, field] of entry.fields) {
    const isProtected = field instanceof ProtectedValue;
    strings.push({ key, value: isProtected ? field.getText() : field, protected: isProtected });
  }
  return {
    strings,
    tags: entry.tags,
    attachments: entry.binaries.size,
    expires: expiryDay(entry.times.expires === true, entry.times.expiryTime),
    history: entry.history.map(readEntry),
  };
}

function readGroup(group: KdbxGroup, recycleBinId: string | null): KeePassGroup {
  return {
    name: group.name ?? "",
    isRecycleBin: recycleBinId !== null && group.uuid.id === recycleBinId,
    entries: group.entries.map(readEntry),
    groups: group.groups.map((child) => readGroup(child, recycleBinId)),
  };
}

function refusal(error: unknown, bytes: Uint8Array): ImportError {
  if (error instanceof UnsupportedArgon2Version) {
    return new ImportError(
      "malformed",
      "This KeePass database uses Argon2 version 1.0, which Coffer cannot read; change its key derivation settings in KeePass and save it again.",
    );
  }
  if (error instanceof KdbxError) {
    switch (error.code) {
      case Consts.ErrorCodes.BadSignature:
        return new ImportError("wrong_format", "This file is not a KeePass database.");
      case Consts.ErrorCodes.InvalidKey:
        if (isCutShortKdbx3(bytes)) break;
        return new ImportError(
          "wrong_password",
          "The password is wrong for this KeePass database (databases that need a key file cannot be imported).",
        );
      case Consts.ErrorCodes.InvalidVersion:
      case Consts.ErrorCodes.Unsupported:
        return new ImportError(
          "malformed",
          "This KeePass database uses a format version or cipher Coffer cannot read; save it as KDBX 4 in KeePass and try again.",
        );
    }
  }
  return new ImportError(
    "malformed",
    "This KeePass database is damaged or incomplete; copy the .kdbx file again.",
  );
}

/** A KeePass 2 / KeePassXC database file (KDBX 3.1 or 4), opened with its master password. */
export const kdbxParser: ImportParser = {
  format: "kdbx",
  label: "KeePass database (KDBX)",
  detect(file: ImportFile): boolean {
    return KDBX_MAGIC.every((byte, index) => file.bytes[index] === byte);
  },
  needsPassword: () => true,
  async parse(file: ImportFile, options: ImportOptions = {}) {
    if (!KDBX_MAGIC.every((byte, index) => file.bytes[index] === byte)) {
      throw new ImportError("wrong_format", "This file is not a KeePass database.");
    }
    if (options.password === undefined) {
      throw new ImportError(
        "password_required",
        "This KeePass database is encrypted; enter its master password.",
      );
    }
    registerArgon2();
    let database: Kdbx;
    try {
      const credentials = new Credentials(ProtectedValue.fromString(options.password));
      await credentials.ready;
      // kdbxweb wants an ArrayBuffer of exactly the file, not a view into a larger one.
      database = await Kdbx.load(file.bytes.slice().buffer, credentials);
    } catch (error) {
      throw refusal(error, file.bytes);
    }
    const root = database.groups[0];
    if (!root) throw refusal(null, file.bytes);
    const recycleBinId =
      database.meta.recycleBinEnabled !== false && database.meta.recycleBinUuid
        ? database.meta.recycleBinUuid.id
        : null;
    return keepassImportResult("kdbx", readGroup(root, recycleBinId));
  },
};
