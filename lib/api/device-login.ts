import { z } from "zod";
import { base64url } from "./common";

/** The seconds a CLI waits between two polls at first; it backs off from there. */
export const DEVICE_LOGIN_POLL_INTERVAL_SECONDS = 2;

/**
 * The prefix of the credential a command-line session presents as `Authorization: Bearer`:
 * fixed, so secret scanners find a leaked one, and distinct from the machine tokens' `coffer_sa_`.
 */
export const USER_SESSION_TOKEN_PREFIX = "coffer_us_";

/** The session credential a CLI sends, or null when the header carries something else. */
export function userSessionSecretOf(authorization: string | null): string | null {
  const match = /^Bearer\s+coffer_us_([A-Za-z0-9_-]{43})$/i.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}

export const createDeviceLoginRequest = z.object({
  publicKey: base64url(32),
  clientName: z.string().trim().min(1).max(100),
});

export const createDeviceLoginResponse = z.object({
  id: z.string(),
  pollToken: z.string(),
  expiresAt: z.string(),
  interval: z.number().int(),
});

/** What the approving browser is shown; it recomputes the code from publicKey itself. */
export const deviceLoginDto = z.object({
  id: z.string(),
  publicKey: z.string(),
  clientName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  ipAddress: z.string().nullable(),
});
export type DeviceLoginDto = z.infer<typeof deviceLoginDto>;

export const deviceLoginLookupQuery = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[0-9A-Za-z\s-]+$/, "must be the code the command line shows"),
});

export const deviceLoginLookupResponse = z.object({ deviceLogin: deviceLoginDto });

export const approveDeviceLoginRequest = z.object({
  /** crypto_box_seal(userKey, publicKey): 32 bytes plus the 48-byte seal overhead. */
  sealedUserKey: base64url(80),
});

export const pollDeviceLoginRequest = z.object({ pollToken: base64url(32) });

export const pollDeviceLoginResponse = z.discriminatedUnion("status", [
  z.object({ status: z.literal("pending"), interval: z.number().int() }),
  z.object({
    status: z.literal("approved"),
    /** `coffer_us_…`, shown once: the server keeps only its hash, in the Session row. */
    sessionToken: z.string(),
    sessionId: z.string(),
    sessionExpiresAt: z.string(),
    userId: z.string(),
    email: z.string(),
    sealedUserKey: z.string(),
  }),
]);
export type PollDeviceLoginResponse = z.infer<typeof pollDeviceLoginResponse>;
