import "server-only";
import { getSodium, toBase64Url } from "@/lib/crypto";
import type { PreloginResponse } from "@/lib/api/auth";
import { countKdfParameterSets, findLoginRecord } from "../data/users";
import { serverSecret } from "../server-secret";
import { pickDecoyKdf, type KdfParameterSet } from "./decoy-kdf";

// The mix of parameters changes only when accounts are made or upgraded; a few minutes of
// staleness costs nothing, and one cheap query per period keeps prelogin's timing flat.
const USAGE_TTL_MS = 5 * 60 * 1000;
let usage: { loadedAt: number; sets: Promise<KdfParameterSet[]> } | null = null;

function kdfUsage(): Promise<KdfParameterSet[]> {
  const now = Date.now();
  if (!usage || now - usage.loadedAt > USAGE_TTL_MS) {
    const sets = countKdfParameterSets();
    usage = { loadedAt: now, sets };
    // A failed load must not stick: the next request tries again.
    sets.catch(() => {
      if (usage?.sets === sets) usage = null;
    });
  }
  return usage.sets;
}

/**
 * Salt and KDF parameters for an email. An unknown email gets a stable fake salt (keyed
 * BLAKE2b of the server secret and the email) and parameters drawn, as stably, from those real
 * accounts use, so neither the salt nor the parameters tell who has an account.
 */
export async function prelogin(email: string): Promise<PreloginResponse> {
  // Loaded for every email, known or not, so the two take the same path to the database.
  const [user, sets] = await Promise.all([findLoginRecord(email), kdfUsage()]);
  if (user) {
    return {
      salt: user.kdfSalt,
      kdf: { alg: "argon2id13", opslimit: user.kdfOpsLimit, memlimit: user.kdfMemLimit },
    };
  }
  const sodium = await getSodium();
  const saltKey = sodium.crypto_generichash(32, `coffer-prelogin-v1|${serverSecret}`, null);
  const fakeSalt = sodium.crypto_generichash(16, email, saltKey);
  const kdfKey = sodium.crypto_generichash(32, `coffer-prelogin-kdf-v1|${serverSecret}`, null);
  const draw = sodium.crypto_generichash(8, email, kdfKey);
  // 48 bits of the keyed hash as a fraction in [0, 1): plenty to weigh any number of accounts.
  const point = draw.slice(0, 6).reduce((value, byte) => value * 256 + byte, 0) / 2 ** 48;
  return { salt: toBase64Url(fakeSalt), kdf: pickDecoyKdf(sets, point) };
}
