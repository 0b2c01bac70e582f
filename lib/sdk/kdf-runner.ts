import { getSodium, slowHash, type KdfParams } from "@/lib/crypto";

/**
 * Where Argon2id of the master password runs. A browser runs it in a Web Worker so the page
 * stays responsive; Node programs and tests run it in place. The runner only hashes: the
 * parameter floor is checked by the SDK before any runner is called.
 */
export interface KdfRunner {
  slowHash(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array>;
}

/** Argon2id on the calling thread. */
export const directKdfRunner: KdfRunner = {
  async slowHash(password, salt, params) {
    await getSodium();
    return slowHash(password, salt, params);
  },
};
