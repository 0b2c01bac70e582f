import { requireSodium, toBase64Url } from "@/lib/crypto";

/** Vault and item ids are chosen by the client: 16 random bytes, base64url. */
export function newClientId(): string {
  return toBase64Url(requireSodium().randombytes_buf(16));
}
