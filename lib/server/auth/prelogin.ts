import "server-only";
import { getSodium, toBase64Url, KDF_V1 } from "@/lib/crypto";
import type { PreloginResponse } from "@/lib/api/auth";
import { findLoginRecord } from "../data/users";
import { serverSecret } from "../server-secret";

/**
 * Salt and KDF parameters for an email. An unknown email gets a stable fake salt (keyed
 * BLAKE2b of the server secret and the email) and the current parameters, so the answer
 * does not reveal who has an account.
 */
export async function prelogin(email: string): Promise<PreloginResponse> {
  const user = await findLoginRecord(email);
  if (user) {
    return {
      salt: user.kdfSalt,
      kdf: { alg: "argon2id13", opslimit: user.kdfOpsLimit, memlimit: user.kdfMemLimit },
    };
  }
  const sodium = await getSodium();
  const key = sodium.crypto_generichash(32, `coffer-prelogin-v1|${serverSecret}`, null);
  const fakeSalt = sodium.crypto_generichash(16, email, key);
  return {
    salt: toBase64Url(fakeSalt),
    kdf: { alg: KDF_V1.alg, opslimit: KDF_V1.opslimit, memlimit: KDF_V1.memlimit },
  };
}
