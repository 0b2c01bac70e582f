import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../lib/crypto/base64url";
import { CryptoError } from "../../../lib/crypto/errors";
import { getSodium } from "../../../lib/crypto/sodium";
import { generateUserKeys, type KeyPair } from "../../../lib/crypto/user-keys";
import {
  acceptGrant,
  decryptVaultName,
  encryptVaultName,
  type Grant,
  grantMessage,
  newVaultKey,
  openVaultKey,
  sealVaultKey,
  signGrant,
  unwrapPreviousVaultKey,
  vaultKeyChainAd,
  vaultNameAd,
  verifyGrant,
  wrapPreviousVaultKey,
} from "../../../lib/crypto/vault-keys";

type Person = { signKeyPair: KeyPair; boxKeyPair: KeyPair };

let manager: Person;
let member: Person;
let stranger: Person;
let vaultKey: Uint8Array;

beforeAll(async () => {
  await getSodium();
  manager = generateUserKeys();
  member = generateUserKeys();
  stranger = generateUserKeys();
  vaultKey = newVaultKey();
});

function grantFor(person: Person, overrides: Partial<Grant> = {}): Grant {
  return {
    vaultId: "vlt_1",
    userId: "usr_member",
    keyVersion: 2,
    role: "edit",
    memberBoxPublicKey: toBase64Url(person.boxKeyPair.publicKey),
    sealedKey: sealVaultKey(vaultKey, person.boxKeyPair.publicKey),
    ...overrides,
  };
}

function flipLastByte(text: string): string {
  const bytes = fromBase64Url(text);
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  return toBase64Url(bytes);
}

describe("newVaultKey", () => {
  it("is 32 random bytes", () => {
    expect(newVaultKey()).toHaveLength(32);
    expect(newVaultKey()).not.toEqual(newVaultKey());
  });
});

describe("vault name", () => {
  it("AD is coffer|vaultname|v1|<vaultId>|<keyVersion>", () => {
    expect(vaultNameAd("vlt_1", 3)).toBe("coffer|vaultname|v1|vlt_1|3");
  });

  it("round-trips, Unicode included", () => {
    const envelope = encryptVaultName(vaultKey, "Prod — databases 🔐", "vlt_1", 3);
    expect(decryptVaultName(vaultKey, envelope, "vlt_1", 3)).toBe("Prod — databases 🔐");
  });

  it.each([
    ["wrong key", () => newVaultKey(), "vlt_1", 3],
    ["other vault", () => vaultKey, "vlt_2", 3],
    ["other key version", () => vaultKey, "vlt_1", 4],
  ])("%s → CryptoError 'vault name'", (_label, key, vaultId, keyVersion) => {
    const envelope = encryptVaultName(vaultKey, "Prod", "vlt_1", 3);
    expect(() => decryptVaultName(key(), envelope, vaultId, keyVersion)).toThrow(
      "decryption failed: vault name",
    );
  });
});

describe("sealVaultKey / openVaultKey", () => {
  it("round-trips to the recipient", () => {
    const sealed = sealVaultKey(vaultKey, member.boxKeyPair.publicKey);
    expect(openVaultKey(sealed, member.boxKeyPair)).toEqual(vaultKey);
  });

  it("sealed to one member, opened with another's box key → CryptoError 'vault key'", () => {
    const sealed = sealVaultKey(vaultKey, member.boxKeyPair.publicKey);
    expect(() => openVaultKey(sealed, stranger.boxKeyPair)).toThrow("decryption failed: vault key");
  });

  it("flipped byte, garbage text, or a sealed value that is not 32 bytes → CryptoError", async () => {
    const sodium = await getSodium();
    const sealed = sealVaultKey(vaultKey, member.boxKeyPair.publicKey);
    expect(() => openVaultKey(flipLastByte(sealed), member.boxKeyPair)).toThrow(CryptoError);
    expect(() => openVaultKey("not base64!", member.boxKeyPair)).toThrow(CryptoError);
    expect(() => openVaultKey("", member.boxKeyPair)).toThrow(CryptoError);
    const short = toBase64Url(
      sodium.crypto_box_seal(new Uint8Array(16), member.boxKeyPair.publicKey),
    );
    expect(() => openVaultKey(short, member.boxKeyPair)).toThrow("decryption failed: vault key");
  });

  it("refuses to seal a key that is not 32 bytes", () => {
    expect(() => sealVaultKey(new Uint8Array(16), member.boxKeyPair.publicKey)).toThrow(
      /must be 32 bytes/,
    );
  });
});

describe("grantMessage", () => {
  it("is coffer-grant-v1|vaultId|userId|keyVersion|role|memberBoxPk|sealed", () => {
    const grant = grantFor(member);
    expect(grantMessage(grant)).toBe(
      `coffer-grant-v1|vlt_1|usr_member|2|edit|${grant.memberBoxPublicKey}|${grant.sealedKey}`,
    );
  });
});

