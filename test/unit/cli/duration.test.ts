import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration, parseDurationWithin } from "@/cli/duration";
import { CliError, EXIT } from "@/cli/errors";

const HOUR = 3600;
const DAY = 86_400;
const shareBounds = { minSeconds: HOUR, maxSeconds: 30 * DAY };

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    return (error as CliError).message;
  }
  throw new Error("expected a usage error");
}

describe("parseDuration", () => {
  it.each([
    ["90", 90],
    ["90s", 90],
    ["30m", 1800],
    ["1h", HOUR],
    ["7d", 7 * DAY],
    ["1.5h", 5400],
    [" 2h ", 2 * HOUR],
  ])("%s is %i seconds", (text, seconds) => {
    expect(parseDuration(text, "--expires")).toBe(seconds);
  });

  it.each(["", "h", "1w", "-1h", "1 h", "1h30m", "1e3", "0", "0h", "abc"])(
    "%j is bad usage naming the option",
    (text) => {
      expect(usageMessage(() => parseDuration(text, "--expires"))).toMatch(/^--expires must be/);
    },
  );
});

describe("parseDurationWithin", () => {
  it("accepts both bounds", () => {
    expect(parseDurationWithin("1h", "--expires", shareBounds)).toBe(HOUR);
    expect(parseDurationWithin("30d", "--expires", shareBounds)).toBe(30 * DAY);
    expect(parseDurationWithin("60m", "--expires", shareBounds)).toBe(HOUR);
  });

  it.each(["59m", "3599s", "31d", "721h"])("refuses %s with both bounds in the message", (text) => {
    expect(usageMessage(() => parseDurationWithin(text, "--expires", shareBounds))).toBe(
      "--expires must be between 1h and 30d.",
    );
  });

  it("rounds fractions to whole seconds before checking", () => {
    expect(parseDurationWithin("1.0001h", "--expires", shareBounds)).toBe(3600);
  });
});

describe("formatDuration", () => {
  it.each([
    [DAY * 30, "30d"],
    [HOUR, "1h"],
    [HOUR * 36, "36h"],
    [90, "90s"],
    [120, "2m"],
  ])("%i is %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
