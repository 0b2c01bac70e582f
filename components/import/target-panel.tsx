"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/vaults/select-field";
import { plural } from "./preview-panel";
import { NEW_VAULT, type TargetMode, type useImportTarget } from "./use-import-target";

const MODES: { mode: TargetMode; label: string; hint: string; needsFolders: boolean }[] = [
  {
    mode: "one-vault",
    label: "One vault",
    hint: "Everything goes into one vault; folders are not kept.",
    needsFolders: false,
  },
  {
    mode: "per-folder",
    label: "One new vault per folder",
    hint: "Each folder, group or collection becomes a vault of its own.",
    needsFolders: true,
  },
  {
    mode: "folders-as-tags",
    label: "One vault, folders as tags",
    hint: "Everything goes into one vault, each item tagged with its folder.",
    needsFolders: true,
  },
];

/** Step 3: where the items go. */
export function TargetPanel({
  target,
  nameError,
}: {
  target: ReturnType<typeof useImportTarget>;
  nameError: string | null;
}) {
  const hasFolders = target.folders.some((folder) => folder.key !== "");
  return (
    <Card>
      <CardHeader title="Where the items go" />
      {target.vaultsError && <Alert className="mb-4">{target.vaultsError}</Alert>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Import into</legend>
        {MODES.filter((option) => hasFolders || !option.needsFolders).map((option) => (
          <label key={option.mode} className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              name="import-mode"
              value={option.mode}
              checked={target.mode === option.mode}
              onChange={() => target.setMode(option.mode)}
              className="mt-1"
            />
            <span>
              <span className="block font-medium text-stone-900">{option.label}</span>
              <span className="block text-stone-600">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {target.mode === "per-folder" ? (
        <div className="mt-5 space-y-3">
          {target.folders.map((folder) => (
            <Field
              key={folder.key}
              label={`Vault for ${folder.key ? `“${folder.path.join(" / ")}”` : "items outside any folder"} (${plural(folder.items, "item")})`}
              value={target.folderNames[folder.key] ?? folder.defaultName}
              onChange={(event) => target.setFolderName(folder.key, event.target.value)}
              maxLength={200}
              autoComplete="off"
              error={
                (target.folderNames[folder.key] ?? folder.defaultName).trim() === ""
                  ? "Give this vault a name."
                  : null
              }
            />
          ))}
        </div>
      ) : (
        <div className="mt-5 grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Vault"
            value={target.vaultChoice}
            onChange={target.setVaultChoice}
            disabled={target.vaults === null}
            options={[
              { value: NEW_VAULT, label: "A new vault" },
              ...(target.vaults ?? []).map((vault) => ({
                value: vault.summary.id,
                label: `${vault.name} (${plural(vault.summary.itemCount, "item")})`,
              })),
            ]}
          />
          {target.vaultChoice === NEW_VAULT && (
            <Field
              label="New vault name"
              value={target.newName}
              placeholder={target.defaultNewName}
              onChange={(event) => target.setNewName(event.target.value)}
              maxLength={200}
              autoComplete="off"
              error={nameError}
              hint="Encrypted on this device, like every vault name."
            />
          )}
        </div>
      )}
    </Card>
  );
}
