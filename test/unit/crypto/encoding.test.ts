import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../lib/crypto/base64url";
import { compose } from "../../../lib/crypto/compose";
import { CryptoError } from "../../../lib/crypto/errors";
import { getSodium } from "../../../lib/crypto/sodium";

beforeAll(async () => {
  await getSodium();
});

describe("base64url", () => {
  it("round-trips bytes without padding, using - and _", () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xfe, 0x00, 0x01]);
    const text = toBase64Url(bytes);
    expect(text).toBe("-__-AAE");
    expect(fromBase64Url(text)).toEqual(bytes);
  });

  it("round-trips the empty array", () => {
    expect(fromBase64Url(toBase64Url(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it.each([
    ["padding", "AAE="],
    ["standard alphabet +", "+/8"],
    ["whitespace", "AA E"],
    ["impossible length", "AAAAA"],
    ["non-canonical trailing bits", "AAF"],
  ])("rejects %s with CryptoError", (_label, text) => {
    expect(() => fromBase64Url(text)).toThrow(CryptoError);
    expect(() => fromBase64Url(text)).toThrow("decryption failed: base64url");
  });
});

describe("compose", () => {
  it("joins strings, decimal integers and base64url bytes with |", () => {
    expect(compose("coffer", "item", "v1", "vlt_1", "itm_2", 3, 7)).toBe(
      "coffer|item|v1|vlt_1|itm_2|3|7",
    );
    expect(compose("a", new Uint8Array([0xfb, 0xff]), 0)).toBe("a|-_8|0");
  });

  it("keeps UTF-8 strings as they are", () => {
    expect(compose("zoë", "ﬁ")).toBe("zoë|ﬁ");
  });

  it("rejects a string field containing |, so fields cannot shift", () => {
    expect(() => compose("coffer", "a|b")).toThrow(/must not contain/);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])(
    "rejects the non-safe-integer %s",
    (value) => {
      expect(() => compose("x", value)).toThrow(/safe integers/);
    },
  );
});
