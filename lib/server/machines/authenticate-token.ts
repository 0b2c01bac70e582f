import "server-only";
import crypto from "node:crypto";
import { parseBearerCredential, type MachineTokenKind } from "@/lib/crypto/machine-token";
import { HttpError } from "../errors";
import { addressMatcher, parseAddressRanges } from "../ip-address";
import {
  consumeTokenUse,
  findTokenForAuthentication,
  readTokenAndTakeUse,
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
  /**
   * The token row as authenticated, after the use this request took (none for the bootstrap
   * exchange), with the account's public and wrapped keys.
   */
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

const sha256 = (authSecret: Uint8Array) => crypto.createHash("sha256").update(authSecret).digest();

function secretMatches(row: TokenForAuthentication, authSecret: Uint8Array): boolean {
  const expected = Buffer.from(row.authSecretHash, "base64url");
  const actual = sha256(authSecret);
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

// Parsed allow-lists by their stored text: a token's list never changes, and parsing it on
// every request of a busy token is wasted work. Bounded; a full cache starts over.
const allowListMatchers = new Map<string, ((address: string) => boolean) | null>();
const allowListCacheSize = 1000;

function allowListMatcher(allowedCidrs: string[]) {
  const key = allowedCidrs.join(",");
  let matcher = allowListMatchers.get(key);
  if (matcher === undefined) {
    const parsed = parseAddressRanges(key);
    // A stored list is validated when the token is made; an unreadable one admits nobody.
    matcher = "invalid" in parsed ? null : addressMatcher(parsed.ranges);
    if (allowListMatchers.size >= allowListCacheSize) allowListMatchers.clear();
    allowListMatchers.set(key, matcher);
  }
  return matcher;
}

function addressAllowed(allowedCidrs: string[], address: string): boolean {
  if (!allowedCidrs.length) return true;
  return allowListMatcher(allowedCidrs)?.(address) ?? false;
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
  const now = new Date();
  const consume = options.consume !== false;
  // The common case costs one statement: read the token and take its use together.
  const found = await readTokenAndTakeUse({
    tokenId: credential.tokenId,
    kind: credential.kind,
    authSecretHash: sha256(credential.authSecret).toString("base64url"),
    address,
    consume,
    now,
  });
  if (!found || found.kind !== credential.kind || !secretMatches(found, credential.authSecret)) {
    throw invalid();
  }
  const { consumed, ...token } = found;
  let row: TokenForAuthentication = token;
  // Not taken: a limit refuses it, the token has an allow-list, or it is a read-only check.
  if (!consumed) {
    const refusal = refusalOf(row, now.getTime());
    if (refusal) {
      if (row.kind === "bt" && row.exchangedAt) await options.onReplay?.(row);
      throw refusal;
    }
    if (!addressAllowed(row.allowedCidrs, address)) {
      throw tokenRefused("token_address", "This token may not be used from this address.", 403);
    }
    if (consume) {
      if (!(await consumeTokenUse(row.id, address, now))) {
        // Lost a race for the last use, or changed meanwhile: read why, as a fresh request would.
        const fresh = await findTokenForAuthentication(row.id);
        throw (fresh && refusalOf(fresh, Date.now())) ?? invalid();
      }
      row = {
        ...row,
        usesLeft: row.usesLeft === null ? null : row.usesLeft - 1,
        lastUsedAt: now,
        lastUsedAddress: address,
      };
    }
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
