import { beforeAll, describe, expect, it } from "vitest";
import { newSecretKey } from "../../../lib/crypto/account-keys";
import { CryptoError } from "../../../lib/crypto/errors";
import {
  formatSecretKey,
  parseSecretKey,
  SecretKeyFormatError,
} from "../../../lib/crypto/secret-key";
import { getSodium } from "../../../lib/crypto/sodium";

const FORMAT = /^C1-[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}-[0-9A-HJKMNP-TV-Z]{2}$/;

beforeAll(async () => {
  await getSodium();
});

describe("formatSecretKey / parseSecretKey", () => {
  it("round-trips random Secret Keys in the C1-XXXXX-… shape", () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const secretKey = newSecretKey();
      const text = formatSecretKey(secretKey);
      expect(text).toMatch(FORMAT);
      expect(parseSecretKey(text)).toEqual(secretKey);
    }
  });

  it("round-trips the all-zero and all-ones edge cases", () => {
    for (const fill of [0x00, 0xff]) {
      const secretKey = new Uint8Array(16).fill(fill);
      expect(parseSecretKey(formatSecretKey(secretKey))).toEqual(secretKey);
    }
  });

  it("refuses to format anything but 16 bytes", () => {
    expect(() => formatSecretKey(new Uint8Array(15))).toThrow(/16 bytes/);
  });

  describe("tolerant parsing", () => {
    const secretKey = new Uint8Array(16).map((_, index) => index * 17);
    const text = formatSecretKey(secretKey);

    it.each([
      ["lower case", text.toLowerCase()],
      ["spaces instead of dashes", text.replace(/-/g, " ")],
      ["no dashes at all", text.replace(/-/g, "")],
      ["surrounding whitespace and newlines", `  ${text}\n`],
      ["without the C1- prefix", text.slice(3)],
      ["O typed for 0, I and L typed for 1", text.replace(/0/g, "O").replace(/1/g, "l")],
    ])("accepts %s", (_label, typed) => {
      expect(parseSecretKey(typed)).toEqual(secretKey);
    });
  });

  describe("rejections", () => {
    const text = formatSecretKey(new Uint8Array(16).fill(42));

    it("checksum failure: one character mistyped", () => {
      const body = text.replace(/-/g, "").slice(2);
      const position = 7;
      const original = body.charAt(position);
      const replacement = original === "A" ? "B" : "A";
      const typo = body.slice(0, position) + replacement + body.slice(position + 1);
      expect(() => parseSecretKey(typo)).toThrow(SecretKeyFormatError);
      expect(() => parseSecretKey(typo)).toThrow("invalid secret key: checksum does not match");
    });

    it("checksum failure: wrong checksum character", () => {
      const last = text.charAt(text.length - 1);
      const wrong = text.slice(0, -1) + (last === "0" ? "1" : "0");
      expect(() => parseSecretKey(wrong)).toThrow(/checksum/);
    });

    it.each([
      ["too short", text.slice(0, -2)],
      ["too long", `${text}0`],
      ["empty", ""],
    ])("bad length: %s", (_label, typed) => {
      expect(() => parseSecretKey(typed)).toThrow(/expected 27 characters/);
    });

    it("a character outside the alphabet (U)", () => {
      expect(() => parseSecretKey(text.replace(/-[0-9A-Z]/, "-U"))).toThrow(/character/);
    });

    it("is a CryptoError, so callers handle it like any other key failure", () => {
      expect(() => parseSecretKey("C1-nope")).toThrow(CryptoError);
    });
  });
});
