import "server-only";
import { fromBase64Url, getSodium, loginMessage, verifyMessage } from "@/lib/crypto";
import type { SignInProof } from "@/lib/api/auth";
import { appOrigin } from "../env";
import { takeChallenge } from "../data/challenges";
import { findLoginRecord } from "../data/users";
import { isLockedDown } from "../data/lockdown";

// Verifying against a fixed key when the email is unknown keeps the work, and so the timing
// class, the same as for a real account.
const decoyPublicKey = new Uint8Array(32).fill(7);

export type ProofResult =
  | { ok: true; userId: string; name: string; role: "owner" | "admin" | "member" }
  /** `userId` names the account the email belongs to, if any, for the audit log. */
  | { ok: false; reason: "invalid" | "suspended" | "locked_down"; userId: string | null };

/**
 * Checks a sign-in proof: an Ed25519 signature by the account's login key over
 * `coffer-login-v1|origin|email|challengeId|nonce`. The challenge is taken (deleted) atomically
 * before the signature is checked, so a replay, or the second of two parallel uses, fails.
 */
export async function verifySignInProof(proof: SignInProof): Promise<ProofResult> {
  await getSodium();
  const [user, nonce] = await Promise.all([
    findLoginRecord(proof.email),
    takeChallenge(proof.challengeId),
  ]);
  const publicKey = user ? fromBase64Url(user.loginPublicKey) : decoyPublicKey;
  const message = loginMessage(appOrigin, proof.email, proof.challengeId, nonce ?? "none");
  const signatureValid = verifyMessage(publicKey, message, fromBase64Url(proof.signature));
  if (!user || nonce === null || !signatureValid) {
    return { ok: false, reason: "invalid", userId: user?.id ?? null };
  }
  if (user.status !== "active") return { ok: false, reason: "suspended", userId: user.id };
  // Checked only after a valid proof: whether lockdown is on, and who is an admin, is told
  // to nobody who has not proved they hold the account.
  if (user.role === "member" && (await isLockedDown())) {
    return { ok: false, reason: "locked_down", userId: user.id };
  }
  return { ok: true, userId: user.id, name: user.name, role: user.role };
}
