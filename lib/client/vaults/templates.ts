import type { ItemField, ItemPlaintext, ItemType } from "@/lib/crypto";
import type { VaultEnvironmentDto } from "@/lib/api/vault";

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  login: "Login",
  api_key: "API key",
  ssh_key: "SSH key",
  database: "Database",
  env_file: "Environment file",
  note: "Secure note",
};

export const ENVIRONMENT_LABELS: Record<VaultEnvironmentDto, string> = {
  development: "Development",
  staging: "Staging",
  production: "Production",
  other: "Other",
};

const field = (name: string, kind: ItemField["kind"], secret = false): ItemField => ({
  name,
  value: "",
  secret,
  kind,
});

/** Sensible starting fields per type; every field can be renamed, removed or re-marked. */
const TEMPLATE_FIELDS: Record<ItemType, ItemField[]> = {
  login: [
    field("Username", "username"),
    field("Password", "password", true),
    field("One-time code", "totp", true),
  ],
  api_key: [field("Key", "text"), field("Secret", "password", true)],
  ssh_key: [field("Public key", "public_key"), field("Private key", "private_key", true)],
  database: [
    field("Host", "host"),
    field("Port", "port"),
    field("Database", "text"),
    field("Username", "username"),
    field("Password", "password", true),
  ],
  env_file: [],
  note: [],
};

export function newItem(type: ItemType): ItemPlaintext {
  return {
    type,
    title: "",
    fields: TEMPLATE_FIELDS[type].map((template) => ({ ...template })),
    notes: "",
    urls: [],
    tags: [],
  };
}

/** Text a search may look at: never a secret value. */
export function searchableText(item: ItemPlaintext): string {
  return [
    item.title,
    ITEM_TYPE_LABELS[item.type],
    ...item.fields.flatMap((entry) => (entry.secret ? [entry.name] : [entry.name, entry.value])),
    ...item.urls,
    ...item.tags,
  ]
    .join("\n")
    .toLowerCase();
}

/** The non-secret line shown under a title in lists: a username, host or key id. */
export function itemSubtitle(item: ItemPlaintext): string {
  const preferred = item.fields.find(
    (entry) =>
      !entry.secret && entry.value && ["username", "email", "host", "text"].includes(entry.kind),
  );
  return preferred?.value ?? item.urls[0] ?? "";
}
