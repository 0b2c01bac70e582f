import { describe, expect, it } from "vitest";
import { draftProblems, draftSnapshot, toDraft } from "@/lib/client/items/draft";
import { newItem } from "@/lib/client/vaults/templates";

describe("draftProblems", () => {
  it("puts a bad port on the port field, with the sentence in the summary", () => {
    const draft = toDraft({ ...newItem("database"), title: "Orders" });
    const port = draft.fields.find((field) => field.kind === "port")!;
    port.value = "not-a-port";
    const problems = draftProblems(draft);
    expect(problems?.values.get(port.key)).toBe("A port is a whole number from 1 to 65535.");
    expect(problems?.summary).toBe("Port: A port is a whole number from 1 to 65535.");
    port.value = "5432";
    expect(draftProblems(draft)).toBeNull();
  });

  it("names the title and a duplicate field on their own inputs", () => {
    const draft = toDraft(newItem("login"));
    draft.fields[1]!.name = "Username";
    const problems = draftProblems(draft)!;
    expect(problems.title).toBe("Give the item a title.");
    expect(problems.names.get(draft.fields[1]!.key)).toBe(
      'Two fields are called "Username"; field names must be unique.',
    );
    expect(problems.names.has(draft.fields[0]!.key)).toBe(false);
  });
});

describe("draftSnapshot", () => {
  it("is unchanged by whitespace a save would trim, and changed by an edit", () => {
    const draft = toDraft({ ...newItem("login"), title: "Stripe" });
    const before = draftSnapshot(draft);
    expect(draftSnapshot({ ...draft, title: "Stripe " })).toBe(before);
    expect(draftSnapshot({ ...draft, notes: "x" })).not.toBe(before);
  });
});

describe("draftProblems on an item too large to store", () => {
  it("says so on the notes, in a sentence, before anything is encrypted", () => {
    const draft = toDraft({ ...newItem("note"), title: "Runbook", notes: "x".repeat(70_000) });
    const problems = draftProblems(draft);
    expect(problems?.size).toMatch(/^This item is too large to store: it holds about 69 KB/);
    expect(problems?.summary).toBe(problems?.size);
  });
});
