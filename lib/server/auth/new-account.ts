import "server-only";
import { getSodium, verifyBundle } from "@/lib/crypto";
import type { NewAccount } from "@/lib/api/account";
import { badRequest } from "../errors";

/**
 * A new account's public bundle must carry a valid self-signature, so nobody can register
 * keys they do not hold (a client would reject such a bundle later anyway).
 */
export async function assertSelfSignedBundle(account: NewAccount) {
  await getSodium();
  const valid = verifyBundle(
    {
      userId: account.userId,
      email: account.email,
      signPublicKey: account.signPublicKey,
      boxPublicKey: account.boxPublicKey,
    },
    account.bundleSignature,
  );
  if (!valid)
    throw badRequest("The key bundle signature does not verify.", "account.bundleSignature");
}
