import { changePasswordRequest, type ChangePasswordRequest } from "@/lib/api/account";
import type { ChallengeResponse } from "@/lib/api/auth";
import { newSalt, toBase64Url, wrapUserKey, type KdfParams } from "@/lib/crypto";
import { deriveKeys, type AccountKeys } from "./derive-keys";
import type { KdfRunner } from "./kdf-runner";
import { signLoginChallenge } from "./sign-in";
import type { UnlockedAccount } from "./unlocked-account";

/**
 * The body shared by a password change and a KDF upgrade: the current login key signs a fresh
 * challenge (proving the old password), and a new salt and Argon2id under `params` give a new
 * AUK and login key that re-wrap the same userKey. Nothing else needs re-encrypting. The caller
 * wipes the returned keys.
 */
export async function buildAccountRekey(
  kdf: KdfRunner,
  input: {
    origin: string;
    account: Pick<UnlockedAccount, "userId" | "email" | "userKey">;
    /** The login key of the credentials being replaced. */
    loginPrivateKey: Uint8Array;
    challenge: ChallengeResponse;
    password: string;
    secretKey: Uint8Array;
    params: KdfParams;
    salt?: Uint8Array;
  },
): Promise<{ body: ChangePasswordRequest; keys: AccountKeys }> {
  const salt = input.salt ?? newSalt();
  const keys = await deriveKeys(kdf, {
    password: input.password,
    secretKey: input.secretKey,
    salt,
    params: input.params,
  });
  const body = changePasswordRequest.parse({
    challengeId: input.challenge.challengeId,
    signature: signLoginChallenge({
      origin: input.origin,
      loginPrivateKey: input.loginPrivateKey,
      email: input.account.email,
      challenge: input.challenge,
    }),
    kdf: {
      alg: input.params.alg,
      opslimit: input.params.opslimit,
      memlimit: input.params.memlimit,
      salt: toBase64Url(salt),
    },
    loginPublicKey: toBase64Url(keys.loginKeyPair.publicKey),
    wrappedUserKey: wrapUserKey(keys.accountUnlockKey, input.account.userKey, input.account.userId),
  });
  return { body, keys };
}
