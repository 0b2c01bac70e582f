import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../lib/crypto/base64url";
import { compose } from "../../../lib/crypto/compose";
import {
  isEnvelope,
  openEnvelope,
  sealEnvelope,
  sealEnvelopeWithNonce,
} from "../../../lib/crypto/envelope";
import { CryptoError } from "../../../lib/crypto/errors";
import { getSodium } from "../../../lib/crypto/sodium";

let key: Uint8Array;
let otherKey: Uint8Array;
const plaintext = new TextEncoder().encode('{"title":"prod db","fields":[]}');
const ad = "coffer|item|v1|vlt_1|itm_1|1|3";

beforeAll(async () => {
  const sodium = await getSodium();
  key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  otherKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
});

function flipByte(part: string, index: number): string {
  const bytes = fromBase64Url(part);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return toBase64Url(bytes);
}

function parts(envelope: string): [string, string, string] {
  const [version = "", nonce = "", ciphertext = ""] = envelope.split(".");
  return [version, nonce, ciphertext];
}

describe("envelope round trip", () => {
  it("opens what it sealed, with the same key and AD", () => {
    const envelope = sealEnvelope(key, plaintext, ad);
    expect(openEnvelope(key, envelope, ad, "item")).toEqual(plaintext);
  });

  it("has the v1 shape and a fresh nonce each time", () => {
    const first = sealEnvelope(key, plaintext, ad);
    const second = sealEnvelope(key, plaintext, ad);
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]+$/);
    expect(parts(first)[1]).not.toBe(parts(second)[1]);
    expect(isEnvelope(first)).toBe(true);
  });

  it("seals an empty plaintext", () => {
    const envelope = sealEnvelope(key, new Uint8Array(0), ad);
    expect(openEnvelope(key, envelope, ad, "item")).toEqual(new Uint8Array(0));
  });

  it("is deterministic with a fixed nonce (test vectors only)", () => {
    const nonce = new Uint8Array(24).fill(7);
    expect(sealEnvelopeWithNonce(key, plaintext, ad, nonce)).toBe(
      sealEnvelopeWithNonce(key, plaintext, ad, nonce),
    );
  });

  it("refuses to seal with a key or nonce of the wrong length", () => {
    expect(() => sealEnvelope(key.subarray(0, 16), plaintext, ad)).toThrow(/key must be 32/);
    expect(() => sealEnvelopeWithNonce(key, plaintext, ad, new Uint8Array(12))).toThrow(
      /nonce must be 24/,
    );
  });
});

