// Parsing runs here so a large or password-protected file (Bitwarden's Argon2id, KDBX's
// Argon2d/AES-KDF) never freezes the page: the passphrase and the plaintext stay in this tab,
// in this worker's memory, and go back to the page only as the parsed result.
import { ImportError, importParser, detectImportFormat, type ImportFormat } from "@/lib/sdk/import";
import { isSodiumWasmMessage, type SodiumWasmMessage } from "../sodium/sodium-wasm";
import type { ImportWorkerRequest, ImportWorkerResponse } from "./import-worker-protocol";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest | SodiumWasmMessage>) => void) | null;
  postMessage(message: ImportWorkerResponse): void;
};

scope.onmessage = async (event) => {
  // libsodium (a Coffer export's passphrase) comes compiled from the page.
  if (isSodiumWasmMessage(event.data)) return;
  const request = event.data;
  try {
    if (request.kind === "inspect") {
      const format = request.format ?? detectImportFormat(request.file);
      const needsPassword = format ? importParser(format).needsPassword(request.file) : false;
      scope.postMessage({ id: request.id, kind: "inspected", format, needsPassword });
      return;
    }
    const format: ImportFormat = request.format;
    const result = await importParser(format).parse(request.file, { password: request.password });
    scope.postMessage({ id: request.id, kind: "parsed", result });
  } catch (error) {
    scope.postMessage({ id: request.id, kind: "failed", ...describeFailure(error) });
  }
};

/** An ImportError's sentence is written for people; anything else is reported by name only. */
function describeFailure(error: unknown): { code: ImportError["code"]; message: string } {
  if (error instanceof ImportError) return { code: error.code, message: error.message };
  return {
    code: "malformed",
    message: "This file could not be read; it may be damaged or in another format.",
  };
}
