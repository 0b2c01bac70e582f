import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "@/lib/crypto/base64url";
import { sealEnvelopeWithNonce } from "@/lib/crypto/envelope";
import { signMessage, verifyMessage } from "@/lib/crypto/sign";
import { getSodium, requireSodium } from "@/lib/crypto/sodium";
import { generateUserKeys, privateKeyAd, unwrapPrivateKey } from "@/lib/crypto/user-keys";
import { generateServiceAccountKeys } from "@/lib/crypto/service-account-keys";
import { VECTOR_INPUTS } from "./vector-cases";

/**
 * What `wrappedSignPrivateKey` holds: libsodium's 64-byte Ed25519 secret key (seed ‖ public
 * key), not the 32-byte seed. docs/security.md ("userKey and private keys") quotes this vector;
 * a client in another language must wrap and expect the same 64 bytes.
 */
const vector = {
  userId: VECTOR_INPUTS.userId,
  userKey: VECTOR_INPUTS.userKey,
  nonce: VECTOR_INPUTS.wrapNonce,
  seed: VECTOR_INPUTS.identitySignSeed,
  secretKey:
    "gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp_NFLN_lW6VMZT_f7c7PYHcxWHWGnU4CUt8PhpkPuXzqg",
  wrapped:
    "v1.YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3.Ff9x5veXZax1Or3x1k9TZGy2OyVp9HDQefZhUQvNwZ1zErNRx9zoDOYMvWyebtuTi8kfFxDHZpQu3J_qEqB1wF7x2NDZI8cHOEo-hwUMye4",
};

beforeAll(async () => {
  await getSodium();
});

describe("the wrapped signing key is the 64-byte libsodium secret key", () => {
  it("is seed ‖ public key for the vector seed", () => {
    const sodium = requireSodium();
    const pair = sodium.crypto_sign_seed_keypair(fromBase64Url(vector.seed));
    const secretKey = fromBase64Url(vector.secretKey);
    expect(secretKey).toHaveLength(64);
    expect(toBase64Url(pair.privateKey)).toBe(vector.secretKey);
    expect(toBase64Url(secretKey.slice(0, 32))).toBe(vector.seed);
    expect(toBase64Url(secretKey.slice(32))).toBe(toBase64Url(pair.publicKey));
  });

  it("wraps to the vector envelope under the userKey, AD coffer|privkey|v1|<userId>|sign", () => {
    const wrapped = sealEnvelopeWithNonce(
      fromBase64Url(vector.userKey),
      fromBase64Url(vector.secretKey),
      privateKeyAd(vector.userId, "sign"),
      fromBase64Url(vector.nonce),
    );
    expect(privateKeyAd(vector.userId, "sign")).toBe("coffer|privkey|v1|usr_01HZY3VECTOR|sign");
    expect(wrapped).toBe(vector.wrapped);
  });

  it("unwraps to 64 bytes that sign, while the 32-byte seed alone is not what is stored", () => {
    const unwrapped = unwrapPrivateKey(
      fromBase64Url(vector.userKey),
      vector.wrapped,
      vector.userId,
      "sign",
    );
    expect(unwrapped).toHaveLength(64);
    const publicKey = unwrapped.slice(32);
    const signature = signMessage(unwrapped, "coffer-test");
    expect(verifyMessage(publicKey, "coffer-test", signature)).toBe(true);
    expect(() => signMessage(unwrapped.slice(0, 32), "coffer-test")).toThrow();
  });

  it("is what people's and service accounts' new keys hold", () => {
    expect(generateUserKeys().signKeyPair.privateKey).toHaveLength(64);
    expect(generateUserKeys().boxKeyPair.privateKey).toHaveLength(32);
    expect(generateServiceAccountKeys().signKeyPair.privateKey).toHaveLength(64);
  });
});
