import type { ItemField, ItemPlaintext } from "@/lib/crypto";
import { totpSeedProblem } from "@/lib/client/vaults/totp";
import { itemSizeProblem } from "./item-size";
import { portProblem } from "./port";

/** A field being edited: `key` keeps React's identity across renames, `custom` a free name. */
export type DraftField = ItemField & { key: number; custom: boolean };
export type Draft = Omit<ItemPlaintext, "fields"> & { fields: DraftField[] };

let nextKey = 1;
export const newFieldKey = () => nextKey++;

export function toDraft(item: ItemPlaintext): Draft {
  return {
    ...item,
    fields: item.fields.map((field) => ({ ...field, key: newFieldKey(), custom: false })),
  };
}

export function fromDraft(draft: Draft): ItemPlaintext {
  return {
    type: draft.type,
    title: draft.title.trim(),
    fields: draft.fields.map(({ name, value, secret, kind }) => ({
      name: name.trim(),
      value,
      secret,
      kind,
    })),
    notes: draft.notes,
    urls: draft.urls.map((url) => url.trim()).filter(Boolean),
    tags: draft.tags,
  };
}

/** The item a draft would save, as a string two drafts can be compared by. */
export function draftSnapshot(draft: Draft): string {
  return JSON.stringify(fromDraft(draft));
}

/** What is wrong with one field's value, shown under it; null when it can be saved. */
export function fieldValueProblem(field: ItemField): string | null {
  if (field.kind === "totp") return totpSeedProblem(field.value);
  if (field.kind === "port") return portProblem(field.value);
  return null;
}

export type DraftProblems = {
  /** The first problem, as one sentence for the alert above Save. */
  summary: string;
  title?: string;
  /** The item as a whole is too large; shown on the notes, where the bulk usually is. */
  size?: string;
  /** By field key: a problem with the field's name. */
  names: Map<number, string>;
  /** By field key: a problem with the field's value. */
  values: Map<number, string>;
};

/** Problems that would stop the item being saved, each placed on its input; null if none. */
export function draftProblems(draft: Draft): DraftProblems | null {
  const names = new Map<number, string>();
  const values = new Map<number, string>();
  const summaries: string[] = [];
  const title = draft.title.trim() ? undefined : "Give the item a title.";
  if (title) summaries.push(title);
  const trimmed = draft.fields.map((field) => field.name.trim());
  draft.fields.forEach((field, index) => {
    const name = trimmed[index] ?? "";
    if (!name) {
      names.set(field.key, "Every field needs a name.");
      summaries.push("Every field needs a name.");
    } else if (trimmed.indexOf(name) !== index) {
      const message = `Two fields are called "${name}"; field names must be unique.`;
      names.set(field.key, message);
      summaries.push(message);
    }
    const problem = fieldValueProblem(field);
    if (problem) {
      values.set(field.key, problem);
      summaries.push(`${name}: ${problem}`);
    }
  });
  // Only a draft that is otherwise valid is measured: the sum is what would be encrypted.
  const size =
    summaries.length === 0 ? (itemSizeProblem(fromDraft(draft)) ?? undefined) : undefined;
  if (size) summaries.push(size);
  const summary = summaries[0];
  return summary ? { summary, title, size, names, values } : null;
}
