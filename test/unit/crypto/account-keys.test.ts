import { beforeAll, describe, expect, it } from "vitest";
import {
  deriveAccountKeys,
  deriveRoot,
  loginMessage,
  newSalt,
  newSecretKey,
  slowHash,
} from "../../../lib/crypto/account-keys";
import { KDF_V1, type KdfParams } from "../../../lib/crypto/kdf-params";
import { signMessage, verifyMessage } from "../../../lib/crypto/sign";
import { getSodium } from "../../../lib/crypto/sodium";

// Small parameters keep the suite fast; one test below runs the production KDF_V1.
const FAST_KDF: KdfParams = { alg: "argon2id13", opslimit: 1, memlimit: 8 * 1024 * 1024 };
const salt = new Uint8Array(16).fill(1);

beforeAll(async () => {
  await getSodium();
});

describe("random material", () => {
  it("makes 16-byte salts and Secret Keys that differ each time", () => {
    expect(newSalt()).toHaveLength(16);
    expect(newSecretKey()).toHaveLength(16);
    expect(newSecretKey()).not.toEqual(newSecretKey());
  });
});

describe("slowHash", () => {
  it("is deterministic for the same password, salt and params", () => {
    const first = slowHash("hunter2 but longer", salt, FAST_KDF);
    expect(first).toHaveLength(32);
    expect(slowHash("hunter2 but longer", salt, FAST_KDF)).toEqual(first);
  });

  it("changes with the password, the salt and the params", () => {
    const base = slowHash("password", salt, FAST_KDF);
    expect(slowHash("Password", salt, FAST_KDF)).not.toEqual(base);
    expect(slowHash("password", new Uint8Array(16).fill(2), FAST_KDF)).not.toEqual(base);
    expect(slowHash("password", salt, { ...FAST_KDF, opslimit: 2 })).not.toEqual(base);
  });

  it("normalises to NFKC: the ﬁ ligature and fi give the same hash", () => {
    expect(slowHash("ﬁsh", salt, FAST_KDF)).toEqual(slowHash("fish", salt, FAST_KDF));
  });

  it("normalises to NFKC: composed and decomposed é give the same hash", () => {
    expect(slowHash("caf\u00e9", salt, FAST_KDF)).toEqual(slowHash("cafe\u0301", salt, FAST_KDF));
  });

  it("refuses an unknown algorithm and a salt that is not 16 bytes", () => {
    const unknown = { ...FAST_KDF, alg: "scrypt" } as unknown as KdfParams;
    expect(() => slowHash("password", salt, unknown)).toThrow(/unsupported KDF/);
    expect(() => slowHash("password", new Uint8Array(15), FAST_KDF)).toThrow(/salt must be 16/);
  });

  it("runs with the production parameters KDF_V1 (Argon2id, ops 3, 64 MiB)", () => {
    expect(KDF_V1).toEqual({ alg: "argon2id13", opslimit: 3, memlimit: 67108864 });
    const hash = slowHash("production strength", salt, KDF_V1);
    expect(hash).toHaveLength(32);
    expect(hash).not.toEqual(slowHash("production strength", salt, FAST_KDF));
  }, 60_000);
});

describe("deriveRoot and deriveAccountKeys", () => {
  const hash = new Uint8Array(32).fill(9);
  const secretKey = new Uint8Array(16).fill(3);

  it("mixes in the Secret Key: another Secret Key gives another root", () => {
    const root = deriveRoot(hash, secretKey);
    expect(root).toHaveLength(32);
    expect(deriveRoot(hash, new Uint8Array(16).fill(4))).not.toEqual(root);
  });

  it("refuses inputs of the wrong length", () => {
    expect(() => deriveRoot(hash.subarray(0, 31), secretKey)).toThrow(/slow hash/);
    expect(() => deriveRoot(hash, new Uint8Array(32))).toThrow(/secret key/);
    expect(() => deriveAccountKeys(new Uint8Array(16))).toThrow(/root/);
  });

  it("derives distinct AUK and login seed, deterministically", async () => {
    const sodium = await getSodium();
    const root = deriveRoot(hash, secretKey);
    const keys = deriveAccountKeys(root);
    const seed = sodium.crypto_kdf_derive_from_key(32, 2, "cofferv1", root);
    expect(keys.accountUnlockKey).toHaveLength(32);
    expect(keys.accountUnlockKey).not.toEqual(seed);
    expect(keys.accountUnlockKey).not.toEqual(root);
    expect(keys.loginKeyPair.privateKey.subarray(0, 32)).toEqual(seed);
    expect(keys.loginKeyPair.publicKey).toEqual(sodium.crypto_sign_seed_keypair(seed).publicKey);
    expect(deriveAccountKeys(root)).toEqual(keys);
  });

  it("the login key signs a login message the server can verify with the public key", () => {
    const { loginKeyPair } = deriveAccountKeys(deriveRoot(hash, secretKey));
    const message = loginMessage("https://coffer.example", "ada@example.com", "chl_1", "bm9uY2U");
    const signature = signMessage(loginKeyPair.privateKey, message);
    expect(verifyMessage(loginKeyPair.publicKey, message, signature)).toBe(true);
    const replayElsewhere = loginMessage(
      "https://evil.example",
      "ada@example.com",
      "chl_1",
      "bm9uY2U",
    );
    expect(verifyMessage(loginKeyPair.publicKey, replayElsewhere, signature)).toBe(false);
    const otherChallenge = loginMessage(
      "https://coffer.example",
      "ada@example.com",
      "chl_2",
      "bm9uY2U",
    );
    expect(verifyMessage(loginKeyPair.publicKey, otherChallenge, signature)).toBe(false);
  });
});

describe("loginMessage", () => {
  it("has the exact v1 layout", () => {
    expect(loginMessage("https://coffer.example", "ada@example.com", "chl_1", "bm9uY2U")).toBe(
      "coffer-login-v1|https://coffer.example|ada@example.com|chl_1|bm9uY2U",
    );
  });

  it("rejects a field containing |", () => {
    expect(() => loginMessage("https://coffer.example", "a|b@example.com", "c", "n")).toThrow();
  });
});
