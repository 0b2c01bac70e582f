import { z } from "zod";
import { fromBase64Url, type KeyPair } from "@/lib/crypto";
import { SdkError, type HttpPort } from "@/lib/sdk/http-port";
import { nodeHttpPort } from "./adapters/http";
import { readConfigFile, removeConfigFile, writeConfigFile } from "./config";
import { CliError, EXIT } from "./errors";

/** The file `coffer login` leaves in the config folder (0600): it opens the person's vaults. */
export const SESSION_FILE = "session.json";

const sessionFile = z.object({
  version: z.literal(1),
  url: z.string(),
  userId: z.string(),
  email: z.string(),
  sessionId: z.string(),
  sessionToken: z.string(),
  sessionExpiresAt: z.string(),
  /** The ephemeral keypair of this login, and the userKey the browser sealed to it. */
  devicePublicKey: z.string(),
  devicePrivateKey: z.string(),
  sealedUserKey: z.string(),
});
export type PersonSession = z.infer<typeof sessionFile>;

export function savePersonSession(session: PersonSession): void {
  writeConfigFile(SESSION_FILE, `${JSON.stringify(session, null, 2)}\n`);
}

export const removePersonSession = () => removeConfigFile(SESSION_FILE);

/** The signed-in person's session, or the "not signed in" exit. */
export function requirePersonSession(): PersonSession {
  const text = readConfigFile(SESSION_FILE);
  if (text === null) {
    throw new CliError(EXIT.notSignedIn, "Not signed in: run coffer login <url> first.");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const session = sessionFile.safeParse(parsed);
  if (!session.success) {
    throw new CliError(EXIT.notSignedIn, "The session file is damaged: run coffer login again.");
  }
  return session.data;
}

export function deviceKeyPair(session: PersonSession): KeyPair {
  return {
    publicKey: fromBase64Url(session.devicePublicKey),
    privateKey: fromBase64Url(session.devicePrivateKey),
  };
}

const ENDED =
  "Your Coffer session has ended (signed out, expired, suspended or offboarded): run coffer login again.";

/**
 * The SDK's transport with the session's bearer credential on every request. A 401 means the
 * row behind it said no: that is the "session ended" exit, with one sentence that says what to
 * do, whatever the server's wording.
 */
export function personHttpPort(session: Pick<PersonSession, "url" | "sessionToken">): HttpPort {
  const inner = nodeHttpPort(session.url);
  return {
    async request(input) {
      try {
        return await inner.request({
          ...input,
          headers: { ...input.headers, authorization: `Bearer ${session.sessionToken}` },
        });
      } catch (error) {
        if (error instanceof SdkError && error.status === 401) {
          throw new CliError(EXIT.sessionEnded, ENDED);
        }
        throw error;
      }
    },
  };
}
