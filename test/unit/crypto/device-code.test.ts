import { describe, expect, it } from "vitest";
import { deviceCode, formatDeviceCode, normaliseDeviceCode } from "@/lib/crypto/device-code";
import { requireSodium } from "@/lib/crypto/sodium";

const publicKey = () => requireSodium().crypto_box_keypair().publicKey;

describe("the command-line sign-in code", () => {
  it("is ten Crockford base32 characters derived from the public key", () => {
    const key = publicKey();
    const code = deviceCode(key);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(deviceCode(key)).toBe(code);
  });

  it("differs for another key, so a substituted key shows another code", () => {
    expect(deviceCode(publicKey())).not.toBe(deviceCode(publicKey()));
  });

  it("is the first 50 bits of BLAKE2b-256 of the key", () => {
    const key = new Uint8Array(32);
    const digest = requireSodium().crypto_generichash(32, key, null);
    const bits = Array.from(digest.subarray(0, 7), (byte) => byte.toString(2).padStart(8, "0"))
      .join("")
      .slice(0, 50);
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const expected = bits
      .match(/.{5}/g)!
      .map((group) => alphabet[parseInt(group, 2)])
      .join("");
    expect(deviceCode(key)).toBe(expected);
  });

  it("reads what a person typed: case, dashes, spaces and look-alike letters", () => {
    const code = deviceCode(publicKey());
    expect(normaliseDeviceCode(formatDeviceCode(code).toLowerCase())).toBe(code);
    expect(normaliseDeviceCode(` ${code.slice(0, 5)} ${code.slice(5)} `)).toBe(code);
    expect(normaliseDeviceCode("0O1IL-00000")).toBe("0011100000");
  });

  it("refuses input that cannot be a code", () => {
    expect(normaliseDeviceCode("ABCDE")).toBeNull();
    expect(normaliseDeviceCode("ABCDE-FGHJU")).toBeNull();
    expect(normaliseDeviceCode("ABCDE-FGHJK-1")).toBeNull();
  });
});
