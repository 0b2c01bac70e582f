import { beforeAll, describe, expect, it } from "vitest";
import { CryptoError } from "../../../lib/crypto/errors";
import { getSodium } from "../../../lib/crypto/sodium";
import {
  generateUserKeys,
  privateKeyAd,
  unwrapPrivateKey,
  unwrapUserKey,
  userKeyAd,
  wrapPrivateKey,
  wrapUserKey,
} from "../../../lib/crypto/user-keys";

let accountUnlockKey: Uint8Array;
let otherAccountUnlockKey: Uint8Array;

beforeAll(async () => {
  const sodium = await getSodium();
  accountUnlockKey = sodium.randombytes_buf(32);
  otherAccountUnlockKey = sodium.randombytes_buf(32);
});

describe("generateUserKeys", () => {
  it("makes a 32-byte userKey, an X25519 box pair and an Ed25519 sign pair", async () => {
    const sodium = await getSodium();
    const keys = generateUserKeys();
    expect(keys.userKey).toHaveLength(32);
    expect(keys.boxKeyPair.publicKey).toHaveLength(32);
    expect(sodium.crypto_scalarmult_base(keys.boxKeyPair.privateKey)).toEqual(
      keys.boxKeyPair.publicKey,
    );
    expect(keys.signKeyPair.privateKey).toHaveLength(64);
    expect(generateUserKeys().userKey).not.toEqual(keys.userKey);
  });
});

describe("AD strings", () => {
  it("are exactly the v1 layouts", () => {
    expect(userKeyAd("usr_1")).toBe("coffer|userkey|v1|usr_1");
    expect(privateKeyAd("usr_1", "box")).toBe("coffer|privkey|v1|usr_1|box");
    expect(privateKeyAd("usr_1", "sign")).toBe("coffer|privkey|v1|usr_1|sign");
  });
});

describe("wrapUserKey / unwrapUserKey", () => {
  it("round-trips", () => {
    const { userKey } = generateUserKeys();
    const wrapped = wrapUserKey(accountUnlockKey, userKey, "usr_1");
    expect(unwrapUserKey(accountUnlockKey, wrapped, "usr_1")).toEqual(userKey);
  });

  it("wrong AUK (wrong password or Secret Key) → CryptoError 'user key'", () => {
    const wrapped = wrapUserKey(accountUnlockKey, generateUserKeys().userKey, "usr_1");
    expect(() => unwrapUserKey(otherAccountUnlockKey, wrapped, "usr_1")).toThrow(
      "decryption failed: user key",
    );
  });

  it("swapped user: another user's wrapped key fails under this user's id", () => {
    const wrapped = wrapUserKey(accountUnlockKey, generateUserKeys().userKey, "usr_1");
    expect(() => unwrapUserKey(accountUnlockKey, wrapped, "usr_2")).toThrow(CryptoError);
  });
});

describe("wrapPrivateKey / unwrapPrivateKey", () => {
  it("round-trips both kinds", () => {
    const keys = generateUserKeys();
    const box = wrapPrivateKey(keys.userKey, keys.boxKeyPair.privateKey, "usr_1", "box");
    const sign = wrapPrivateKey(keys.userKey, keys.signKeyPair.privateKey, "usr_1", "sign");
    expect(unwrapPrivateKey(keys.userKey, box, "usr_1", "box")).toEqual(keys.boxKeyPair.privateKey);
    expect(unwrapPrivateKey(keys.userKey, sign, "usr_1", "sign")).toEqual(
      keys.signKeyPair.privateKey,
    );
  });

  it("swapped kind: the box key does not open as the sign key", () => {
    const keys = generateUserKeys();
    const box = wrapPrivateKey(keys.userKey, keys.boxKeyPair.privateKey, "usr_1", "box");
    expect(() => unwrapPrivateKey(keys.userKey, box, "usr_1", "sign")).toThrow(
      "decryption failed: sign private key",
    );
  });

  it("wrong userKey and swapped user both fail", () => {
    const keys = generateUserKeys();
    const box = wrapPrivateKey(keys.userKey, keys.boxKeyPair.privateKey, "usr_1", "box");
    expect(() => unwrapPrivateKey(generateUserKeys().userKey, box, "usr_1", "box")).toThrow(
      CryptoError,
    );
    expect(() => unwrapPrivateKey(keys.userKey, box, "usr_2", "box")).toThrow(CryptoError);
  });
});
