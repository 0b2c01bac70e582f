import type { NewAccount } from "@/lib/api/account";
import {
  formatSecretKey,
  generateUserKeys,
  getSodium,
  KDF_V1,
  newSalt,
  newSecretKey,
  normaliseEmail,
  signBundle,
  toBase64Url,
  wrapPrivateKey,
  wrapUserKey,
  type KdfParams,
} from "@/lib/crypto";
import { deriveKeys } from "./derive-keys";
import type { KdfRunner } from "./kdf-runner";
import { wipe, type UnlockedAccount } from "./unlocked-account";

/** A new account as its client holds it until the person has saved the Emergency Kit. */
export interface CreatedAccount {
  /** What the server receives (setup or sign-up): public keys and wrapped keys only. */
  account: NewAccount;
  secretKey: Uint8Array;
  formattedSecretKey: string;
  /** Kept to sign in straight after the account is stored, without a second Argon2id. */
  loginPrivateKey: Uint8Array;
  unlocked: UnlockedAccount;
}

/**
 * Makes every key of a new account on the person's device: a random user id (bound into the
 * wrapping AD before the server sees it), the Secret Key, the AUK and login key from Argon2id,
 * the userKey wrapping both private keys, and the bundle signature over email and public keys.
 * The AUK is wiped before returning; the caller wipes `secretKey` and `loginPrivateKey`.
 */
export async function createAccount(
  kdf: KdfRunner,
  input: { email: string; name: string; password: string; params?: KdfParams },
): Promise<CreatedAccount> {
  const sodium = await getSodium();
  const params = input.params ?? KDF_V1;
  const email = normaliseEmail(input.email);
  const userId = toBase64Url(sodium.randombytes_buf(16));
  const secretKey = newSecretKey();
  const salt = newSalt();
  const { accountUnlockKey, loginKeyPair } = await deriveKeys(kdf, {
    password: input.password,
    secretKey,
    salt,
    params,
  });
  const userKeys = generateUserKeys();
  const boxPublicKey = toBase64Url(userKeys.boxKeyPair.publicKey);
  const signPublicKey = toBase64Url(userKeys.signKeyPair.publicKey);
  const account: NewAccount = {
    userId,
    email,
    name: input.name.trim(),
    kdf: {
      alg: params.alg,
      opslimit: params.opslimit,
      memlimit: params.memlimit,
      salt: toBase64Url(salt),
    },
    loginPublicKey: toBase64Url(loginKeyPair.publicKey),
    wrappedUserKey: wrapUserKey(accountUnlockKey, userKeys.userKey, userId),
    boxPublicKey,
    signPublicKey,
    wrappedBoxPrivateKey: wrapPrivateKey(
      userKeys.userKey,
      userKeys.boxKeyPair.privateKey,
      userId,
      "box",
    ),
    wrappedSignPrivateKey: wrapPrivateKey(
      userKeys.userKey,
      userKeys.signKeyPair.privateKey,
      userId,
      "sign",
    ),
    bundleSignature: signBundle(userKeys.signKeyPair.privateKey, {
      userId,
      email,
      signPublicKey,
      boxPublicKey,
    }),
  };
  wipe(accountUnlockKey);
  return {
    account,
    secretKey,
    formattedSecretKey: formatSecretKey(secretKey),
    loginPrivateKey: loginKeyPair.privateKey,
    unlocked: { userId, email, ...userKeys },
  };
}
