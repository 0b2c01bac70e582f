// The hand-written item check on the decryption path accepts exactly what the zod schema does.
import { describe, expect, it } from "vitest";
import { ITEM_FIELD_KINDS, ITEM_TYPES, itemPlaintextSchema } from "@/lib/crypto";
import { isItemPlaintext } from "@/lib/crypto/item-shape";

const field = { name: "password", value: "hunter2", secret: true, kind: "password" };
const login = {
  type: "login",
  title: "Router",
  fields: [{ name: "username", value: "admin", secret: false, kind: "username" }, field],
  notes: "",
  urls: ["https://router.example"],
  tags: ["home"],
};

const cases: Array<[string, unknown]> = [
  ["a login", login],
  ["an item without fields, URLs or tags", { ...login, fields: [], urls: [], tags: [] }],
  ["a note", { ...login, type: "note" }],
  ["null", null],
  ["an array", [login]],
  ["a string", "login"],
  ["an unknown type", { ...login, type: "credit_card" }],
  ["a missing key", { type: "login", title: "x", fields: [], notes: "", urls: [] }],
  ["an unknown key", { ...login, extra: 1 }],
  ["an own __proto__ key", JSON.parse(`{"__proto__": {}, ${JSON.stringify(login).slice(1)}`)],
  ["a numeric title", { ...login, title: 1 }],
  ["notes that are null", { ...login, notes: null }],
  ["a URL that is not a string", { ...login, urls: [1] }],
  ["tags that are not an array", { ...login, tags: "home" }],
  ["fields that are not an array", { ...login, fields: field }],
  ["a field that is null", { ...login, fields: [null] }],
  ["a field with an unknown key", { ...login, fields: [{ ...field, hint: "" }] }],
  ["a field without its kind", { ...login, fields: [{ name: "a", value: "", secret: false }] }],
  ["a field of an unknown kind", { ...login, fields: [{ ...field, kind: "pin" }] }],
  ["a field with an empty name", { ...login, fields: [{ ...field, name: "" }] }],
  ["a non-boolean secret flag", { ...login, fields: [{ ...field, secret: "yes" }] }],
  ["a numeric value", { ...login, fields: [{ ...field, value: 7 }] }],
  ["duplicate field names", { ...login, fields: [field, { ...field, value: "other" }] }],
];

describe("the item shape on the decryption path", () => {
  const types = new Set<string>(ITEM_TYPES);
  const kinds = new Set<string>(ITEM_FIELD_KINDS);

  it.each(cases)("agrees with the schema on %s", (_label, value) => {
    const expected = itemPlaintextSchema.safeParse(value).success;
    expect(isItemPlaintext(value, types, kinds)).toBe(expected);
  });

  it("accepts every type and field kind the schema knows", () => {
    for (const type of ITEM_TYPES) {
      for (const kind of ITEM_FIELD_KINDS) {
        const item = { ...login, type, fields: [{ ...field, kind }] };
        expect(isItemPlaintext(item, types, kinds)).toBe(true);
      }
    }
  });

  it("refuses the malformed cases, so the agreement above is not trivially true", () => {
    const refused = cases.filter(([, value]) => !isItemPlaintext(value, types, kinds));
    expect(refused.length).toBe(cases.length - 3);
  });
});
