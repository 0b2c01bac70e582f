import { describe, expect, it } from "vitest";
import {
  decryptTrustedGranters,
  encryptTrustedGranters,
  generateServiceAccountKeys,
  openServiceAccountKey,
  sealServiceAccountKey,
  serviceAccountFingerprint,
  signServiceAccountBundle,
  unwrapServiceAccountPrivateKey,
  verifyServiceAccountBundle,
  wrapServiceAccountPrivateKey,
  type ServiceAccountBundle,
} from "@/lib/crypto/service-account-keys";
import { generateUserKeys } from "@/lib/crypto/user-keys";
import { toBase64Url } from "@/lib/crypto/base64url";
import { CryptoError } from "@/lib/crypto/errors";
import { digestHexGroups } from "@/lib/crypto/bundle";

const accountId = "sa_0123456789abcdef";

function bundleOf(keys: ReturnType<typeof generateServiceAccountKeys>): ServiceAccountBundle {
  return {
    serviceAccountId: accountId,
    signPublicKey: toBase64Url(keys.signKeyPair.publicKey),
    boxPublicKey: toBase64Url(keys.boxKeyPair.publicKey),
  };
}

describe("service account private keys under saKey", () => {
  it("round-trip for the account and kind they were wrapped for", () => {
    const keys = generateServiceAccountKeys();
    const wrapped = wrapServiceAccountPrivateKey(
      keys.saKey,
      keys.boxKeyPair.privateKey,
      accountId,
      "box",
    );
    expect(unwrapServiceAccountPrivateKey(keys.saKey, wrapped, accountId, "box")).toEqual(
      keys.boxKeyPair.privateKey,
    );
  });

  it("fail with another saKey, another account id, or the other kind", () => {
    const keys = generateServiceAccountKeys();
    const wrapped = wrapServiceAccountPrivateKey(
      keys.saKey,
      keys.signKeyPair.privateKey,
      accountId,
      "sign",
    );
    const otherKey = generateServiceAccountKeys().saKey;
    expect(() => unwrapServiceAccountPrivateKey(otherKey, wrapped, accountId, "sign")).toThrow(
      CryptoError,
    );
    expect(() =>
      unwrapServiceAccountPrivateKey(keys.saKey, wrapped, "sa_someone_else", "sign"),
    ).toThrow(CryptoError);
    expect(() => unwrapServiceAccountPrivateKey(keys.saKey, wrapped, accountId, "box")).toThrow(
      CryptoError,
    );
  });
});

describe("saKey sealed to a manager", () => {
  it("opens with the manager's box key pair only", () => {
    const { saKey } = generateServiceAccountKeys();
    const manager = generateUserKeys().boxKeyPair;
    const sealed = sealServiceAccountKey(saKey, manager.publicKey);
    expect(openServiceAccountKey(sealed, manager)).toEqual(saKey);
    expect(() => openServiceAccountKey(sealed, generateUserKeys().boxKeyPair)).toThrow(CryptoError);
  });

  it("refuses a flipped byte", () => {
    const { saKey } = generateServiceAccountKeys();
    const manager = generateUserKeys().boxKeyPair;
    const sealed = sealServiceAccountKey(saKey, manager.publicKey);
    const flipped = (sealed[10] === "A" ? "B" : "A") + "";
    const tampered = sealed.slice(0, 10) + flipped + sealed.slice(11);
    expect(() => openServiceAccountKey(tampered, manager)).toThrow(CryptoError);
  });
});

describe("the service account bundle", () => {
  it("verifies its self-signature and refuses a swapped box key", () => {
    const keys = generateServiceAccountKeys();
    const bundle = bundleOf(keys);
    const signature = signServiceAccountBundle(keys.signKeyPair.privateKey, bundle);
    expect(verifyServiceAccountBundle(bundle, signature)).toBe(true);
    const swapped = {
      ...bundle,
      boxPublicKey: toBase64Url(generateServiceAccountKeys().boxKeyPair.publicKey),
    };
    expect(verifyServiceAccountBundle(swapped, signature)).toBe(false);
    expect(verifyServiceAccountBundle(bundle, "not-base64url!")).toBe(false);
  });

  it("has a fingerprint that changes with any key", () => {
    const keys = generateServiceAccountKeys();
    const bundle = bundleOf(keys);
    const other = bundleOf(generateServiceAccountKeys());
    expect(digestHexGroups(serviceAccountFingerprint(bundle))).toMatch(
      /^([0-9A-F]{4} ){9}[0-9A-F]{4}$/,
    );
    expect(serviceAccountFingerprint(bundle)).not.toEqual(serviceAccountFingerprint(other));
  });
});

describe("the trusted granters list", () => {
  const granters = [{ userId: "user_1", signPublicKey: "c2lnbg" }];

  it("round-trips under saKey at its revision", () => {
    const { saKey } = generateServiceAccountKeys();
    const envelope = encryptTrustedGranters(saKey, granters, accountId, 3);
    expect(decryptTrustedGranters(saKey, envelope, accountId, 3)).toEqual(granters);
  });

  it("cannot be passed off under another revision, account or key", () => {
    const { saKey } = generateServiceAccountKeys();
    const envelope = encryptTrustedGranters(saKey, granters, accountId, 3);
    expect(() => decryptTrustedGranters(saKey, envelope, accountId, 4)).toThrow(CryptoError);
    expect(() => decryptTrustedGranters(saKey, envelope, "sa_other", 3)).toThrow(CryptoError);
    expect(() =>
      decryptTrustedGranters(generateServiceAccountKeys().saKey, envelope, accountId, 3),
    ).toThrow(CryptoError);
  });
});
