import "server-only";
import { deviceCode, fromBase64Url, getSodium, normaliseDeviceCode } from "@/lib/crypto";
import {
  DEVICE_LOGIN_POLL_INTERVAL_SECONDS,
  USER_SESSION_TOKEN_PREFIX,
  type DeviceLoginDto,
  type PollDeviceLoginResponse,
} from "@/lib/api/device-login";
import { env } from "../env";
import { HttpError, badRequest, conflict, forbidden, notFound } from "../errors";
import { hashToken, randomId, randomToken } from "../tokens";
import { createSession } from "../data/sessions";
import { findSessionUser } from "../data/users";
import { isLockedDown } from "../data/lockdown";
import {
  answerDeviceLogin,
  clearUnredeemedSealedKeys,
  countWaitingDeviceLogins,
  deleteUnansweredDeviceLogins,
  findDeviceLogin,
  findWaitingDeviceLogin,
  insertDeviceLogin,
  linkDeviceLoginSession,
  markDeviceLoginRedeemed,
  publicKeyTaken,
} from "../data/device-logins";

// Waiting requests one address may hold: enough for a team behind one NAT, too few to fill
// the table from an unauthenticated endpoint.
const WAITING_PER_ADDRESS = 30;

const expired = () =>
  new HttpError(410, "device_login_expired", "This sign-in request has expired. Start again.");
const used = () =>
  new HttpError(410, "device_login_used", "This sign-in request has been used already.");
const denied = () =>
  new HttpError(403, "device_login_denied", "This sign-in request was refused in the browser.");
const noSuchRequest = () => notFound("No waiting sign-in request matches.");

// When this process last swept: a burst of new requests sweeps once per lifetime, not each time.
let lastSweepMs = 0;

/**
 * The sweep of stale requests (decision 0037), run when a new one is made, at most once per
 * request lifetime and process: new requests are the only way unanswered rows come into being, so
 * they never outnumber three lifetimes' worth. An unanswered request is kept one more lifetime
 * after it expires, so a CLI polling late hears "expired" rather than "no such request". An
 * expired approval can no longer be redeemed, so its sealed userKey goes at the first sweep; the
 * row stays as the record of who approved it.
 */
export async function pruneExpiredDeviceLogins(now: Date) {
  const lifetimeMs = env.COFFER_DEVICE_LOGIN_MINUTES * 60_000;
  if (now.getTime() - lastSweepMs < lifetimeMs) return;
  lastSweepMs = now.getTime();
  await deleteUnansweredDeviceLogins(new Date(now.getTime() - lifetimeMs));
  await clearUnredeemedSealedKeys(now);
}

/** The CLI's request: its public key names the code; the poll secret goes back once. */
export async function startDeviceLogin(input: {
  publicKey: string;
  clientName: string;
  ipAddress: string | null;
}) {
  await getSodium();
  const now = new Date();
  await pruneExpiredDeviceLogins(now);
  if ((await countWaitingDeviceLogins(input.ipAddress, now)) >= WAITING_PER_ADDRESS) {
    throw new HttpError(429, "rate_limited", "Too many sign-in requests waiting. Try later.");
  }
  // A key is made fresh for each login: a repeated one is a replay, and a second row would
  // share the first one's code.
  if (await publicKeyTaken(input.publicKey)) {
    throw conflict("This public key was used for a sign-in request before.", "public_key_used");
  }
  const pollToken = randomToken(32);
  const row = {
    id: randomId(),
    publicKey: input.publicKey,
    code: deviceCode(fromBase64Url(input.publicKey)),
    clientName: input.clientName,
    pollTokenHash: hashToken(pollToken),
    expiresAt: new Date(now.getTime() + env.COFFER_DEVICE_LOGIN_MINUTES * 60_000),
    ipAddress: input.ipAddress,
  };
  await insertDeviceLogin(row);
  return {
    id: row.id,
    pollToken,
    expiresAt: row.expiresAt.toISOString(),
    interval: DEVICE_LOGIN_POLL_INTERVAL_SECONDS,
  };
}

/** A waiting request, found by the code the person typed or by its id. */
export async function findWaitingRequest(
  by: { code: string } | { id: string },
): Promise<DeviceLoginDto> {
  let where = by;
  if ("code" in by) {
    const code = normaliseDeviceCode(by.code);
    if (!code) throw badRequest("code must be the ten characters the command line shows", "code");
    where = { code };
  }
  const row = await findWaitingDeviceLogin(where, new Date());
  if (!row) throw noSuchRequest();
  return {
    id: row.id,
    publicKey: row.publicKey,
    clientName: row.clientName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    ipAddress: row.ipAddress,
  };
}

/** Records the person's answer; only a waiting, unexpired request can be answered, once. */
export async function answerRequest(
  id: string,
  answer: { approvedById: string; sealedUserKey: string } | { deniedById: string },
) {
  const now = new Date();
  if ((await answerDeviceLogin(id, now, answer)) === 1) return;
  const row = await findDeviceLogin(id);
  if (!row) throw noSuchRequest();
  if (row.approvedAt || row.deniedAt) throw conflict("This sign-in request was answered already.");
  throw expired();
}

/**
 * The CLI's poll. Once approved, the first poll redeems the request: a new Session row for the
 * approver (a command-line session like any other, within the same limits) and the sealed
 * userKey, handed over once. The poll secret is the only authority here, not a cookie.
 */
export async function pollRequest(
  id: string,
  pollToken: string,
  ipAddress: string | null,
): Promise<{ answer: PollDeviceLoginResponse; redeemedBy?: string }> {
  const row = await findDeviceLogin(id);
  const pollTokenHash = hashToken(pollToken);
  if (!row || row.pollTokenHash !== pollTokenHash) throw noSuchRequest();
  const now = new Date();
  if (row.redeemedAt) throw used();
  if (row.deniedAt) throw denied();
  if (row.expiresAt <= now) throw expired();
  if (!row.approvedAt || !row.approvedById || !row.sealedUserKey) {
    return { answer: { status: "pending", interval: DEVICE_LOGIN_POLL_INTERVAL_SECONDS } };
  }
  if ((await markDeviceLoginRedeemed(id, pollTokenHash, now)) !== 1) throw used();
  const user = await findSessionUser(row.approvedById);
  if (!user || user.status !== "active") throw forbidden("This account is suspended.");
  if (user.role === "member" && (await isLockedDown())) {
    throw forbidden("Sign-in is paused while the organisation is locked down.");
  }
  const session = await createSession({
    userId: user.id,
    lifetimeMs: env.COFFER_SESSION_MAX_HOURS * 3_600_000,
    userAgent: `coffer CLI (${row.clientName})`,
    ipAddress,
    mfaVerified: true,
  });
  await linkDeviceLoginSession(id, session.sessionId);
  return {
    answer: {
      status: "approved",
      sessionToken: `${USER_SESSION_TOKEN_PREFIX}${session.token}`,
      sessionId: session.sessionId,
      sessionExpiresAt: session.expiresAt.toISOString(),
      userId: user.id,
      email: user.email,
      sealedUserKey: row.sealedUserKey,
    },
    redeemedBy: user.id,
  };
}
