"use client";

import { useCallback, useState } from "react";
import { exportInBrowser } from "@/lib/client/export";
import { saveFile } from "@/lib/client/save-file";
import {
  EXPORT_FILE_EXTENSIONS,
  type BuiltExport,
  type ExportProgress,
  type WholeExportFormat,
} from "@/lib/sdk/export";
import { useKeyring } from "@/components/keyring-provider";
import { StepUpCancelled } from "@/components/mfa/step-up-provider";
import { validateNewPassword } from "@/components/password-fields";
import { useAction } from "@/components/ui/use-action";

const MIME: Record<WholeExportFormat, string> = {
  coffer: "application/octet-stream",
  json: "application/json",
  csv: "text/csv",
};

export type ExportFieldError = { field: "passphrase" | "confirm" | "plain"; message: string };

/**
 * The export form's state and its one action: checks, then decrypt → record → write → download
 * through a Blob. The passphrase stays in this state and the KDF worker; nothing is uploaded.
 */
export function useExport() {
  const keyring = useKeyring();
  const [format, setFormat] = useState<WholeExportFormat>("coffer");
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [history, setHistory] = useState(false);
  const [plainUnderstood, setPlainUnderstood] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [fieldError, setFieldError] = useState<ExportFieldError | null>(null);
  const [done, setDone] = useState<BuiltExport | null>(null);

  const exportAll = useAction(
    useCallback(
      async (chosen: WholeExportFormat, secret: string, withHistory: boolean) => {
        if (!keyring) return;
        try {
          const built = await exportInBrowser(keyring, {
            format: chosen,
            passphrase: chosen === "coffer" ? secret : undefined,
            history: withHistory,
            onProgress: setProgress,
          });
          const date = new Date().toISOString().slice(0, 10);
          saveFile(
            [built.text],
            `coffer-export-${date}.${EXPORT_FILE_EXTENSIONS[chosen]}`,
            MIME[chosen],
          );
          setDone(built);
          setPassphrase("");
          setConfirm("");
        } catch (caught) {
          if (!(caught instanceof StepUpCancelled)) throw caught;
          throw new Error("No file was made: a plain export needs a check with your security key.");
        } finally {
          // The progress bar belongs to this run only, however it ended.
          setProgress(null);
        }
      },
      [keyring],
    ),
  );
  const busy = exportAll.pending;

  function check(): ExportFieldError | null {
    if (format === "coffer") {
      // The same rule as a master password (MIN_PASSWORD_LENGTH is MIN_EXPORT_PASSPHRASE_LENGTH).
      const problem = validateNewPassword(passphrase, confirm);
      if (problem?.password) return { field: "passphrase", message: problem.password };
      if (problem?.confirm) return { field: "confirm", message: problem.confirm };
    } else if (!plainUnderstood) {
      return { field: "plain", message: "Confirm that you understand the file is not encrypted." };
    }
    return null;
  }

  async function start() {
    if (!keyring || busy) return;
    exportAll.clearError();
    setDone(null);
    const problem = check();
    setFieldError(problem);
    if (problem) return;
    await exportAll.run(format, passphrase, history);
  }

  return {
    format,
    setFormat,
    passphrase,
    setPassphrase,
    confirm,
    setConfirm,
    history,
    setHistory,
    plainUnderstood,
    setPlainUnderstood,
    progress,
    fieldError,
    error: exportAll.error?.message ?? null,
    done,
    busy,
    start,
  };
}
