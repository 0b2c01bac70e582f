"use client";

import { useCallback, useState } from "react";
import {
  ImportError,
  type ImportFile,
  type ImportFormat,
  type ImportResult,
} from "@/lib/sdk/import";
import {
  inspectImportFile,
  parseImportFile,
  readImportFile,
} from "@/lib/client/import/parse-import";

export type FormatChoice = ImportFormat | "auto";

/**
 * Choosing and reading the file: the format (picked or detected), the passphrase when the
 * parser needs one, and the parse itself. The passphrase lives in this state only; it goes to
 * the parser in this tab's worker and nowhere else.
 */
export function useImportFile() {
  const [formatChoice, setFormatChoice] = useState<FormatChoice>("auto");
  const [file, setFile] = useState<ImportFile | null>(null);
  const [detected, setDetected] = useState<ImportFormat | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ message: string; field: "file" | "password" } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const inspect = useCallback(async (next: ImportFile, choice: FormatChoice) => {
    setError(null);
    setDetected(null);
    setNeedsPassword(false);
    try {
      const inspected = await inspectImportFile(next, choice === "auto" ? null : choice);
      setDetected(inspected.format);
      setNeedsPassword(inspected.needsPassword);
      if (!inspected.format) {
        setError({
          field: "file",
          message:
            "This file is not in a format Coffer recognises; choose the format from the list.",
        });
      }
    } catch (caught) {
      setError({ field: "file", message: sentence(caught) });
    }
  }, []);

  const chooseFile = useCallback(
    async (picked: File | null) => {
      setResult(null);
      setPassword("");
      if (!picked) {
        setFile(null);
        return;
      }
      // Marks the moment the person hands over the file, for the import benchmark.
      performance.mark("coffer:import-file-chosen");
      const next = await readImportFile(picked);
      setFile(next);
      await inspect(next, formatChoice);
    },
    [formatChoice, inspect],
  );

  const chooseFormat = useCallback(
    async (choice: FormatChoice) => {
      setFormatChoice(choice);
      setResult(null);
      if (file) await inspect(file, choice);
    },
    [file, inspect],
  );

  const read = useCallback(async (): Promise<ImportResult | null> => {
    if (!file) {
      setError({ field: "file", message: "Choose the file to import." });
      return null;
    }
    if (!detected) {
      setError({
        field: "file",
        message: "This file is not in a format Coffer recognises; choose the format from the list.",
      });
      return null;
    }
    if (needsPassword && password === "") {
      setError({ field: "password", message: "Enter the passphrase this export was saved with." });
      return null;
    }
    setBusy(true);
    setError(null);
    try {
      const parsed = await parseImportFile(file, detected, needsPassword ? password : undefined);
      setResult(parsed);
      return parsed;
    } catch (caught) {
      const field =
        caught instanceof ImportError &&
        (caught.code === "wrong_password" || caught.code === "password_required")
          ? "password"
          : "file";
      setError({ field, message: sentence(caught) });
      return null;
    } finally {
      setBusy(false);
    }
  }, [file, detected, needsPassword, password]);

  const reset = useCallback(() => {
    setFile(null);
    setResult(null);
    setPassword("");
    setDetected(null);
    setNeedsPassword(false);
    setError(null);
  }, []);

  return {
    formatChoice,
    chooseFormat,
    file,
    chooseFile,
    detected,
    needsPassword,
    password,
    setPassword,
    error,
    busy,
    result,
    read,
    reset,
  };
}

function sentence(caught: unknown): string {
  if (caught instanceof ImportError) return caught.message;
  return "This file could not be read; it may be damaged or in another format.";
}
