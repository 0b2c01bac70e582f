import "server-only";
import { needsKdfUpgrade, type KdfParams } from "@/lib/crypto";
import type { KdfUpgradeRequest } from "@/lib/api/account";
import { findLoginRecord, replaceLoginSecrets } from "../data/users";
import { badRequest, conflict, forbidden } from "../errors";
import type { SessionContext } from "../session";
import { verifySignInProof } from "./verify-proof";

// The upgrade runs straight after a sign-in; an older session asking for one is not the
// client flow, and the password it would re-wrap under was last proven too long ago.
const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

/**
 * Replaces an account's salt, KDF parameters, login key and wrapped userKey with ones derived
 * from the same password under stronger parameters. No step-up: nothing the person knows
 * changes, and the proof below is as strong as the sign-in that preceded it.
 */
export async function upgradeAccountKdf(
  session: SessionContext,
  change: KdfUpgradeRequest,
): Promise<{ from: KdfParams; to: KdfParams }> {
  if (Date.now() - Date.parse(session.authTime) > FRESH_SIGN_IN_MS) {
    throw forbidden("Sign in again to update how your password is protected.");
  }
  const proof = await verifySignInProof({
    email: session.email,
    challengeId: change.challengeId,
    signature: change.signature,
  });
  if (!proof.ok || proof.userId !== session.userId) {
    throw forbidden("The proof of your current password is not valid.");
  }
  const record = await findLoginRecord(session.email);
  if (!record) throw forbidden("The proof of your current password is not valid.");
  const stored = {
    alg: record.kdfAlg as KdfParams["alg"],
    opslimit: record.kdfOpsLimit,
    memlimit: record.kdfMemLimit,
  };
  if (!needsKdfUpgrade(stored)) {
    throw conflict("This account already uses the current parameters.", "kdf_current");
  }
  const to = { alg: change.kdf.alg, opslimit: change.kdf.opslimit, memlimit: change.kdf.memlimit };
  // An upgrade that lands short of the target, or lowers either dimension, would be a downgrade.
  if (needsKdfUpgrade(to) || to.opslimit < stored.opslimit || to.memlimit < stored.memlimit) {
    throw badRequest("kdf must meet the current parameters and lower none.", "kdf");
  }
  if (change.kdf.salt === record.kdfSalt) throw badRequest("kdf.salt must be new.", "kdf.salt");
  await replaceLoginSecrets(session.userId, change);
  return { from: stored, to };
}
