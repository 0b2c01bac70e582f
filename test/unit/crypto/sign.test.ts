import { beforeAll, describe, expect, it } from "vitest";
import { signMessage, verifyMessage } from "../../../lib/crypto/sign";
import { getSodium } from "../../../lib/crypto/sodium";

type KeyPair = { publicKey: Uint8Array; privateKey: Uint8Array };
let signer: KeyPair;
let stranger: KeyPair;
const message = "coffer-login-v1|https://coffer.example|ada@example.com|chl_1|bm9uY2U";

beforeAll(async () => {
  const sodium = await getSodium();
  signer = sodium.crypto_sign_keypair();
  stranger = sodium.crypto_sign_keypair();
});

describe("signMessage / verifyMessage", () => {
  it("verifies a signature made with the matching key", () => {
    const signature = signMessage(signer.privateKey, message);
    expect(signature).toHaveLength(64);
    expect(verifyMessage(signer.publicKey, message, signature)).toBe(true);
  });

  it("is deterministic (Ed25519), which the test vectors rely on", () => {
    expect(signMessage(signer.privateKey, message)).toEqual(
      signMessage(signer.privateKey, message),
    );
  });

  it("signs the BLAKE2b-256 digest, not the raw message", async () => {
    const sodium = await getSodium();
    const digest = sodium.crypto_generichash(32, sodium.from_string(message), null);
    const signature = signMessage(signer.privateKey, message);
    expect(sodium.crypto_sign_verify_detached(signature, digest, signer.publicKey)).toBe(true);
  });

  it("wrong key → false", () => {
    const signature = signMessage(signer.privateKey, message);
    expect(verifyMessage(stranger.publicKey, message, signature)).toBe(false);
  });

  it("altered message → false", () => {
    const signature = signMessage(signer.privateKey, message);
    expect(verifyMessage(signer.publicKey, `${message}x`, signature)).toBe(false);
    expect(verifyMessage(signer.publicKey, message.replace("ada", "eve"), signature)).toBe(false);
  });

  it("altered signature → false", () => {
    const signature = signMessage(signer.privateKey, message);
    for (const index of [0, 31, 32, 63]) {
      const altered = signature.slice();
      altered[index] = (altered[index] ?? 0) ^ 0x80;
      expect(verifyMessage(signer.publicKey, message, altered)).toBe(false);
    }
  });

  it.each([
    ["a truncated signature", () => [signer.publicKey, new Uint8Array(63)] as const],
    ["an over-long signature", () => [signer.publicKey, new Uint8Array(65)] as const],
    [
      "a truncated public key",
      () => [signer.publicKey.subarray(0, 31), new Uint8Array(64)] as const,
    ],
    ["an all-zero public key", () => [new Uint8Array(32), new Uint8Array(64)] as const],
  ])("%s → false, never a throw", (_label, inputs) => {
    const [publicKey, signature] = inputs();
    expect(verifyMessage(publicKey, message, signature)).toBe(false);
  });
});
