import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../lib/crypto/base64url";
import { slowHash } from "../../../lib/crypto/account-keys";
import { CryptoError } from "../../../lib/crypto/errors";
import {
  EXPORT_FILE_HEADER,
  exportFileAd,
  exportFileSalt,
  newExportFileKdf,
  openExportFile,
  parseExportFile,
  sealExportFile,
  type ExportFileKdf,
} from "../../../lib/crypto/export-file";
import { KDF_FLOOR } from "../../../lib/crypto/kdf-params";
import { getSodium } from "../../../lib/crypto/sodium";

// The floor keeps each Argon2id run short; the parameters are part of what is tested.
const params = { alg: "argon2id13", ...KDF_FLOOR } as const;
const passphrase = "correct horse battery staple";
const content = new TextEncoder().encode('{"exportedAt":"2026-12-02T04:00:00Z","vaults":[]}');

let kdf: ExportFileKdf;
let key: Uint8Array;
let file: string;

const keyFor = (text: string, forKdf: ExportFileKdf) =>
  slowHash(text, exportFileSalt(forKdf), forKdf);

function open(text: string, withPassphrase = passphrase): Uint8Array {
  const parts = parseExportFile(text);
  return openExportFile(keyFor(withPassphrase, parts.kdf), parts);
}

function body(text: string): { kdf: ExportFileKdf; ciphertext: string } {
  return JSON.parse(text.split("\n")[1] ?? "");
}

function withBody(text: string, change: (value: ReturnType<typeof body>) => void): string {
  const value = body(text);
  change(value);
  return `${EXPORT_FILE_HEADER}\n${JSON.stringify(value)}\n`;
}

beforeAll(async () => {
  await getSodium();
  kdf = newExportFileKdf(params);
  key = keyFor(passphrase, kdf);
  file = sealExportFile(key, kdf, content);
});

describe("export file round trip", () => {
  it("starts with its version header and opens with the passphrase", () => {
    expect(file.startsWith(`${EXPORT_FILE_HEADER}\n`)).toBe(true);
    expect(open(file)).toEqual(content);
  });

  it("holds the KDF parameters it needs and nothing of the plaintext", () => {
    expect(body(file).kdf).toEqual(kdf);
    expect(file).not.toContain("exportedAt");
  });

  it("draws a new salt and nonce for every file", () => {
    const other = newExportFileKdf(params);
    expect(other.salt).not.toBe(kdf.salt);
    expect(sealExportFile(key, kdf, content)).not.toBe(file);
  });

  it("binds the version and every KDF parameter in the AD", () => {
    expect(exportFileAd(kdf)).toBe(
      `coffer|export|v1|argon2id13|${kdf.salt}|${kdf.opslimit}|${kdf.memlimit}`,
    );
  });

  it("reads a file written with Windows line endings", () => {
    expect(open(file.replace(/\n/g, "\r\n"))).toEqual(content);
  });
});

describe("export file tamper", () => {
  const refusedToOpen = (text: string, context: string, withPassphrase = passphrase) => {
    let caught: unknown;
    try {
      open(text, withPassphrase);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CryptoError);
    expect((caught as CryptoError).context).toBe(context);
  };

  it("refuses a wrong passphrase", () => refusedToOpen(file, "export", "correct horse battery"));

  it("refuses a flipped ciphertext byte", () => {
    const changed = withBody(file, (value) => {
      const [version, nonce, ciphertext = ""] = value.ciphertext.split(".");
      const bytes = fromBase64Url(ciphertext);
      bytes[3] = (bytes[3] ?? 0) ^ 0x01;
      value.ciphertext = `${version}.${nonce}.${toBase64Url(bytes)}`;
    });
    refusedToOpen(changed, "export");
  });

  it("refuses a changed salt even when the key is derived from the new salt", () => {
    const otherSalt = newExportFileKdf(params).salt;
    refusedToOpen(
      withBody(file, (value) => (value.kdf.salt = otherSalt)),
      "export",
    );
  });

  it("refuses edited parameters: the AD no longer matches even with the right key", () => {
    const parts = parseExportFile(file);
    const weakened = { ...parts, kdf: { ...parts.kdf, opslimit: parts.kdf.opslimit + 1 } };
    // The key for the original parameters, presented with the edited ones.
    expect(() => openExportFile(key, weakened)).toThrow(CryptoError);
  });

  it("refuses a changed or missing header line before deriving anything", () => {
    const rest = file.slice(file.indexOf("\n"));
    for (const header of ["coffer-export v2", "coffer-export", "", "bitwarden"]) {
      expect(() => parseExportFile(`${header}${rest}`)).toThrow(CryptoError);
    }
  });

  it("refuses parameters below the floor or above the ceiling", () => {
    for (const change of [
      (value: ReturnType<typeof body>) => (value.kdf.opslimit = 1),
      (value: ReturnType<typeof body>) => (value.kdf.memlimit = 1024),
      (value: ReturnType<typeof body>) => (value.kdf.memlimit = 4 * 1024 * 1024 * 1024),
      (value: ReturnType<typeof body>) => ((value.kdf as { alg: string }).alg = "scrypt"),
    ]) {
      expect(() => parseExportFile(withBody(file, change))).toThrow(CryptoError);
    }
  });

  it("refuses a truncated file at any length", () => {
    for (const length of [0, 10, EXPORT_FILE_HEADER.length + 1, 60, file.length - 12]) {
      expect(() => open(file.slice(0, length))).toThrow(CryptoError);
    }
  });

  it("refuses extra keys in the JSON", () => {
    const changed = withBody(file, (value) => Object.assign(value, { note: "x" }));
    expect(() => parseExportFile(changed)).toThrow(CryptoError);
  });
});
