"use client";

import { useId, useState, type DragEvent, type FormEvent } from "react";
import { IMPORT_PARSERS, importParser, type ImportFormat } from "@/lib/sdk/import";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/vaults/select-field";
import type { FormatChoice, useImportFile } from "./use-import-file";

const AUTO_LABEL = "Detect automatically";

/** Step 1: the format, the file (picker or drop) and, when the file is protected, its passphrase. */
export function FileStep({ state }: { state: ReturnType<typeof useImportFile> }) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const [dragging, setDragging] = useState(false);
  const fileError = state.error?.field === "file" ? state.error.message : null;
  const passwordError = state.error?.field === "password" ? state.error.message : null;

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void state.chooseFile(dropped);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void state.read();
  }

  return (
    <Card>
      <CardHeader
        title="Choose the export file"
        description="The file is read and decrypted in this tab. Only encrypted items are sent to the server."
      />
      <form className="space-y-5" onSubmit={onSubmit} noValidate>
        <SelectField
          label="Format"
          value={state.formatChoice}
          onChange={(value) => void state.chooseFormat(value as FormatChoice)}
          options={[
            { value: "auto", label: AUTO_LABEL },
            ...IMPORT_PARSERS.map((parser) => ({ value: parser.format, label: parser.label })),
          ]}
        />
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`rounded-xl border-2 border-dashed px-4 py-6 text-center ${
            dragging ? "border-sky-500 bg-sky-50" : "border-stone-300"
          }`}
        >
          <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
            File to import
          </label>
          <p className="mt-1 text-xs text-stone-500">Drop the file here, or choose it.</p>
          <input
            id={inputId}
            type="file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? errorId : undefined}
            onChange={(event) => void state.chooseFile(event.target.files?.[0] ?? null)}
            className="mx-auto mt-3 block text-sm text-stone-700 file:mr-3 file:rounded-lg file:border-0 file:bg-stone-900 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white"
          />
          {state.file && state.detected && (
            <p className="mt-3 text-sm text-stone-700" role="status">
              {state.file.name}: {formatLabel(state.detected)}
              {state.formatChoice === "auto" ? " (detected)" : ""}
            </p>
          )}
        </div>
        {fileError && (
          <p id={errorId} role="alert" className="text-sm text-red-700">
            {fileError}
          </p>
        )}
        {state.needsPassword && (
          <Field
            label="Export passphrase"
            type="password"
            autoComplete="off"
            value={state.password}
            onChange={(event) => state.setPassword(event.target.value)}
            error={passwordError}
            hint="The passphrase this file was exported with. It is used in this tab only."
          />
        )}
        <div className="flex justify-end">
          <Button type="submit" busy={state.busy} busyLabel="Reading…" disabled={!state.file}>
            Read file
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function formatLabel(format: ImportFormat): string {
  try {
    return importParser(format).label;
  } catch {
    return format;
  }
}
