// The size check must agree with the real envelope: a draft it passes is one the server's
// schema accepts, and one it refuses would have been answered with a raw "Too big".
import { describe, expect, it } from "vitest";
import { encryptItem, type ItemPlaintext } from "@/lib/crypto";
import { envelope } from "@/lib/api/common";
import { envelopeLengthOf, itemSizeProblem } from "@/lib/client/items/item-size";
import { newItem } from "@/lib/client/vaults/templates";

const withNotes = (notes: string): ItemPlaintext => ({ ...newItem("note"), title: "Big", notes });
const context = { vaultId: "v".repeat(22), itemId: "i".repeat(22), keyVersion: 1, revision: 1 };

describe("itemSizeProblem", () => {
  it.each([
    ["ASCII", "a".repeat(1000)],
    ["multi-byte text", "é😀".repeat(500)],
  ])("predicts the envelope's length exactly (%s)", (_case, notes) => {
    const item = withNotes(notes);
    const sealed = encryptItem(new Uint8Array(32).fill(7), item, context);
    expect(envelopeLengthOf(item)).toBe(sealed.length);
  });

  it("passes the largest note that fits and refuses one character more, in a sentence", () => {
    const max = envelope.maxLength!;
    let fits = 0;
    let tooLong = max;
    while (tooLong - fits > 1) {
      const middle = Math.floor((fits + tooLong) / 2);
      if (envelopeLengthOf(withNotes("a".repeat(middle))) <= max) fits = middle;
      else tooLong = middle;
    }
    expect(itemSizeProblem(withNotes("a".repeat(fits)))).toBeNull();
    expect(itemSizeProblem(withNotes("a".repeat(tooLong)))).toMatch(
      /^This item is too large to store: it holds about 48 KB and an item holds at most 47 KB\./,
    );
  });
});
