import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setupRequest } from "../../../lib/api/account";
import { email } from "../../../lib/api/common";
import {
  fieldErrorsOf,
  fieldLabel,
  fieldProblem,
  issueSentence,
  maxLengthOf,
} from "../../../lib/api/issue-sentence";

function firstSentence(schema: z.ZodType, input: unknown): string {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error("expected the input to be refused");
  return issueSentence(parsed.error.issues[0]!);
}

describe("schema issues as sentences", () => {
  it("names an over-long organisation name in words, with its limit, and no zod jargon", () => {
    const sentence = firstSentence(setupRequest.pick({ organizationName: true }), {
      organizationName: "x".repeat(5000),
    });
    expect(sentence).toBe("Organisation name is too long: at most 100 characters.");
    // The same words when a form checks its one input before the key derivation.
    const { organizationName } = setupRequest.shape;
    expect(fieldProblem(organizationName, "organizationName", "x".repeat(5000))).toBe(sentence);
    expect(fieldProblem(organizationName, "organizationName", "Acme")).toBeUndefined();
  });

  it("says which nested field is missing or empty", () => {
    const schema = z.object({ account: z.object({ name: z.string().trim().min(1) }) });
    expect(firstSentence(schema, { account: {} })).toBe("Name is missing.");
    expect(firstSentence(schema, { account: { name: "  " } })).toBe("Name is required.");
    expect(firstSentence(schema, { account: { name: 7 } })).toBe("Name must be a string.");
  });

  it("keeps our own predicates and rewrites zod's defaults", () => {
    const schema = z.object({
      ciphertext: z.string().max(65536),
      inviteToken: z.string().regex(/^a+$/, "must be base64url"),
      expectedKeyVersion: z.number().int().max(9),
      kind: z.enum(["login", "note"]),
    });
    expect(
      firstSentence(schema.pick({ ciphertext: true }), { ciphertext: "v".repeat(70000) }),
    ).toBe("The encrypted item is too long: at most 65,536 characters.");
    expect(firstSentence(schema.pick({ inviteToken: true }), { inviteToken: "b" })).toBe(
      "The invite link must be base64url.",
    );
    expect(
      firstSentence(schema.pick({ expectedKeyVersion: true }), { expectedKeyVersion: 10 }),
    ).toBe("Expected key version must be at most 9.");
    expect(firstSentence(schema.pick({ kind: true }), { kind: "x" })).toBe(
      "Kind must be one of login, note.",
    );
  });

  it("turns a unit-less path into no label and a whole-request sentence", () => {
    expect(fieldLabel([])).toBeUndefined();
    expect(fieldLabel(["fields", 3, "value"])).toBe("Value");
    expect(firstSentence(z.object({}).strict(), { extra: 1 })).toBe(
      "The request has a field Coffer does not know: extra.",
    );
  });

  it("keys form errors by path, first problem only", () => {
    const parsed = setupRequest.pick({ organizationName: true }).safeParse({
      organizationName: "",
    });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      organizationName: "Organisation name is required.",
    });
  });
});

describe("input limits from the schema", () => {
  it("reads the longest value the server takes, through a pipe", () => {
    expect(maxLengthOf(setupRequest.shape.organizationName)).toBe(100);
    expect(maxLengthOf(email)).toBe(254);
    expect(maxLengthOf(z.number())).toBeUndefined();
  });
});
