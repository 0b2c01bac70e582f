import type { ItemPlaintext } from "@/lib/crypto";

/**
 * What makes an incoming item "the same" as one already in the vault: its title, its username
 * and its first URL. Secrets are deliberately not compared: a re-import after a password change
 * is still the same login, and the person decides per item whether to keep the newer copy.
 */
export function duplicateKey(plaintext: ItemPlaintext): string {
  return JSON.stringify([
    normalizeText(plaintext.title),
    normalizeText(usernameOf(plaintext)),
    normalizeUrl(plaintext.urls[0] ?? ""),
  ]);
}

/**
 * The positions in `incoming` whose duplicate key matches an item in `existing`. Items with no
 * title, username and URL at all are never duplicates: two empty notes say nothing about each
 * other.
 */
export function findDuplicates(
  incoming: readonly ItemPlaintext[],
  existing: Iterable<ItemPlaintext>,
): number[] {
  const known = new Set<string>();
  for (const plaintext of existing) {
    if (hasIdentity(plaintext)) known.add(duplicateKey(plaintext));
  }
  const found: number[] = [];
  incoming.forEach((plaintext, index) => {
    if (hasIdentity(plaintext) && known.has(duplicateKey(plaintext))) found.push(index);
  });
  return found;
}

/** The login name a person would recognise: the first username field, else the first email. */
export function usernameOf(plaintext: ItemPlaintext): string {
  const field =
    plaintext.fields.find((entry) => entry.kind === "username" && entry.value.trim() !== "") ??
    plaintext.fields.find((entry) => entry.kind === "email" && entry.value.trim() !== "");
  return field?.value ?? "";
}

function hasIdentity(plaintext: ItemPlaintext): boolean {
  return (
    normalizeText(plaintext.title) !== "" ||
    normalizeText(usernameOf(plaintext)) !== "" ||
    normalizeUrl(plaintext.urls[0] ?? "") !== ""
  );
}

function normalizeText(value: string): string {
  return value.normalize("NFC").trim().toLowerCase();
}

/**
 * Exports differ in how they spell the same address ("HTTPS://Example.com/" vs
 * "https://example.com"), so scheme and host case and a lone trailing slash do not count.
 */
function normalizeUrl(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "") return "";
  try {
    const url = new URL(trimmed);
    const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
    return `${url.protocol}//${url.host}${path}${url.search}${url.hash}`;
  } catch {
    return trimmed.toLowerCase().replace(/\/$/, "");
  }
}
