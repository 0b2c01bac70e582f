"use client";

import { useMemo, useState } from "react";
import { summarizeImport } from "@/lib/sdk/import";
import { plannedItemCount } from "@/lib/sdk/import/plan";
import { Button } from "@/components/ui/button";
import { CommitProgress } from "./commit-progress";
import { DuplicatesPanel } from "./duplicates-panel";
import { FileStep } from "./file-step";
import { ImportSummary } from "./import-summary";
import { PreviewPanel, plural } from "./preview-panel";
import { TargetPanel } from "./target-panel";
import { useImportCommit } from "./use-import-commit";
import { useImportFile } from "./use-import-file";
import { NEW_VAULT, useImportTarget } from "./use-import-target";
import { WarningsPanel } from "./warnings-panel";

/**
 * Import from another password manager: choose and read the file, preview what it holds and
 * where it goes, then commit in batches. Parsing and encryption happen in this tab.
 */
export function ImportView() {
  const file = useImportFile();
  const target = useImportTarget(file.result, file.file?.name ?? "");
  const commit = useImportCommit();
  const [nameError, setNameError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const summary = useMemo(() => (file.result ? summarizeImport(file.result) : null), [file.result]);
  const toImport = plannedItemCount(target.finalPlan);

  function startOver() {
    setCommitting(false);
    file.reset();
  }

  function onImport() {
    const blankFolder = target.folders.some(
      (folder) => (target.folderNames[folder.key] ?? folder.defaultName).trim() === "",
    );
    if (target.mode === "per-folder" && blankFolder) return;
    if (target.mode !== "per-folder" && target.vaultChoice === NEW_VAULT) {
      if (target.newName !== "" && target.newName.trim() === "") {
        setNameError("Give the new vault a name.");
        return;
      }
    }
    setNameError(null);
    setCommitting(true);
    void commit.start(target.finalPlan, target.skippedByVault());
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Import</h1>
        <p className="mt-1 text-stone-600">
          Bring logins, notes and keys from another password manager. The file never leaves this tab
          unencrypted.
        </p>
      </div>

      {commit.outcome ? (
        <ImportSummary outcome={commit.outcome} onAgain={startOver} />
      ) : committing && commit.progress ? (
        <CommitProgress
          progress={commit.progress}
          cancelling={commit.cancelling}
          error={commit.error}
          onCancel={commit.cancel}
          onBack={() => setCommitting(false)}
        />
      ) : file.result && summary ? (
        <>
          <PreviewPanel result={file.result} summary={summary} />
          <TargetPanel target={target} nameError={nameError} />
          <DuplicatesPanel target={target} />
          <WarningsPanel warnings={file.result.warnings} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={startOver}>
              Choose another file
            </Button>
            <Button
              onClick={onImport}
              disabled={toImport === 0 || target.checkingDuplicates || target.vaults === null}
            >
              {toImport === 0 ? "Nothing to import" : `Import ${plural(toImport, "item")}`}
            </Button>
          </div>
        </>
      ) : (
        <FileStep state={file} />
      )}
    </div>
  );
}
