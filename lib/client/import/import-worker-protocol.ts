import type { ImportError, ImportFile, ImportFormat, ImportResult } from "@/lib/sdk/import";

// The messages between the page and lib/client/import/import.worker.ts.

export type ImportWorkerRequest =
  | { id: number; kind: "inspect"; file: ImportFile; format: ImportFormat | null }
  | {
      id: number;
      kind: "parse";
      file: ImportFile;
      format: ImportFormat;
      password: string | undefined;
    };

export type ImportWorkerResponse =
  | { id: number; kind: "inspected"; format: ImportFormat | null; needsPassword: boolean }
  | { id: number; kind: "parsed"; result: ImportResult }
  | { id: number; kind: "failed"; code: ImportError["code"]; message: string };
