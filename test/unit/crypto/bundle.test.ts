import { beforeAll, describe, expect, it } from "vitest";
import { toBase64Url } from "../../../lib/crypto/base64url";
import {
  bundleMessage,
  fingerprint,
  fingerprintHex,
  fingerprintWords,
  type PublicBundle,
  signBundle,
  verifyBundle,
} from "../../../lib/crypto/bundle";
import { FINGERPRINT_WORDS } from "../../../lib/crypto/fingerprint-words";
import { getSodium } from "../../../lib/crypto/sodium";
import { generateUserKeys } from "../../../lib/crypto/user-keys";

let bundle: PublicBundle;
let signPrivateKey: Uint8Array;
let strangerPrivateKey: Uint8Array;

beforeAll(async () => {
  await getSodium();
  const keys = generateUserKeys();
  signPrivateKey = keys.signKeyPair.privateKey;
  strangerPrivateKey = generateUserKeys().signKeyPair.privateKey;
  bundle = {
    userId: "usr_1",
    email: "ada@example.com",
    signPublicKey: toBase64Url(keys.signKeyPair.publicKey),
    boxPublicKey: toBase64Url(keys.boxKeyPair.publicKey),
  };
});

describe("bundleMessage", () => {
  it("is coffer-bundle-v1|userId|email|signPk|boxPk", () => {
    expect(bundleMessage(bundle)).toBe(
      `coffer-bundle-v1|usr_1|ada@example.com|${bundle.signPublicKey}|${bundle.boxPublicKey}`,
    );
  });
});

describe("signBundle / verifyBundle", () => {
  it("verifies its own self-signature", () => {
    expect(verifyBundle(bundle, signBundle(signPrivateKey, bundle))).toBe(true);
  });

  it.each([
    ["email changed", (b: PublicBundle) => ({ ...b, email: "eve@example.com" })],
    ["userId changed", (b: PublicBundle) => ({ ...b, userId: "usr_2" })],
    ["box key swapped", (b: PublicBundle) => ({ ...b, boxPublicKey: b.signPublicKey })],
  ])("%s → fails", (_label, tamper) => {
    const signature = signBundle(signPrivateKey, bundle);
    expect(verifyBundle(tamper(bundle), signature)).toBe(false);
  });

  it("signed by a key other than bundle.signPublicKey → fails", () => {
    expect(verifyBundle(bundle, signBundle(strangerPrivateKey, bundle))).toBe(false);
  });

  it("garbage signature or key text → false, not a throw", () => {
    expect(verifyBundle(bundle, "not base64url!")).toBe(false);
    expect(verifyBundle(bundle, "")).toBe(false);
    expect(
      verifyBundle({ ...bundle, signPublicKey: "%%" }, signBundle(signPrivateKey, bundle)),
    ).toBe(false);
    expect(verifyBundle({ ...bundle, email: "a|b" }, signBundle(signPrivateKey, bundle))).toBe(
      false,
    );
  });
});

describe("fingerprint", () => {
  it("is BLAKE2b-256 of the bundle message and stable across calls", async () => {
    const sodium = await getSodium();
    const expected = sodium.crypto_generichash(32, sodium.from_string(bundleMessage(bundle)), null);
    expect(fingerprint(bundle)).toEqual(expected);
    expect(fingerprintHex(bundle)).toBe(fingerprintHex({ ...bundle }));
    expect(fingerprintWords(bundle)).toEqual(fingerprintWords({ ...bundle }));
  });

  it("shows 160 bits as ten upper-case groups of four hex digits", () => {
    const hex = fingerprintHex(bundle);
    expect(hex).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){9}$/);
    expect(hex.replace(/ /g, "").toLowerCase()).toBe(
      Buffer.from(fingerprint(bundle).subarray(0, 20)).toString("hex"),
    );
  });

  it("shows the first 8 bytes as 8 words from the list", () => {
    const words = fingerprintWords(bundle);
    expect(words).toHaveLength(8);
    const bytes = Array.from(fingerprint(bundle).subarray(0, 8));
    expect(words).toEqual(bytes.map((byte) => FINGERPRINT_WORDS[byte]));
  });

  it("changes when any field changes", () => {
    expect(fingerprintHex({ ...bundle, email: "ada@example.org" })).not.toBe(
      fingerprintHex(bundle),
    );
  });

  it("word list: 256 distinct, short, lower-case words", () => {
    expect(FINGERPRINT_WORDS).toHaveLength(256);
    expect(new Set(FINGERPRINT_WORDS).size).toBe(256);
    for (const word of FINGERPRINT_WORDS) {
      expect(word).toMatch(/^[a-z]{3,6}$/);
    }
  });
});
