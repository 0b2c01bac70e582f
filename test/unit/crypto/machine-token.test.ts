import { describe, expect, it } from "vitest";
import {
  MACHINE_TOKEN_PATTERN,
  authSecretHash,
  bearerCredential,
  formatMachineToken,
  machineTokenId,
  newMachineToken,
  parseBearerCredential,
  parseMachineToken,
  unwrapSaKeyForToken,
  wrapSaKeyForToken,
  type MachineTokenKind,
} from "@/lib/crypto/machine-token";
import { decodeBase62, encodeBase62 } from "@/lib/crypto/base62";
import { crc32 } from "@/lib/crypto/crc32";
import { CryptoError } from "@/lib/crypto/errors";
import { requireSodium } from "@/lib/crypto/sodium";

const kinds: MachineTokenKind[] = ["sa", "bt", "mt"];

describe("base62 and CRC-32", () => {
  it("round-trips bytes at a fixed width, leading zeros included", () => {
    const bytes = new Uint8Array([0, 0, 1, 255, 128]);
    const text = encodeBase62(bytes);
    expect(text).toHaveLength(7);
    expect(decodeBase62(text, bytes.length)).toEqual(bytes);
  });

  it("refuses a foreign character or a value too large for the byte length", () => {
    expect(decodeBase62("abc-", 4)).toBeNull();
    expect(decodeBase62("zzzzzz", 2)).toBeNull();
  });

  it("matches the standard CRC-32 check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});

describe.each(kinds)("a %s token", (kind) => {
  it("formats with the fixed prefix and parses back to the same parts", () => {
    const token = newMachineToken(kind);
    const text = formatMachineToken(token);
    expect(text.startsWith(`coffer_${kind}_`)).toBe(true);
    expect(text).toMatch(MACHINE_TOKEN_PATTERN);
    expect(parseMachineToken(text)).toEqual(token);
  });

  it("is refused when any character changes (the checksum catches it)", () => {
    const text = formatMachineToken(newMachineToken(kind));
    const position = 20;
    const swapped = text[position] === "A" ? "B" : "A";
    const tampered = text.slice(0, position) + swapped + text.slice(position + 1);
    expect(() => parseMachineToken(tampered)).toThrow(CryptoError);
  });

  it("is refused truncated, with another kind, or with a foreign prefix", () => {
    const text = formatMachineToken(newMachineToken(kind));
    expect(() => parseMachineToken(text.slice(0, -1))).toThrow(CryptoError);
    expect(() => parseMachineToken(text.replace(`_${kind}_`, "_xx_"))).toThrow(CryptoError);
    expect(() => parseMachineToken(text.replace("coffer_", "cofer__"))).toThrow(CryptoError);
  });

  it("sends a bearer credential without the token key", () => {
    const token = newMachineToken(kind);
    const bearer = bearerCredential(token);
    const parsed = parseBearerCredential(bearer);
    expect(parsed).toEqual({
      kind,
      tokenId: machineTokenId(token),
      authSecret: token.authSecret,
    });
    const sodium = requireSodium();
    const tokenKeyText = sodium.to_base64(token.tokenKey);
    expect(bearer).not.toContain(tokenKeyText);
    // The full token is not a bearer credential: a client that sends it is refused.
    expect(parseBearerCredential(formatMachineToken(token))).toBeNull();
  });
});

describe("the saKey wrapped under a token", () => {
  const saKey = () => requireSodium().randombytes_buf(32);

  it("unwraps with the same token", () => {
    const token = newMachineToken("sa");
    const key = saKey();
    expect(unwrapSaKeyForToken(token, wrapSaKeyForToken(token, key))).toEqual(key);
  });

  it("does not unwrap with another token's key, nor moved to another token id", () => {
    const token = newMachineToken("sa");
    const wrapped = wrapSaKeyForToken(token, saKey());
    const other = newMachineToken("sa");
    expect(() => unwrapSaKeyForToken(other, wrapped)).toThrow(CryptoError);
    // Same tokenKey, another id: the AD binds the wrap to its token.
    expect(() => unwrapSaKeyForToken({ ...token, tokenId: other.tokenId }, wrapped)).toThrow(
      CryptoError,
    );
  });

  it("hashes the auth secret the same way every time, and differently per secret", () => {
    const token = newMachineToken("sa");
    expect(authSecretHash(token.authSecret)).toBe(authSecretHash(token.authSecret));
    expect(authSecretHash(token.authSecret)).not.toBe(
      authSecretHash(newMachineToken("sa").authSecret),
    );
  });
});
