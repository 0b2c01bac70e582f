// Browsers open envelopes with the engine's own base64 decoder (Uint8Array.fromBase64), which
// Node 20 lacks: here it is supplied before lib/crypto/envelope.ts loads, so this file runs the
// path the browser runs. That decoder skips whitespace and takes padding, which libsodium's
// refuses: the envelope's alphabet is checked before either decoder sees it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type Envelope = typeof import("../../../lib/crypto/envelope");

const calls: string[] = [];
let envelope: Envelope;
let key: Uint8Array;

beforeAll(async () => {
  (Uint8Array as unknown as { fromBase64: unknown }).fromBase64 = (text: string) => {
    calls.push(text);
    return new Uint8Array(Buffer.from(text, "base64url"));
  };
  vi.resetModules();
  const { getSodium } = await import("../../../lib/crypto/sodium");
  const sodium = await getSodium();
  envelope = await import("../../../lib/crypto/envelope");
  key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
});

afterAll(() => {
  delete (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64;
});

const plaintext = new TextEncoder().encode("a secret value");

describe("openEnvelope with the engine's base64 decoder", () => {
  it("opens what sealEnvelope sealed, decoding through the engine", () => {
    calls.length = 0;
    const sealed = envelope.sealEnvelope(key, plaintext, "coffer|test|v1");
    expect(envelope.openEnvelope(key, sealed, "coffer|test|v1", "test")).toEqual(plaintext);
    expect(calls).toHaveLength(2);
  });

  it("refuses the wrong associated data and a flipped ciphertext character", () => {
    const sealed = envelope.sealEnvelope(key, plaintext, "coffer|test|v1");
    expect(() => envelope.openEnvelope(key, sealed, "coffer|test|v2", "test")).toThrow(
      "decryption failed: test",
    );
    const last = sealed.at(-1) === "A" ? "B" : "A";
    expect(() =>
      envelope.openEnvelope(key, `${sealed.slice(0, -1)}${last}`, "coffer|test|v1", "test"),
    ).toThrow("decryption failed: test");
  });

  it("refuses whitespace, padding and the other alphabet before decoding", () => {
    const sealed = envelope.sealEnvelope(key, plaintext, "coffer|test|v1");
    const [version, nonce, ciphertext] = sealed.split(".") as [string, string, string];
    calls.length = 0;
    for (const altered of [
      `${version}.${nonce}.${ciphertext.slice(0, 10)} ${ciphertext.slice(10)}`,
      `${version}.${nonce}.${ciphertext}==`,
      `${version}.${nonce}.${ciphertext.replace(/-/g, "+").replace(/_/g, "/")}+`,
      `${version}.${nonce}.${ciphertext}.extra`,
    ]) {
      expect(() => envelope.openEnvelope(key, altered, "coffer|test|v1", "test")).toThrow(
        "decryption failed: test",
      );
    }
    expect(calls).toEqual([]);
  });
});
