import { z } from "zod";
import { normaliseEmail } from "../crypto/email";
import { KDF_CEILING, KDF_FLOOR } from "../crypto/kdf-params";

/** base64url without padding, as libsodium's URLSAFE_NO_PADDING writes it. */
export const base64url = (bytes?: number) => {
  const schema = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url without padding");
  if (bytes === undefined) return schema;
  return schema.length(Math.ceil((bytes * 4) / 3), `must encode exactly ${bytes} bytes`);
};

/** An envelope `v1.<nonce>.<ciphertext>`: opaque to the server, checked for shape only. */
export const envelope = z
  .string()
  .max(65536)
  .regex(/^v1\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]+$/, "must be a v1 envelope");

/** Normalised on parse with the function the clients use, so the server compares like with like. */
export const email = z
  .string()
  .overwrite(normaliseEmail)
  .max(254)
  .pipe(z.email("must be an email address"));

/** Ids made by clients (user ids are bound into key-wrapping AD before the server sees them). */
export const clientId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "must be a random id");

/** Bounded by the floor both sides hold to: a server cannot talk a client below it, nor a client the server. */
export const kdfParams = z.object({
  alg: z.literal("argon2id13"),
  opslimit: z.number().int().min(KDF_FLOOR.opslimit).max(KDF_CEILING.opslimit),
  memlimit: z.number().int().min(KDF_FLOOR.memlimit).max(KDF_CEILING.memlimit),
});
export type KdfParamsDto = z.infer<typeof kdfParams>;
