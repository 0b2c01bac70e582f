import {
  deriveShareLinkKeys,
  formatShareFragment,
  fromBase64Url,
  getSodium,
  isBelowKdfFloor,
  newShareSalt,
  newShareSecret,
  openSharePayload,
  parseShareFragment,
  requireSodium,
  sealSharePayload,
  shareAccessProof,
  shareFinalKey,
  shareProofHash,
  toBase64Url,
  CryptoError,
  SHARE_FILE_MAX_BYTES,
  SHARE_NAME_MAX_CHARS,
  SHARE_NOTE_MAX_CHARS,
  SHARE_PASSPHRASE_KDF,
  SHARE_TEXT_MAX_BYTES,
  type SharePayload,
} from "@/lib/crypto";
import { routes } from "@/lib/api/routes";
import {
  SHARE_GONE_CODE,
  SHARE_WRONG_PASSPHRASE_CODE,
  type ShareLinkDto,
  type ShareLinkPolicyDto,
  type ShareLinkSourceDto,
  type SharePassphraseKdfDto,
} from "@/lib/api/share-link";
import { call } from "./call";
import { SdkError, type HttpPort } from "./http-port";
import type { KdfRunner } from "./kdf-runner";

export type { SharePayload } from "@/lib/crypto";

/** The transport and the origin the link is for (`<origin>/s#<S>`). */
export type ShareLinkPort = HttpPort & { readonly origin: string };

export interface CreateShareLinkInput {
  payload: SharePayload;
  expiresInSeconds?: number;
  maxViews?: number;
  /** Empty or absent: no passphrase. */
  passphrase?: string;
  /** The item a field was copied from: its ids reach the server, the field's name does not. */
  source?: ShareLinkSourceDto;
}

export interface CreatedShareLink {
  id: string;
  /** Shown once: S exists nowhere else, so nobody can show it again. */
  url: string;
  link: ShareLinkDto;
}

const usage = (field: string, message: string) => new SdkError("bad_request", message, 400, field);

/** The sizes the server cannot see inside the ciphertext, checked before anything is sealed. */
function checkPayload(payload: SharePayload): void {
  if (payload.note !== undefined && payload.note.length > SHARE_NOTE_MAX_CHARS) {
    throw usage("note", `The note may be at most ${SHARE_NOTE_MAX_CHARS} characters.`);
  }
  if (payload.kind === "file") {
    if (payload.bytes.length > SHARE_FILE_MAX_BYTES) {
      throw usage("file", "The file may be at most 1 MiB.");
    }
    if (payload.name.length > SHARE_NAME_MAX_CHARS || payload.mimeType.length > 255) {
      throw usage("file", `The file's name may be at most ${SHARE_NAME_MAX_CHARS} characters.`);
    }
    return;
  }
  if (new TextEncoder().encode(payload.text).length > SHARE_TEXT_MAX_BYTES) {
    throw usage("text", "The text may be at most 64 KiB.");
  }
  if (payload.text.length === 0) throw usage("text", "There is nothing to share.");
  if (payload.kind === "field") {
    if (
      payload.itemTitle.length > SHARE_NAME_MAX_CHARS ||
      payload.fieldName.length > SHARE_NAME_MAX_CHARS
    ) {
      throw usage("text", "The item's title or field name is too long to share.");
    }
  }
}

/**
 * Makes S on this device, seals the payload (and note) under a key only the URL (and the
 * passphrase) give, and files the ciphertext. The URL is returned once and kept nowhere.
 */
export async function createShareLink(
  port: ShareLinkPort,
  input: CreateShareLinkInput,
  kdf: KdfRunner,
): Promise<CreatedShareLink> {
  await getSodium();
  checkPayload(input.payload);
  const secret = newShareSecret();
  const { linkId, linkKey } = deriveShareLinkKeys(secret);
  let passphrase: SharePassphraseKdfDto | null = null;
  let passphraseHash: Uint8Array | null = null;
  if (input.passphrase) {
    const salt = newShareSalt();
    passphrase = { kdf: SHARE_PASSPHRASE_KDF, salt: toBase64Url(salt) };
    passphraseHash = await kdf.slowHash(input.passphrase, salt, SHARE_PASSPHRASE_KDF);
  }
  const finalKey = shareFinalKey(linkKey, passphraseHash);
  try {
    const { link } = await call(port, routes.createShareLink, {
      body: {
        id: linkId,
        ciphertext: sealSharePayload(finalKey, linkId, input.payload),
        proofHash: shareProofHash(shareAccessProof(finalKey)),
        passphrase,
        expiresInSeconds: input.expiresInSeconds,
        maxViews: input.maxViews,
        source: input.source ?? null,
      },
    });
    return { id: linkId, url: shareLinkUrl(port.origin, secret), link };
  } finally {
    const sodium = requireSodium();
    sodium.memzero(finalKey);
    sodium.memzero(linkKey);
    if (passphraseHash) sodium.memzero(passphraseHash);
  }
}

export const shareLinkUrl = (origin: string, secret: Uint8Array) =>
  `${origin.replace(/\/+$/, "")}/s#${formatShareFragment(secret)}`;

