import { z } from "zod";
import { SHARE_CIPHERTEXT_MAX_CHARS } from "../crypto/share-link";
import { base64url, kdfParams } from "./common";

/** One hour to 30 days; a link made without a choice lives 24 hours. */
export const SHARE_EXPIRY_MIN_SECONDS = 3600;
export const SHARE_EXPIRY_MAX_SECONDS = 30 * 86_400;
export const SHARE_EXPIRY_DEFAULT_SECONDS = 86_400;
export const SHARE_VIEWS_MAX = 100;

/** A link's id: base64url of the 16 bytes derived from S (lib/crypto/share-link.ts). */
export const shareLinkId = base64url(16);

const expirySeconds = z
  .number()
  .int("must be a whole number of seconds")
  .min(SHARE_EXPIRY_MIN_SECONDS, "must be at least 1 hour")
  .max(SHARE_EXPIRY_MAX_SECONDS, "must be at most 30 days");

/** The payload sealed under the link's key: opaque to the server, bounded by the 1 MiB file. */
export const shareCiphertext = z
  .string()
  .max(
    SHARE_CIPHERTEXT_MAX_CHARS,
    "is too large: a link carries at most 64 KiB of text or a 1 MiB file",
  )
  .regex(/^v1\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{22,}$/, "must be a v1 envelope");

/** What a recipient's client needs to turn the passphrase into the key. */
export const sharePassphraseKdf = z.object({ kdf: kdfParams, salt: base64url(16) });
export type SharePassphraseKdfDto = z.infer<typeof sharePassphraseKdf>;

/**
 * The item a link was made from: ids the server already knows. The field's name is sealed in
 * the payload instead, like every name inside an item (docs/decisions/0038).
 */
export const shareLinkSource = z.object({
  vaultId: z.string().min(1).max(64),
  itemId: z.string().min(1).max(64),
});
export type ShareLinkSourceDto = z.infer<typeof shareLinkSource>;

export const createShareLinkRequest = z.object({
  id: shareLinkId,
  ciphertext: shareCiphertext,
  /** SHA-256 of the access proof; the proof itself first reaches the server on reveal. */
  proofHash: base64url(32),
  passphrase: sharePassphraseKdf.nullable().default(null),
  expiresInSeconds: expirySeconds.default(SHARE_EXPIRY_DEFAULT_SECONDS),
  maxViews: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(SHARE_VIEWS_MAX, `must be at most ${SHARE_VIEWS_MAX}`)
    .default(1),
  source: shareLinkSource.nullable().default(null),
});
export type CreateShareLinkRequest = z.input<typeof createShareLinkRequest>;

/**
 * `active` until its views are used up (`used`), its time runs out (`expired`), someone
 * revokes it (`revoked`: by its creator, an admin, an offboarding, or too many wrong
 * passphrases) or a lockdown freezes it (`frozen`, for good).
 */
export const shareLinkStatus = z.enum(["active", "used", "expired", "revoked", "frozen"]);
export type ShareLinkStatusDto = z.infer<typeof shareLinkStatus>;

export const shareLinkRevokedReason = z.enum(["creator", "admin", "offboarding", "attempts"]);

/** A link as its creator and admins see it: never its contents. */
export const shareLinkDto = z.object({
  id: z.string(),
  creator: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  status: shareLinkStatus,
  maxViews: z.number().int(),
  viewsLeft: z.number().int(),
  viewsUsed: z.number().int(),
  passphraseRequired: z.boolean(),
  source: shareLinkSource.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastViewedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: shareLinkRevokedReason.nullable(),
  frozenAt: z.string().nullable(),
  /** Wrong passphrases (or forged proofs) so far; at 10 the link is revoked. */
  failedAttempts: z.number().int(),
});
export type ShareLinkDto = z.infer<typeof shareLinkDto>;

export const shareLinkResponse = z.object({ link: shareLinkDto });
export const shareLinkListResponse = z.object({ links: z.array(shareLinkDto) });

/** The org's rules for links; a create outside them is refused naming the field. */
export const shareLinkPolicy = z.object({
  linksAllowed: z.boolean(),
  maxExpirySeconds: expirySeconds,
  passphraseRequired: z.boolean(),
});
export type ShareLinkPolicyDto = z.infer<typeof shareLinkPolicy>;
export const shareLinkPolicyResponse = z.object({ policy: shareLinkPolicy });

/** What the reveal page learns before the person clicks Reveal; it spends nothing. */
export const inspectShareLinkResponse = z.object({
  passphrase: sharePassphraseKdf.nullable(),
  expiresAt: z.string(),
});
export type InspectShareLinkResponse = z.infer<typeof inspectShareLinkResponse>;

export const revealShareLinkRequest = z.object({ proof: base64url(32) });
export const revealShareLinkResponse = z.object({
  ciphertext: shareCiphertext,
  viewsLeft: z.number().int(),
});
export type RevealShareLinkResponse = z.infer<typeof revealShareLinkResponse>;

/** The error codes of the public routes, which the SDK turns into typed results. */
export const SHARE_GONE_CODE = "gone";
export const SHARE_WRONG_PASSPHRASE_CODE = "wrong_passphrase";