describe("envelope tamper: each must fail with CryptoError", () => {
  const cases: Array<
    [string, (envelope: string) => { key: Uint8Array; envelope: string; ad: string }]
  > = [
    ["wrong key", (envelope) => ({ key: otherKey, envelope, ad })],
    ["wrong AD", (envelope) => ({ key, envelope, ad: `${ad}x` })],
    [
      "flipped byte in the nonce",
      (envelope) => {
        const [version, nonce, ciphertext] = parts(envelope);
        return { key, envelope: `${version}.${flipByte(nonce, 5)}.${ciphertext}`, ad };
      },
    ],
    [
      "flipped byte in the ciphertext body",
      (envelope) => {
        const [version, nonce, ciphertext] = parts(envelope);
        return { key, envelope: `${version}.${nonce}.${flipByte(ciphertext, 0)}`, ad };
      },
    ],
    [
      "flipped byte in the tag",
      (envelope) => {
        const [version, nonce, ciphertext] = parts(envelope);
        const last = fromBase64Url(ciphertext).length - 1;
        return { key, envelope: `${version}.${nonce}.${flipByte(ciphertext, last)}`, ad };
      },
    ],
    [
      "truncated nonce (23 bytes)",
      (envelope) => {
        const [version, nonce, ciphertext] = parts(envelope);
        const short = toBase64Url(fromBase64Url(nonce).subarray(0, 23));
        return { key, envelope: `${version}.${short}.${ciphertext}`, ad };
      },
    ],
    [
      "truncated ciphertext (tag cut off)",
      (envelope) => {
        const [version, nonce, ciphertext] = parts(envelope);
        const short = toBase64Url(fromBase64Url(ciphertext).subarray(0, 10));
        return { key, envelope: `${version}.${nonce}.${short}`, ad };
      },
    ],
    [
      "unknown version prefix v2.",
      (envelope) => ({ key, envelope: `v2.${envelope.slice(3)}`, ad }),
    ],
    ["missing version prefix", (envelope) => ({ key, envelope: envelope.slice(3), ad })],
    ["extra part", (envelope) => ({ key, envelope: `${envelope}.AAAA`, ad })],
    ["padding added", (envelope) => ({ key, envelope: `${envelope}=`, ad })],
    ["not base64url", (envelope) => ({ key, envelope: envelope.replace(/.$/, "+"), ad })],
    ["empty string", () => ({ key, envelope: "", ad })],
    ["key of the wrong length", (envelope) => ({ key: key.subarray(0, 31), envelope, ad })],
  ];

  it.each(cases)("%s", (_label, tamper) => {
    const sealed = sealEnvelope(key, plaintext, ad);
    const attempt = tamper(sealed);
    expect(() => openEnvelope(attempt.key, attempt.envelope, attempt.ad, "item")).toThrow(
      CryptoError,
    );
    expect(() => openEnvelope(attempt.key, attempt.envelope, attempt.ad, "item")).toThrow(
      "decryption failed: item",
    );
  });

  it("swapped items: ciphertexts exchanged between two items fail under each other's AD", () => {
    const adA = compose("coffer", "item", "v1", "vlt_1", "itm_A", 1, 1);
    const adB = compose("coffer", "item", "v1", "vlt_1", "itm_B", 1, 1);
    const sealedA = sealEnvelope(key, new TextEncoder().encode("secret A"), adA);
    const sealedB = sealEnvelope(key, new TextEncoder().encode("secret B"), adB);
    expect(() => openEnvelope(key, sealedB, adA, "item")).toThrow(CryptoError);
    expect(() => openEnvelope(key, sealedA, adB, "item")).toThrow(CryptoError);
  });

  it("older revision: an item sealed as revision 3 does not open as revision 4", () => {
    const revision3 = compose("coffer", "item", "v1", "vlt_1", "itm_1", 1, 3);
    const revision4 = compose("coffer", "item", "v1", "vlt_1", "itm_1", 1, 4);
    const sealed = sealEnvelope(key, plaintext, revision3);
    expect(openEnvelope(key, sealed, revision3, "item")).toEqual(plaintext);
    expect(() => openEnvelope(key, sealed, revision4, "item")).toThrow(CryptoError);
  });

  it("other key version: an item sealed under key version 1 does not open as version 2", () => {
    const version1 = compose("coffer", "item", "v1", "vlt_1", "itm_1", 1, 3);
    const version2 = compose("coffer", "item", "v1", "vlt_1", "itm_1", 2, 3);
    const sealed = sealEnvelope(key, plaintext, version1);
    expect(() => openEnvelope(key, sealed, version2, "item")).toThrow(CryptoError);
  });

  it("the error carries the context label and nothing of the data", () => {
    const sealed = sealEnvelope(key, plaintext, ad);
    try {
      openEnvelope(otherKey, sealed, ad, "item");
      expect.unreachable("openEnvelope should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(CryptoError);
      const message = (error as CryptoError).message;
      expect(message).toBe("decryption failed: item");
      expect(message).not.toContain(ad);
      expect((error as CryptoError).context).toBe("item");
    }
  });
});

describe("isEnvelope", () => {
  it.each([
    ["", false],
    ["v1..", false],
    ["v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", false],
    ["v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", true],
    ["v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", false],
    ["v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA", false],
    ["v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA=", false],
  ])("%j → %s", (text, expected) => {
    expect(isEnvelope(text)).toBe(expected);
  });
});
