import "server-only";
import crypto from "node:crypto";
import { parseBearerCredential, type MachineTokenKind } from "@/lib/crypto/machine-token";
import { HttpError } from "../errors";
import { addressMatcher, parseAddressRanges } from "../ip-address";
import {
  consumeTokenUse,
  findTokenForAuthentication,
  type TokenForAuthentication,
} from "../data/machine-tokens";

/** A request made by a machine with a service-account token. */
export interface MachinePrincipal {
  kind: "machine";
  tokenId: string;
  tokenKind: MachineTokenKind;
  serviceAccountId: string;
  serviceAccountName: string;
  maxTokenTtlSeconds: number;
  /** Empty: every vault the account is granted. */
  vaultIds: string[];
  readOnly: boolean;
  /** The person the token chain started from, for offboarding and audit. */
  createdById: string | null;
  /** The token row as authenticated, with the account's public and wrapped keys. */
  token: TokenForAuthentication;
}

/**
 * Refusals a machine client can act on: each has its own code (and a CLI exit code), but none
 * says more than the holder of the token already knows.
 */
const tokenRefused = (code: string, message: string, status = 401) =>
  new HttpError(status, code, message);

const invalid = () => tokenRefused("token_invalid", "This token is not valid.");

/** The bearer credential of a request, or null when it carries none. */
export function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

function secretMatches(row: TokenForAuthentication, authSecret: Uint8Array): boolean {
  const expected = Buffer.from(row.authSecretHash, "base64url");
  const actual = crypto.createHash("sha256").update(authSecret).digest();
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/** Why a token that exists and matched its secret cannot be used now. */
function refusalOf(row: TokenForAuthentication, now: number): HttpError | null {
  if (row.revokedAt) return tokenRefused("token_revoked", "This token was revoked.");
  if (row.suspendedAt) {
    return tokenRefused("token_suspended", "This token was suspended by a lockdown.");
  }
  if (row.exchangedAt) {
    return tokenRefused("token_used_up", "This bootstrap token was already exchanged.");
  }
  if (row.expiresAt.getTime() <= now) return tokenRefused("token_expired", "This token expired.");
  if (row.usesLeft !== null && row.usesLeft <= 0) {
    return tokenRefused("token_used_up", "This token has no uses left.");
  }
  if (row.serviceAccount.status !== "active") {
    return tokenRefused("account_disabled", "This service account is disabled.", 403);
  }
  return null;
}

function addressAllowed(allowedCidrs: string[], address: string): boolean {
  if (!allowedCidrs.length) return true;
  const parsed = parseAddressRanges(allowedCidrs.join(","));
  // A stored list is validated when the token is made; an unreadable one admits nobody.
  if ("invalid" in parsed) return false;
  return addressMatcher(parsed.ranges)(address);
}

/**
 * Every limit, on every request: the secret (compared in constant time against its SHA-256),
 * revocation, lockdown, expiry, the account's status, the address allow-list — and then one use,
 * taken atomically, so a token with one use left admits exactly one of two parallel requests.
 */
export async function authenticateMachineToken(
  bearer: string,
  address: string,
  options: {
    /**
     * False only for the bootstrap exchange, whose own transaction takes the one use and tells
     * a replay apart from an ordinary refusal.
     */
    consume?: boolean;
    /** Called when a bootstrap token that was already exchanged is presented again. */
    onReplay?: (row: TokenForAuthentication) => Promise<void>;
  } = {},
): Promise<MachinePrincipal> {
  const credential = parseBearerCredential(bearer);
  if (!credential) throw invalid();
  const row = await findTokenForAuthentication(credential.tokenId);
  if (!row || row.kind !== credential.kind || !secretMatches(row, credential.authSecret)) {
    throw invalid();
  }
  const refusal = refusalOf(row, Date.now());
  if (refusal) {
    if (row.kind === "bt" && row.exchangedAt) await options.onReplay?.(row);
    throw refusal;
  }
  if (!addressAllowed(row.allowedCidrs, address)) {
    throw tokenRefused("token_address", "This token may not be used from this address.", 403);
  }
  if (options.consume !== false && !(await consumeTokenUse(row.id, address))) {
    // Lost a race for the last use, or changed meanwhile: read why, as a fresh request would.
    const fresh = await findTokenForAuthentication(row.id);
    throw (fresh && refusalOf(fresh, Date.now())) ?? invalid();
  }
  return {
    kind: "machine",
    tokenId: row.id,
    tokenKind: row.kind,
    serviceAccountId: row.serviceAccount.id,
    serviceAccountName: row.serviceAccount.name,
    maxTokenTtlSeconds: row.serviceAccount.maxTokenTtlSeconds,
    vaultIds: row.vaultIds,
    readOnly: row.readOnly,
    createdById: row.createdById,
    token: row,
  };
}
