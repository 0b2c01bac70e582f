// Client addresses (DESIGN, Sessions): one spelling per address, so a rate-limit bucket cannot
// be dodged by writing it differently, and X-Forwarded-For believed only as far as trusted
// proxies vouch for it.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { addressMatcher, normaliseAddress, parseAddressRanges, resolveClientAddress } =
  await import("@/lib/server/ip-address");

describe("normaliseAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:CB00:7107", "203.0.113.7"],
    ["[::ffff:203.0.113.7]:443", "203.0.113.7"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8::0:1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:8080", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("writes %j as %j", (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each([
    ["a leading zero (octal to some parsers)", "203.0.113.07"],
    ["hex", "0xcb.0.113.7"],
    ["too few parts", "203.0.113"],
    ["an octet over 255", "203.0.113.256"],
    ["a host name", "proxy.internal"],
    ["nothing", ""],
    ["unknown", "unknown"],
    ["an unclosed bracket", "[2001:db8::1"],
    ["junk after a bracket", "[2001:db8::1]x"],
  ])("refuses %s", (_case, raw) => {
    expect(normaliseAddress(raw)).toBeNull();
  });
});

describe("parseAddressRanges", () => {
  it("reads addresses and ranges of both families", () => {
    expect(parseAddressRanges("10.0.0.0/8, 192.168.1.5 ,fd00::/8,::1")).toEqual({
      ranges: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "192.168.1.5", prefix: 32, family: "ipv4" },
        { address: "fd00::", prefix: 8, family: "ipv6" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ],
    });
  });

  it("reads nothing as no proxies", () => {
    expect(parseAddressRanges("")).toEqual({ ranges: [] });
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/8/8", "10.0.0.0/x", "proxy", "10.0.0.07", "*"])(
    "refuses %j, naming it",
    (entry) => {
      expect(parseAddressRanges(`127.0.0.1, ${entry}`)).toEqual({ invalid: entry });
    },
  );
});

describe("resolveClientAddress", () => {
  const trusted = addressMatcher([
    { address: "10.0.0.0", prefix: 8, family: "ipv4" },
    { address: "fd00::", prefix: 8, family: "ipv6" },
  ]);
  const none = addressMatcher([]);

  it("takes the socket's peer and ignores X-Forwarded-For without trusted proxies", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.1", none)).toBe("198.51.100.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.1", trusted)).toBe("198.51.100.9");
  });

  it("takes the entry a trusted proxy appended, not what the client wrote before it", () => {
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 2.2.2.2, 203.0.113.5", trusted)).toBe(
      "203.0.113.5",
    );
  });

  it("skips a chain of trusted proxies from the right", () => {
    expect(
      resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.5, fd00::7, 10.1.1.1", trusted),
    ).toBe("203.0.113.5");
  });

  it("normalises what it reads, peer and entries alike", () => {
    expect(resolveClientAddress("::ffff:10.0.0.2", "::ffff:203.0.113.7", trusted)).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress("::ffff:198.51.100.9", null, none)).toBe("198.51.100.9");
  });

  it("stops at a garbled entry with the last address it can vouch for", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.5, 203.0.113.07", trusted)).toBe("10.0.0.2");
  });

  it("answers the leftmost proxy when every entry is a trusted proxy", () => {
    expect(resolveClientAddress("10.0.0.2", "10.9.9.9", trusted)).toBe("10.9.9.9");
  });

  it("answers unknown without a peer", () => {
    expect(resolveClientAddress(undefined, "203.0.113.5", trusted)).toBe("unknown");
  });
});
