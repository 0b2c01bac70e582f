import {
  deviceCode,
  getSodium,
  newDeviceKeyPair,
  openDeviceUserKey,
  toBase64Url,
  type KeyPair,
} from "@/lib/crypto";
import type { PollDeviceLoginResponse } from "@/lib/api/device-login";
import { routes } from "@/lib/api/routes";
import { call } from "./call";
import { SdkError, type HttpPort } from "./http-port";
import { fetchKeyMaterial, openWithUserKey } from "./unlock";
import { wipe, type UnlockedAccount } from "./unlocked-account";

export type ApprovedDeviceLogin = Extract<PollDeviceLoginResponse, { status: "approved" }>;

/** A `coffer login` in progress: the ephemeral keypair stays on this machine. */
export interface StartedDeviceLogin {
  id: string;
  pollToken: string;
  expiresAt: string;
  interval: number;
  /** Derived from the public key: what the person types into the browser. */
  code: string;
  keyPair: KeyPair;
}

const MAX_POLL_SECONDS = 10;

export async function startDeviceLogin(
  http: HttpPort,
  clientName: string,
): Promise<StartedDeviceLogin> {
  await getSodium();
  const keyPair = newDeviceKeyPair();
  const started = await call(http, routes.startDeviceLogin, {
    body: { publicKey: toBase64Url(keyPair.publicKey), clientName },
  });
  return { ...started, code: deviceCode(keyPair.publicKey), keyPair };
}

/**
 * Polls until the person approves (or refuses, or the request expires, which the server says
 * as an error). The wait grows from the server's interval by half each time, up to ten
 * seconds: quick when the person is fast, gentle when they are not.
 */
export async function waitForApproval(
  http: HttpPort,
  started: StartedDeviceLogin,
  sleep: (ms: number) => Promise<void>,
  now: () => number = Date.now,
): Promise<ApprovedDeviceLogin> {
  let seconds = started.interval;
  const deadline = Date.parse(started.expiresAt);
  for (;;) {
    const answer = await call(http, routes.pollDeviceLogin, {
      params: { id: started.id },
      body: { pollToken: started.pollToken },
    });
    if (answer.status === "approved") return answer;
    if (now() + seconds * 1000 > deadline) {
      throw new SdkError("device_login_expired", "Nobody approved the sign-in in time.");
    }
    await sleep(seconds * 1000);
    seconds = Math.min(MAX_POLL_SECONDS, Math.max(answer.interval, seconds * 1.5));
  }
}

/**
 * The person's keys on this machine: the sealed userKey opens with the device's keypair, then
 * the private keys from GET /account/keys with it, checked against their public keys. `http`
 * must carry the session's bearer credential.
 */
export async function unlockDeviceSession(
  http: HttpPort,
  session: { userId: string; sealedUserKey: string },
  keyPair: KeyPair,
): Promise<UnlockedAccount> {
  const material = await fetchKeyMaterial(http);
  if (material.userId !== session.userId) {
    throw new SdkError("key_material_mismatch", "The server returned keys for another account.");
  }
  const userKey = openDeviceUserKey(session.sealedUserKey, keyPair);
  try {
    return await openWithUserKey(userKey, material);
  } catch (error) {
    wipe(userKey);
    throw error;
  }
}
