import {
  deriveAccountKeys,
  deriveRoot,
  getSodium,
  isBelowKdfFloor,
  KDF_CEILING,
  type KdfParams,
} from "@/lib/crypto";
import { SdkError } from "./http-port";
import type { KdfRunner } from "./kdf-runner";
import { wipe } from "./unlocked-account";

export interface AccountKeys {
  accountUnlockKey: Uint8Array;
  loginKeyPair: { publicKey: Uint8Array; privateKey: Uint8Array };
}

/**
 * Master password + Secret Key → AUK and login key. The parameters usually come from the
 * server (prelogin): one that hands out weak ones must not make us derive cheap keys, and one
 * that hands out huge ones must not exhaust the device, so both bounds are checked here, before
 * any runner sees the password. Intermediates are wiped before returning.
 */
export async function deriveKeys(
  runner: KdfRunner,
  input: { password: string; secretKey: Uint8Array; salt: Uint8Array; params: KdfParams },
): Promise<AccountKeys> {
  // DO NOT REMOVE: the client's half of the KDF floor (lib/crypto/kdf-params.ts).
  if (isBelowKdfFloor(input.params)) {
    throw new SdkError(
      "weak_kdf",
      "The server asked for key derivation settings that are too weak.",
    );
  }
  if (
    input.params.opslimit > KDF_CEILING.opslimit ||
    input.params.memlimit > KDF_CEILING.memlimit
  ) {
    throw new SdkError(
      "kdf_too_costly",
      "The server asked for key derivation settings beyond what a client runs.",
    );
  }
  await getSodium();
  const hash = await runner.slowHash(input.password, input.salt, input.params);
  const root = deriveRoot(hash, input.secretKey);
  wipe(hash);
  const keys = deriveAccountKeys(root);
  wipe(root);
  return keys;
}
