// The client checks item pages by hand (checkItemPage) where the contract states them in zod
// (itemPageResponse): both must accept and refuse the same answers, or a server could send
// the browser a page the contract forbids.
import { describe, expect, it } from "vitest";
import { checkItemPage, ITEM_PAGE_MAX, itemPageResponse } from "@/lib/api/item-page";

const envelope = `v1.${"n".repeat(32)}.${"c".repeat(40)}`;
const item = (overrides: Record<string, unknown> = {}) => ({
  id: "item-1",
  keyVersion: 1,
  revision: 2,
  ciphertext: envelope,
  createdAt: "2026-12-02T10:00:00.000Z",
  updatedAt: "2026-12-02T10:00:00.000Z",
  ...overrides,
});
const page = (items: unknown, next: unknown = null) => ({ items, next });

const cases: Array<[string, unknown]> = [
  ["an empty last page", page([])],
  ["a page with a cursor", page([item()], "item-1")],
  ["an item with a key we do not know", page([item({ size: 12 })])],
  ["a full page", page(Array.from({ length: ITEM_PAGE_MAX }, (_, n) => item({ id: `i${n}` })))],
  ["one item too many", page(Array.from({ length: ITEM_PAGE_MAX + 1 }, () => item()))],
  ["no next", { items: [] }],
  ["a numeric next", page([], 3)],
  ["items that are not a list", page({ 0: item() })],
  ["null", null],
  ["a list", [item()]],
  ["an item that is null", page([null])],
  ["an item that is a list", page([[item()]])],
  ["a numeric id", page([item({ id: 7 })])],
  ["key version 0", page([item({ keyVersion: 0 })])],
  ["a fractional revision", page([item({ revision: 1.5 })])],
  ["a revision as text", page([item({ revision: "2" })])],
  ["no ciphertext", page([item({ ciphertext: undefined })])],
  ["a v2 envelope", page([item({ ciphertext: envelope.replace("v1.", "v2.") })])],
  ["a short nonce", page([item({ ciphertext: `v1.${"n".repeat(31)}.${"c".repeat(40)}` })])],
  ["standard base64", page([item({ ciphertext: `${envelope}+/` })])],
  ["a padded envelope", page([item({ ciphertext: `${envelope}=` })])],
  ["an envelope over 64 KiB", page([item({ ciphertext: `${envelope}${"c".repeat(65536)}` })])],
  ["no updatedAt", page([item({ updatedAt: undefined })])],
  ["a numeric createdAt", page([item({ createdAt: 0 })])],
];

describe("checkItemPage agrees with itemPageResponse", () => {
  it.each(cases)("%s", (_name, value) => {
    const zod = itemPageResponse.safeParse(value);
    const checked = checkItemPage(value);
    expect(checked !== null).toBe(zod.success);
    if (checked && zod.success) {
      expect(checked.next).toBe(zod.data.next);
      expect(checked.items.map((entry) => entry.id)).toEqual(
        zod.data.items.map((entry) => entry.id),
      );
    }
  });

  it("accepts the well-formed cases and refuses the rest", () => {
    const accepted = cases
      .filter(([, value]) => checkItemPage(value) !== null)
      .map(([name]) => name);
    expect(accepted).toEqual([
      "an empty last page",
      "a page with a cursor",
      "an item with a key we do not know",
      "a full page",
    ]);
  });
});