/** Used, expired, revoked, frozen or unknown: the recipient is told the same thing for all. */
export type ShareLinkGone = { status: "gone" };

export type InspectedShareLink =
  | ShareLinkGone
  | {
      status: "ready";
      passphraseRequired: boolean;
      passphrase: SharePassphraseKdfDto | null;
      expiresAt: string;
    };

export type RevealedShareLink =
  | ShareLinkGone
  | { status: "wrong_passphrase"; message: string }
  | { status: "revealed"; payload: SharePayload; viewsLeft: number };

/** A malformed fragment is a usage error the reveal page shows as a sentence. */
function linkOf(fragment: string) {
  try {
    return deriveShareLinkKeys(parseShareFragment(fragment));
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new SdkError(
        "bad_link",
        "This link is incomplete: copy the whole address, including everything after #.",
      );
    }
    throw error;
  }
}

const isGone = (error: unknown) =>
  error instanceof SdkError &&
  (error.code === SHARE_GONE_CODE || error.status === 410 || error.status === 404);

/** Whether a link is still there and needs a passphrase. Spends no view. */
export async function inspectShareLink(
  port: HttpPort,
  fragment: string,
): Promise<InspectedShareLink> {
  await getSodium();
  const { linkId, linkKey } = linkOf(fragment);
  requireSodium().memzero(linkKey);
  try {
    const answer = await call(port, routes.inspectShareLink, { params: { id: linkId } });
    return {
      status: "ready",
      passphraseRequired: answer.passphrase !== null,
      passphrase: answer.passphrase,
      expiresAt: answer.expiresAt,
    };
  } catch (error) {
    if (isGone(error)) return { status: "gone" };
    throw error;
  }
}

/**
 * Spends one view and opens the payload. A wrong passphrase is refused by the server from the
 * proof alone, so it spends nothing (and ten of them revoke the link). `passphrase` (the
 * params from inspectShareLink) is looked up again when not given.
 */
export async function revealShareLink(
  port: HttpPort,
  fragment: string,
  passphrase: string | undefined,
  kdf: KdfRunner,
  inspected?: SharePassphraseKdfDto | null,
): Promise<RevealedShareLink> {
  await getSodium();
  const { linkId, linkKey } = linkOf(fragment);
  let settings = inspected;
  if (settings === undefined) {
    const found = await inspectShareLink(port, fragment);
    if (found.status === "gone") return found;
    settings = found.passphrase;
  }
  let passphraseHash: Uint8Array | null = null;
  if (settings) {
    if (!passphrase) {
      return { status: "wrong_passphrase", message: "This link needs its passphrase." };
    }
    if (isBelowKdfFloor(settings.kdf)) {
      throw new SdkError("server", "The server asked for a passphrase hash weaker than allowed.");
    }
    passphraseHash = await kdf.slowHash(passphrase, fromBase64Url(settings.salt), settings.kdf);
  }
  const finalKey = shareFinalKey(linkKey, passphraseHash);
  try {
    const answer = await call(port, routes.revealShareLink, {
      params: { id: linkId },
      body: { proof: shareAccessProof(finalKey) },
    });
    let payload: SharePayload;
    try {
      payload = openSharePayload(finalKey, linkId, answer.ciphertext);
    } catch {
      throw new SdkError("tampered", "The link's contents could not be opened: they were altered.");
    }
    return { status: "revealed", payload, viewsLeft: answer.viewsLeft };
  } catch (error) {
    if (isGone(error)) return { status: "gone" };
    if (error instanceof SdkError && error.code === SHARE_WRONG_PASSPHRASE_CODE) {
      return { status: "wrong_passphrase", message: error.message };
    }
    throw error;
  } finally {
    const sodium = requireSodium();
    sodium.memzero(finalKey);
    sodium.memzero(linkKey);
    if (passphraseHash) sodium.memzero(passphraseHash);
  }
}

/** The signed-in person's own links, newest first. */
export async function listMyShareLinks(port: HttpPort): Promise<ShareLinkDto[]> {
  return (await call(port, routes.listShareLinks)).links;
}

/** The creator revokes their link, or an admin any link of the org. */
export async function revokeShareLink(port: HttpPort, id: string): Promise<ShareLinkDto> {
  return (await call(port, routes.revokeShareLink, { params: { id } })).link;
}

/** Every link of the organisation, without contents (admins). */
export async function listOrgShareLinks(port: HttpPort): Promise<ShareLinkDto[]> {
  return (await call(port, routes.adminShareLinks)).links;
}

/** The rules a new link must keep to (any signed-in person may read them). */
export async function shareLinkRules(port: HttpPort): Promise<ShareLinkPolicyDto> {
  return (await call(port, routes.shareLinkRules)).policy;
}

export async function getShareLinkPolicy(port: HttpPort): Promise<ShareLinkPolicyDto> {
  return (await call(port, routes.shareLinkPolicy)).policy;
}

export async function setShareLinkPolicy(
  port: HttpPort,
  policy: ShareLinkPolicyDto,
): Promise<ShareLinkPolicyDto> {
  return (await call(port, routes.setShareLinkPolicy, { body: policy })).policy;
}
