import { describe, expect, it } from "vitest";
import {
  checkShareOptions,
  defaultExpiry,
  expiryChoices,
  type ShareOptionsDraft,
} from "@/lib/client/share-link-options";

const HOUR = 3600;
const DAY = 24 * HOUR;
const open = { linksAllowed: true, maxExpirySeconds: 30 * DAY, passphraseRequired: false };
const draft = (changes: Partial<ShareOptionsDraft> = {}): ShareOptionsDraft => ({
  expiresInSeconds: DAY,
  views: "1",
  passphrase: "",
  confirmation: "",
  note: "",
  ...changes,
});

describe("expiry choices", () => {
  it("offers 1 hour to 30 days with 24 hours as the default", () => {
    const choices = expiryChoices(open);
    expect(choices[0]).toEqual({ seconds: HOUR, label: "1 hour" });
    expect(choices.at(-1)).toEqual({ seconds: 30 * DAY, label: "30 days" });
    expect(defaultExpiry(open)).toBe(DAY);
  });

  it("stops at the policy's maximum and offers that maximum itself", () => {
    const policy = { ...open, maxExpirySeconds: 2 * DAY };
    expect(expiryChoices(policy).map((choice) => choice.seconds)).toEqual([
      HOUR,
      4 * HOUR,
      DAY,
      2 * DAY,
    ]);
    expect(expiryChoices(policy).at(-1)?.label).toBe("2 days (the longest allowed)");
    expect(defaultExpiry({ ...open, maxExpirySeconds: 4 * HOUR })).toBe(4 * HOUR);
  });
});

describe("checkShareOptions", () => {
  it("turns a valid draft into options, without an empty passphrase or note", () => {
    expect(checkShareOptions(draft({ views: " 3 ", note: "  " }), open)).toEqual({
      options: { expiresInSeconds: DAY, maxViews: 3, passphrase: null, note: null },
    });
    expect(
      checkShareOptions(draft({ passphrase: "tulip", confirmation: "tulip", note: " hi " }), open),
    ).toEqual({ options: { expiresInSeconds: DAY, maxViews: 1, passphrase: "tulip", note: "hi" } });
  });

  it.each(["0", "101", "1.5", "", "two", "-1"])("refuses %j views", (views) => {
    expect(checkShareOptions(draft({ views }), open)).toEqual({
      problems: { maxViews: "Enter a whole number of views from 1 to 100." },
    });
  });

  it("refuses an expiry beyond the policy's maximum", () => {
    const policy = { ...open, maxExpirySeconds: 4 * HOUR };
    expect(checkShareOptions(draft({ expiresInSeconds: DAY }), policy)).toHaveProperty(
      "problems.expiresInSeconds",
    );
  });

  it("requires the passphrase twice, the same", () => {
    expect(checkShareOptions(draft({ passphrase: "tulip", confirmation: "tulips" }), open)).toEqual(
      {
        problems: { confirmation: "The two passphrases differ." },
      },
    );
    expect(
      checkShareOptions(draft({ passphrase: "   ", confirmation: "   " }), open),
    ).toHaveProperty("problems.passphrase");
  });

  it("requires a passphrase when the organisation does", () => {
    expect(checkShareOptions(draft(), { ...open, passphraseRequired: true })).toEqual({
      problems: { passphrase: "Your organisation requires a passphrase on every link." },
    });
  });

  it("refuses a note over 1000 characters", () => {
    expect(checkShareOptions(draft({ note: "x".repeat(1001) }), open)).toHaveProperty(
      "problems.note",
    );
  });
});
