import {
  detectImportFormat,
  ImportError,
  importParser,
  type ImportFile,
  type ImportFormat,
  type ImportResult,
} from "@/lib/sdk/import";
import { shareSodiumWasm } from "../sodium/sodium-wasm";
import type { ImportWorkerRequest, ImportWorkerResponse } from "./import-worker-protocol";

// The browser's way into the parsers: in a Web Worker (decision 0050), so neither a 5,000-item
// file nor a password KDF blocks the page. Without Worker support it runs on this thread.

type Pending = {
  resolve: (response: ImportWorkerResponse) => void;
  reject: (error: Error) => void;
};

let worker: Worker | null = null;
let nextRequestId = 1;
const pending = new Map<number, Pending>();

function importWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
  created.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
    const request = pending.get(event.data.id);
    if (!request) return;
    pending.delete(event.data.id);
    request.resolve(event.data);
  };
  created.onerror = () => {
    for (const request of pending.values()) {
      request.reject(new ImportError("malformed", "This file could not be read in this browser."));
    }
    pending.clear();
    created.terminate();
    worker = null;
  };
  shareSodiumWasm(created);
  worker = created;
  return created;
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

function ask(request: WithoutId<ImportWorkerRequest>): Promise<ImportWorkerResponse> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // The bytes are copied, not transferred: the page keeps the file to parse it again with
    // a corrected passphrase.
    importWorker().postMessage({ ...request, id } as ImportWorkerRequest);
  });
}

/** The format (detected unless given) and whether the parser will ask for a passphrase. */
export async function inspectImportFile(
  file: ImportFile,
  format: ImportFormat | null,
): Promise<{ format: ImportFormat | null; needsPassword: boolean }> {
  if (typeof Worker === "undefined") {
    const found = format ?? detectImportFormat(file);
    return {
      format: found,
      needsPassword: found ? importParser(found).needsPassword(file) : false,
    };
  }
  const response = await ask({ kind: "inspect", file, format });
  if (response.kind === "failed") throw new ImportError(response.code, response.message);
  if (response.kind !== "inspected") throw new ImportError("malformed", "Unexpected answer.");
  return { format: response.format, needsPassword: response.needsPassword };
}

/** Parses in the worker; a refusal comes back as the parser's own ImportError sentence. */
export async function parseImportFile(
  file: ImportFile,
  format: ImportFormat,
  password: string | undefined,
): Promise<ImportResult> {
  const started = performance.now();
  let result: ImportResult;
  if (typeof Worker === "undefined") {
    result = await importParser(format).parse(file, { password });
  } else {
    const response = await ask({ kind: "parse", file, format, password });
    if (response.kind === "failed") throw new ImportError(response.code, response.message);
    if (response.kind !== "parsed") throw new ImportError("malformed", "Unexpected answer.");
    result = response.result;
  }
  // The import benchmark separates parsing from encrypting and sending by this mark.
  performance.measure("coffer:import-parse", { start: started, end: performance.now() });
  return result;
}

/** A File from the picker or a drop, as the parsers take it. */
export async function readImportFile(file: File): Promise<ImportFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
