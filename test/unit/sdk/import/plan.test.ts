import { describe, expect, it } from "vitest";
import type { ItemPlaintext } from "@/lib/crypto";
import { folderKey, planImport, plannedItemCount } from "@/lib/sdk/import/plan";
import type { ImportedItem, ImportResult } from "@/lib/sdk/import/types";

function item(title: string, folder: string[], extra: Partial<ImportedItem> = {}): ImportedItem {
  const plaintext: ItemPlaintext = {
    type: "login",
    title,
    fields: [],
    notes: "",
    urls: [],
    tags: ["kept"],
  };
  return { plaintext, folder, state: "active", sourceType: "login", ...extra };
}

const result: ImportResult = {
  format: "bitwarden-json",
  items: [
    item("Root login", []),
    item("Server", ["Work", "Servers"]),
    item("Mail", ["Work"]),
    item("Old", ["Work"], { state: "archived" }),
    item("Binned", [], { state: "trashed" }),
    item("Bank", ["Personal"]),
  ],
  folders: [["Work"], ["Work", "Servers"], ["Personal"], ["Empty"]],
  warnings: [],
};

const titles = (items: ImportedItem[]) => items.map((entry) => entry.plaintext.title);

describe("planImport", () => {
  it("one-vault puts every item, in file order, into the chosen existing or new vault", () => {
    const existing = planImport(result, { mode: "one-vault", vaultId: "vault-1" });
    expect(existing).toHaveLength(1);
    expect(existing[0]!.target).toEqual({ kind: "existing", vaultId: "vault-1" });
    expect(titles(existing[0]!.items)).toEqual(titles(result.items));
    const fresh = planImport(result, { mode: "one-vault", vaultName: "  From Bitwarden " });
    expect(fresh[0]!.target).toEqual({ kind: "new", name: "From Bitwarden" });
    expect(planImport(result, { mode: "one-vault", vaultName: " " })[0]!.target).toEqual({
      kind: "new",
      name: "Imported",
    });
    expect(plannedItemCount(fresh)).toBe(6);
  });

  it("per-folder makes one new vault per folder path that holds items, root items in their own", () => {
    const plan = planImport(result, { mode: "per-folder", rootName: "bitwarden_export" });
    expect(plan.map((entry) => [entry.target, titles(entry.items)])).toEqual([
      [{ kind: "new", name: "bitwarden_export" }, ["Root login", "Binned"]],
      [{ kind: "new", name: "Work / Servers" }, ["Server"]],
      [{ kind: "new", name: "Work" }, ["Mail", "Old"]],
      [{ kind: "new", name: "Personal" }, ["Bank"]],
    ]);
  });

  it("per-folder takes the person's names, and two folders given one name share a vault", () => {
    const plan = planImport(result, {
      mode: "per-folder",
      names: { [folderKey(["Work", "Servers"])]: "Work", "": "Loose ends", Personal: " " },
    });
    expect(plan.map((entry) => [entry.target, titles(entry.items)])).toEqual([
      [{ kind: "new", name: "Loose ends" }, ["Root login", "Binned"]],
      [{ kind: "new", name: "Work" }, ["Server", "Mail", "Old"]],
      [{ kind: "new", name: "Personal" }, ["Bank"]],
    ]);
  });

  it("folders-as-tags adds the folder path as a tag once, keeping the item's own tags", () => {
    const tagged = item("Tagged", ["Work", "Servers"]);
    tagged.plaintext.tags = ["Work/Servers"];
    const plan = planImport(
      { ...result, items: [...result.items, tagged] },
      { mode: "folders-as-tags", vaultName: "All" },
    );
    const tags = Object.fromEntries(
      plan[0]!.items.map((entry) => [entry.plaintext.title, entry.plaintext.tags]),
    );
    expect(tags).toMatchObject({
      "Root login": ["kept"],
      Server: ["kept", "Work/Servers"],
      Mail: ["kept", "Work"],
      Tagged: ["Work/Servers"],
    });
  });

  it("tags archived and trashed records with their state, and does not change the input", () => {
    const plan = planImport(result, { mode: "one-vault", vaultName: "All" });
    const byTitle = new Map(plan[0]!.items.map((entry) => [entry.plaintext.title, entry]));
    expect(byTitle.get("Old")?.plaintext.tags).toEqual(["kept", "archived"]);
    expect(byTitle.get("Binned")?.plaintext.tags).toEqual(["kept", "trashed"]);
    expect(byTitle.get("Bank")?.plaintext.tags).toEqual(["kept"]);
    expect(result.items[3]!.plaintext.tags).toEqual(["kept"]);
  });

  it("plans nothing for a file without items", () => {
    const empty = { ...result, items: [] };
    expect(planImport(empty, { mode: "one-vault", vaultName: "x" })).toEqual([]);
    expect(planImport(empty, { mode: "per-folder" })).toEqual([]);
    expect(planImport(empty, { mode: "folders-as-tags", vaultId: "v" })).toEqual([]);
  });
});
