import "server-only";
import { timingSafeEqual } from "node:crypto";
import { shareProofHash } from "@/lib/crypto/share-link";
import {
  SHARE_GONE_CODE,
  SHARE_WRONG_PASSPHRASE_CODE,
  sharePassphraseKdf,
  type InspectShareLinkResponse,
  type RevealShareLinkResponse,
} from "@/lib/api/share-link";
import { recordAudit } from "../audit";
import { retryAfter } from "../auth/rate-limit";
import { recordSignInFailure } from "../data/sign-in-failures";
import { env } from "../env";
import { HttpError, tooManyRequests } from "../errors";
import { findLiveShareLink, noteWrongShareProof, takeShareLinkView } from "../data/share-links";
import { clientAddress } from "../request-origin";
import { recordExpiredShareLinks } from "./links";

/** Wrong passphrases a link takes before it is revoked. */
export const SHARE_ATTEMPT_LIMIT = 10;

/** DO NOT SPLIT: used, expired, revoked, frozen and unknown links get this same answer. */
const gone = () =>
  new HttpError(
    410,
    SHARE_GONE_CODE,
    "This link has already been used, has expired or was revoked.",
  );

const bucketOf = (request: Request) => `share:${clientAddress(request.headers)}`;

/**
 * The public routes count failures (unknown or gone links, wrong proofs) per client address,
 * in the table sign-in failures use, so the limit holds across instances.
 */
async function refuseIfLimited(request: Request) {
  const wait = await retryAfter(
    [[bucketOf(request), env.COFFER_SHARE_LIMIT_ADDRESS]],
    env.COFFER_SIGNIN_WINDOW_MINUTES * 60_000,
  );
  if (wait > 0) throw tooManyRequests(wait);
}

async function failed(request: Request, error: HttpError): Promise<never> {
  await recordSignInFailure([bucketOf(request)]);
  throw error;
}

/** What the reveal page shows before Reveal is pressed. Spends no view. */
export async function inspectShareLink(
  id: string,
  request: Request,
): Promise<InspectShareLinkResponse> {
  await refuseIfLimited(request);
  const link = await findLiveShareLink(id);
  if (!link) {
    await recordExpiredShareLinks(request);
    return failed(request, gone());
  }
  const kdf = sharePassphraseKdf.safeParse(link.passphraseKdf);
  return { passphrase: kdf.success ? kdf.data : null, expiresAt: link.expiresAt.toISOString() };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Takes one view in one statement (data/share-links.ts). When none was taken, a live link
 * whose proof does not match is a wrong passphrase: counted, no view spent, the link revoked
 * at the tenth. Everything else is gone.
 */
export async function revealShareLink(
  id: string,
  proof: string,
  request: Request,
): Promise<RevealShareLinkResponse> {
  await refuseIfLimited(request);
  const proofHash = shareProofHash(proof);
  const now = new Date();
  const taken = await takeShareLinkView({ id, proofHash, now });
  if (taken) {
    await recordAudit({
      action: "share_link.viewed",
      actorId: null,
      request,
      targetType: "share_link",
      targetId: id,
      vaultId: taken.sourceVaultId ?? undefined,
      details: {
        creatorId: taken.creatorId,
        itemId: taken.sourceItemId,
        viewsLeft: taken.viewsLeft,
        at: now.toISOString(),
      },
    });
    return { ciphertext: taken.ciphertext, viewsLeft: taken.viewsLeft };
  }
  const live = await findLiveShareLink(id, now);
  // A matching proof here lost a race for the last view: gone like any other used link.
  if (!live || sameHash(live.proofHash, proofHash)) {
    await recordExpiredShareLinks(request);
    return failed(request, gone());
  }
  const noted = await noteWrongShareProof(id, SHARE_ATTEMPT_LIMIT, now);
  if (!noted) return failed(request, gone());
  if (noted.revoked) {
    await recordAudit({
      action: "share_link.revoked",
      actorId: null,
      request,
      targetType: "share_link",
      targetId: id,
      details: { reason: "attempts", creatorId: noted.creatorId, attempts: noted.failedAttempts },
    });
    return failed(request, gone());
  }
  const left = SHARE_ATTEMPT_LIMIT - noted.failedAttempts;
  return failed(
    request,
    new HttpError(
      403,
      SHARE_WRONG_PASSPHRASE_CODE,
      `That passphrase is not right. ${left} ${left === 1 ? "attempt" : "attempts"} left before the link is revoked.`,
      "passphrase",
    ),
  );
}
