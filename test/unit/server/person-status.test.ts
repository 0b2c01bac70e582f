// The people page's status for someone with an account: the most telling of their checklists
// and their account state wins.
import { describe, expect, it, vi } from "vitest";

// The module is server-only; here it is a pure function under test.
vi.mock("server-only", () => ({}));
const { personStatusOf } = await import("@/lib/server/checklists/person-status");

type Run = { kind: "onboarding" | "offboarding"; status: "open" | "done" | "cancelled" };
const active = { status: "active" as const };
const suspended = { status: "suspended" as const };
const onboarding = (status: Run["status"]): Run => ({ kind: "onboarding", status });
const offboarding = (status: Run["status"]): Run => ({ kind: "offboarding", status });

describe("personStatusOf", () => {
  it.each<[string, { status: "active" | "suspended" }, Run[], string]>([
    ["no checklist at all", active, [], "active"],
    ["a finished onboarding", active, [onboarding("done")], "active"],
    ["an onboarding under way", active, [onboarding("open")], "onboarding"],
    ["a suspension, over an onboarding", suspended, [onboarding("open")], "suspended"],
    // Offboarding suspends at once: it is what the page should say, not "suspended".
    [
      "an offboarding under way",
      suspended,
      [onboarding("done"), offboarding("open")],
      "offboarding",
    ],
    ["a finished offboarding", suspended, [offboarding("done")], "offboarded"],
    [
      "an offboarding under way after an earlier one",
      suspended,
      [offboarding("done"), offboarding("open")],
      "offboarding",
    ],
    [
      "a cancelled offboarding after a finished one",
      active,
      [offboarding("done"), offboarding("cancelled")],
      "active",
    ],
    [
      "a cancelled offboarding, still suspended",
      suspended,
      [offboarding("cancelled")],
      "suspended",
    ],
  ])("%s", (_case, user, runs, expected) => {
    expect(personStatusOf(user, runs)).toBe(expected);
  });
});
