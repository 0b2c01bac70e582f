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
  acceptServiceAccountGrant,
  signServiceAccountGrant,
  type ServiceAccountBundle,
  type ServiceAccountGrant,
} from "@/lib/crypto/service-account-keys";
import { newVaultKey, sealVaultKey, signGrant } from "@/lib/crypto/vault-keys";
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

describe("a vault grant to a service account", () => {
  function setUp() {
    const machine = generateServiceAccountKeys();
    const granter = generateUserKeys().signKeyPair;
    const vaultKey = newVaultKey();
    const grant: ServiceAccountGrant = {
      vaultId: "vault_1",
      serviceAccountId: accountId,
      keyVersion: 2,
      scope: "read",
      boxPublicKey: toBase64Url(machine.boxKeyPair.publicKey),
      sealedKey: sealVaultKey(vaultKey, machine.boxKeyPair.publicKey),
    };
    const signature = signServiceAccountGrant(granter.privateKey, grant);
    const trustedGranters = [{ userId: "user_g", signPublicKey: toBase64Url(granter.publicKey) }];
    const accept = (overrides: Partial<Parameters<typeof acceptServiceAccountGrant>[0]> = {}) =>
      acceptServiceAccountGrant({
        grant,
        signature,
        granterId: "user_g",
        trustedGranters,
        serviceAccountId: accountId,
        boxKeyPair: machine.boxKeyPair,
        ...overrides,
      });
    return { machine, granter, vaultKey, grant, signature, trustedGranters, accept };
  }

  it("opens the vault key when signed by a trusted granter", () => {
    const { vaultKey, accept } = setUp();
    expect(accept()).toEqual(vaultKey);
  });

  it("is refused from a granter the machine does not trust", () => {
    const { accept } = setUp();
    expect(() => accept({ granterId: "user_server_made_up" })).toThrow("untrusted granter");
    expect(() => accept({ trustedGranters: [] })).toThrow("untrusted granter");
  });

  it("is refused when the scope, key version or vault changed after signing", () => {
    const { grant, accept } = setUp();
    expect(() => accept({ grant: { ...grant, scope: "readwrite" } })).toThrow("grant signature");
    expect(() => accept({ grant: { ...grant, keyVersion: 1 } })).toThrow("grant signature");
    expect(() => accept({ grant: { ...grant, vaultId: "vault_2" } })).toThrow("grant signature");
  });

  it("is refused when addressed to another account, even if correctly signed", () => {
    const { grant, granter, accept } = setUp();
    const other = { ...grant, serviceAccountId: "sa_other" };
    const signature = signServiceAccountGrant(granter.privateKey, other);
    expect(() => accept({ grant: other, signature })).toThrow("grant recipient");
  });

  it("is not a person's grant: a person-grant signature over the same fields fails", () => {
    const { grant, granter, accept } = setUp();
    const personSignature = signGrant(granter.privateKey, {
      vaultId: grant.vaultId,
      userId: grant.serviceAccountId,
      keyVersion: grant.keyVersion,
      role: "view",
      memberBoxPublicKey: grant.boxPublicKey,
      sealedKey: grant.sealedKey,
    });
    expect(() => accept({ signature: personSignature })).toThrow("grant signature");
  });
});
