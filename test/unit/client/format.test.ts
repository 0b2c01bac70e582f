import { describe, expect, it } from "vitest";
import { countOf, durationText, relativeTime } from "../../../lib/client/format";

const now = Date.parse("2026-12-02T12:00:00Z");
const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
const day = 24 * 3600;

describe("relative time", () => {
  it("says the same of two invites made a minute apart, seven days out", () => {
    expect(relativeTime(at(7 * day), now)).toBe("in 7 days");
    expect(relativeTime(at(7 * day - 60), now)).toBe("in 7 days");
    expect(relativeTime(at(7 * day + 60), now)).toBe("in 7 days");
  });

  it.each([
    [10, "just now"],
    [-120, "2 minutes ago"],
    [60, "in 1 minute"],
    [3 * 3600, "in 3 hours"],
    [-day, "yesterday"],
    [13 * day, "in 13 days"],
    [14 * day, "in 2 weeks"],
    [-60 * day, "2 months ago"],
    [400 * day, "next year"],
  ])("%i seconds away reads %s", (seconds, text) => {
    expect(relativeTime(at(seconds), now)).toBe(text);
  });
});

describe("counts and spans", () => {
  it("agrees the noun with the count", () => {
    expect(countOf(1, "minute")).toBe("1 minute");
    expect(countOf(0, "item")).toBe("0 items");
    expect(countOf(2, "person", "people")).toBe("2 people");
    expect(countOf(5000, "item")).toBe("5,000 items");
  });

  it.each([
    [30, "30 seconds"],
    [60, "1 minute"],
    [90, "90 seconds"],
    [300, "5 minutes"],
    [3600, "1 hour"],
    [7 * day, "7 days"],
  ])("%i seconds is %s", (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});