describe("signGrant / verifyGrant", () => {
  it("verifies with the granter's key", () => {
    const grant = grantFor(member);
    expect(
      verifyGrant(
        manager.signKeyPair.publicKey,
        grant,
        signGrant(manager.signKeyPair.privateKey, grant),
      ),
    ).toBe(true);
  });

  it.each<[string, (grant: Grant) => Grant]>([
    ["role promoted", (grant) => ({ ...grant, role: "manage" })],
    ["key version replayed", (grant) => ({ ...grant, keyVersion: 1 })],
    ["other vault", (grant) => ({ ...grant, vaultId: "vlt_2" })],
    ["other user", (grant) => ({ ...grant, userId: "usr_other" })],
    [
      "sealed key swapped",
      (grant) => ({
        ...grant,
        sealedKey: sealVaultKey(newVaultKey(), member.boxKeyPair.publicKey),
      }),
    ],
    [
      "recipient key swapped",
      (grant) => ({ ...grant, memberBoxPublicKey: toBase64Url(stranger.boxKeyPair.publicKey) }),
    ],
  ])("%s → false", (_label, tamper) => {
    const grant = grantFor(member);
    const signature = signGrant(manager.signKeyPair.privateKey, grant);
    expect(verifyGrant(manager.signKeyPair.publicKey, tamper(grant), signature)).toBe(false);
  });

  it("signed by someone else → false", () => {
    const grant = grantFor(member);
    const signature = signGrant(stranger.signKeyPair.privateKey, grant);
    expect(verifyGrant(manager.signKeyPair.publicKey, grant, signature)).toBe(false);
  });

  it("malformed signature, key, or fields → false, never a throw", () => {
    const grant = grantFor(member);
    const signature = signGrant(manager.signKeyPair.privateKey, grant);
    expect(verifyGrant(manager.signKeyPair.publicKey, grant, "%%%")).toBe(false);
    expect(verifyGrant(manager.signKeyPair.publicKey, grant, "")).toBe(false);
    expect(verifyGrant(new Uint8Array(5), grant, signature)).toBe(false);
    expect(
      verifyGrant(manager.signKeyPair.publicKey, { ...grant, vaultId: "a|b" }, signature),
    ).toBe(false);
    expect(
      verifyGrant(manager.signKeyPair.publicKey, { ...grant, keyVersion: 2.5 }, signature),
    ).toBe(false);
  });
});

describe("acceptGrant: a client rejects a grant not signed by a member it trusts", () => {
  function input(overrides: Partial<Parameters<typeof acceptGrant>[0]> = {}) {
    const grant = grantFor(member, { userId: "usr_member" });
    return {
      grant,
      signature: signGrant(manager.signKeyPair.privateKey, grant),
      granterSignPublicKey: manager.signKeyPair.publicKey,
      trusted: true,
      boxKeyPair: member.boxKeyPair,
      expectedUserId: "usr_member",
      ...overrides,
    };
  }

  it("returns the vault key for a trusted, valid grant addressed to us", () => {
    expect(acceptGrant(input())).toEqual(vaultKey);
  });

  it("untrusted granter → 'untrusted granter', even with a valid signature", () => {
    expect(() => acceptGrant(input({ trusted: false }))).toThrow(
      "decryption failed: untrusted granter",
    );
  });

  it("the server signs a grant of a key it knows with a key of its own → 'grant signature'", () => {
    const forged = grantFor(member, {
      sealedKey: sealVaultKey(newVaultKey(), member.boxKeyPair.publicKey),
    });
    const attempt = input({
      grant: forged,
      signature: signGrant(stranger.signKeyPair.privateKey, forged),
    });
    expect(() => acceptGrant(attempt)).toThrow("decryption failed: grant signature");
  });

  it("a tampered role fails the signature check", () => {
    const valid = input();
    expect(() => acceptGrant({ ...valid, grant: { ...valid.grant, role: "manage" } })).toThrow(
      "decryption failed: grant signature",
    );
  });

  it("a valid grant for another user → 'grant recipient'", () => {
    expect(() => acceptGrant(input({ expectedUserId: "usr_someone_else" }))).toThrow(
      "decryption failed: grant recipient",
    );
  });

  it("a valid grant sealed to another box key → 'grant recipient'", () => {
    expect(() => acceptGrant(input({ boxKeyPair: stranger.boxKeyPair }))).toThrow(
      "decryption failed: grant recipient",
    );
  });

  it("a signed grant whose sealed copy does not open → 'vault key'", () => {
    const grant = grantFor(member, {
      sealedKey: sealVaultKey(vaultKey, stranger.boxKeyPair.publicKey),
    });
    expect(() =>
      acceptGrant(input({ grant, signature: signGrant(manager.signKeyPair.privateKey, grant) })),
    ).toThrow("decryption failed: vault key");
  });
});

describe("vault key chain", () => {
  it("AD is coffer|vaultkeychain|v1|<vaultId>|<newKeyVersion>", () => {
    expect(vaultKeyChainAd("vlt_1", 4)).toBe("coffer|vaultkeychain|v1|vlt_1|4");
  });

  it("the new key opens the previous one", () => {
    const newKey = newVaultKey();
    const wrapped = wrapPreviousVaultKey(newKey, vaultKey, "vlt_1", 3);
    expect(unwrapPreviousVaultKey(newKey, wrapped, "vlt_1", 3)).toEqual(vaultKey);
  });

  it.each([
    ["wrong key", () => newVaultKey(), "vlt_1", 3],
    ["other vault", null, "vlt_2", 3],
    ["other key version", null, "vlt_1", 2],
  ] as const)("%s → CryptoError 'previous vault key'", (_label, otherKey, vaultId, version) => {
    const newKey = newVaultKey();
    const wrapped = wrapPreviousVaultKey(newKey, vaultKey, "vlt_1", 3);
    expect(() => unwrapPreviousVaultKey(otherKey?.() ?? newKey, wrapped, vaultId, version)).toThrow(
      "decryption failed: previous vault key",
    );
  });

  it("refuses to wrap a previous key that is not 32 bytes", () => {
    expect(() => wrapPreviousVaultKey(newVaultKey(), new Uint8Array(8), "vlt_1", 3)).toThrow(
      /32 bytes/,
    );
  });
});
