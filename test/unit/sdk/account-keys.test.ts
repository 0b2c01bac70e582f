// A new account made by the SDK opens again from its password and Secret Key, and from nothing
// else: a wrong password, a swapped or edited piece of key material, or keys for another
// account are refused before any key reaches the caller.
import { beforeAll, describe, expect, it } from "vitest";
import { newAccount, type KeyMaterialResponse } from "@/lib/api/account";
import {
  fromBase64Url,
  generateUserKeys,
  KDF_FLOOR,
  signBundle,
  toBase64Url,
  verifyBundle,
  type KdfParams,
} from "@/lib/crypto";
import { deriveKeys } from "@/lib/sdk/derive-keys";
import { SdkError } from "@/lib/sdk/http-port";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import { createAccount, type CreatedAccount } from "@/lib/sdk/new-account";
import { openKeyMaterial, WrongPasswordError } from "@/lib/sdk/unlock";

const params: KdfParams = { alg: "argon2id13", ...KDF_FLOOR };
const password = "correct horse battery staple";

let created: CreatedAccount;
let material: KeyMaterialResponse;
/** The AUK from the right password and Secret Key. */
let rightKey: Uint8Array;

/** The AUK a client derives from `typed` and the account's stored salt. */
async function unlockKey(typed: string, secretKey = created.secretKey) {
  const keys = await deriveKeys(directKdfRunner, {
    password: typed,
    secretKey,
    salt: fromBase64Url(created.account.kdf.salt),
    params,
  });
  return keys.accountUnlockKey;
}

beforeAll(async () => {
  created = await createAccount(directKdfRunner, {
    email: "  Ada.Lovelace@Example.TEST ",
    name: " Ada ",
    password,
    params,
  });
  const { account } = created;
  material = {
    userId: account.userId,
    email: account.email,
    wrappedUserKey: account.wrappedUserKey,
    wrappedBoxPrivateKey: account.wrappedBoxPrivateKey,
    wrappedSignPrivateKey: account.wrappedSignPrivateKey,
    boxPublicKey: account.boxPublicKey,
    signPublicKey: account.signPublicKey,
    bundleSignature: account.bundleSignature,
  };
  rightKey = await unlockKey(password);
});

describe("createAccount", () => {
  it("makes an account the sign-up schema takes unchanged, with the email normalised", () => {
    expect(newAccount.parse(created.account)).toEqual(created.account);
    expect(created.account.email).toBe("ada.lovelace@example.test");
    expect(created.account.name).toBe("Ada");
    expect(created.account.kdf).toMatchObject(params);
    expect(created.unlocked.email).toBe(created.account.email);
  });

  it("signs the bundle over the normalised email and both public keys", () => {
    const bundle = {
      userId: created.account.userId,
      email: created.account.email,
      boxPublicKey: created.account.boxPublicKey,
      signPublicKey: created.account.signPublicKey,
    };
    expect(verifyBundle(bundle, created.account.bundleSignature)).toBe(true);
    expect(
      verifyBundle({ ...bundle, email: "ada@example.test" }, created.account.bundleSignature),
    ).toBe(false);
  });

  it("sends the server only public keys: the login key's public half matches the derived one", async () => {
    const keys = await deriveKeys(directKdfRunner, {
      password,
      secretKey: created.secretKey,
      salt: fromBase64Url(created.account.kdf.salt),
      params,
    });
    expect(created.account.loginPublicKey).toBe(toBase64Url(keys.loginKeyPair.publicKey));
    expect(keys.loginKeyPair.privateKey).toEqual(created.loginPrivateKey);
    const sent = JSON.stringify(created.account);
    for (const secret of [
      created.secretKey,
      created.unlocked.userKey,
      created.unlocked.boxKeyPair.privateKey,
      created.unlocked.signKeyPair.privateKey,
      keys.accountUnlockKey,
    ]) {
      expect(sent).not.toContain(toBase64Url(secret));
    }
  });
});

describe("openKeyMaterial", () => {
  it("opens the account's keys with the right password and Secret Key", async () => {
    const opened = await openKeyMaterial(rightKey, material, created.account.userId);
    expect(opened.userKey).toEqual(created.unlocked.userKey);
    expect(opened.boxKeyPair).toEqual(created.unlocked.boxKeyPair);
    expect(opened.signKeyPair).toEqual(created.unlocked.signKeyPair);
    expect(opened.email).toBe(created.account.email);
  });

  it("refuses a wrong password with WrongPasswordError", async () => {
    const opening = openKeyMaterial(await unlockKey("correct horse battery stapler"), material);
    await expect(opening).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it("refuses the right password with another Secret Key", async () => {
    const otherSecretKey = created.secretKey.slice();
    otherSecretKey[0] = otherSecretKey[0]! ^ 1;
    const opening = openKeyMaterial(await unlockKey(password, otherSecretKey), material);
    await expect(opening).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it("refuses keys that belong to another account than the session's", async () => {
    const opening = openKeyMaterial(rightKey, material, "someone-else-0001");
    await expect(opening).rejects.toMatchObject({ code: "key_material_mismatch" });
  });

  const stranger = () => {
    const keys = generateUserKeys();
    return {
      boxPublicKey: toBase64Url(keys.boxKeyPair.publicKey),
      signPublicKey: toBase64Url(keys.signKeyPair.publicKey),
      signPrivateKey: keys.signKeyPair.privateKey,
    };
  };

  const tampered: Array<[string, () => KeyMaterialResponse]> = [
    [
      "a box public key of the server's choosing",
      () => ({ ...material, boxPublicKey: stranger().boxPublicKey }),
    ],
    [
      "a sign public key of the server's choosing",
      () => ({ ...material, signPublicKey: stranger().signPublicKey }),
    ],
    [
      "a re-signed bundle pairing our keys with another box key",
      () => {
        const other = stranger();
        const bundle = {
          userId: material.userId,
          email: material.email,
          boxPublicKey: other.boxPublicKey,
          signPublicKey: other.signPublicKey,
        };
        return {
          ...material,
          ...bundle,
          bundleSignature: signBundle(other.signPrivateKey, bundle),
        };
      },
    ],
    [
      "another email under the same bundle signature",
      () => ({ ...material, email: "mallory@example.test" }),
    ],
    [
      "the box and sign private keys swapped",
      () => ({
        ...material,
        wrappedBoxPrivateKey: material.wrappedSignPrivateKey,
        wrappedSignPrivateKey: material.wrappedBoxPrivateKey,
      }),
    ],
    [
      "a flipped byte in the wrapped box private key",
      () => {
        const parts = material.wrappedBoxPrivateKey.split(".");
        const body = fromBase64Url(parts[2]!);
        body[0] = body[0]! ^ 1;
        return {
          ...material,
          wrappedBoxPrivateKey: `${parts[0]}.${parts[1]}.${toBase64Url(body)}`,
        };
      },
    ],
  ];

  it.each(tampered)("refuses key material with %s", async (_label, edit) => {
    const refusal = await openKeyMaterial(rightKey, edit()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SdkError);
    expect(refusal).not.toBeInstanceOf(WrongPasswordError);
    expect(refusal).toMatchObject({ code: "key_material_mismatch" });
  });

  it("refuses a wrapped userKey made for another user id (its AD names the owner)", async () => {
    const opening = openKeyMaterial(rightKey, {
      ...material,
      userId: "another-user-00001",
    });
    await expect(opening).rejects.toBeInstanceOf(WrongPasswordError);
  });
});
