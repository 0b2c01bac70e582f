import { SdkError } from "@/lib/sdk/http-port";

/**
 * The CLI's exit codes, one per kind of failure a script may want to branch on (documented in
 * docs/cli.md). `coffer run` passes its child's exit code through once the child has started.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notSignedIn: 3,
  sessionEnded: 4,
  tokenEnded: 5,
  forbidden: 6,
  notFound: 7,
  network: 8,
  server: 9,
  /** `coffer import`: the file is in no format Coffer reads, or damaged. */
  unreadableImport: 10,
  /** `coffer import`: the encrypted file's password is wrong. */
  wrongPassword: 11,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure meant for the person at the terminal: one sentence and an exit code. Messages
 * name what went wrong (an option, a reference, a file) and never carry a secret value.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);

const TOKEN_ENDED = new Set([
  "token_invalid",
  "token_revoked",
  "token_suspended",
  "token_expired",
  "token_used_up",
]);

/** The server's (or the transport's) error code, as an exit code. */
export function exitCodeOf(error: SdkError): ExitCode {
  if (TOKEN_ENDED.has(error.code)) return EXIT.tokenEnded;
  if (error.code === "network") return EXIT.network;
  if (error.code === "usage" || error.code === "bad_request") return EXIT.usage;
  if (error.code === "session_ended" || error.code === "unauthorized") return EXIT.sessionEnded;
  if (error.code === "not_found" || error.status === 404) return EXIT.notFound;
  if (error.status === 403) return EXIT.forbidden;
  if (error.code === "server" || (error.status ?? 0) >= 500) return EXIT.server;
  return EXIT.failure;
}

/** Anything thrown, as one CliError; unknown errors keep only their class name, not their text. */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof SdkError) return new CliError(exitCodeOf(error), error.message);
  if (error instanceof Error && error.name === "CryptoError") {
    return new CliError(EXIT.failure, `Could not decrypt: ${error.message}.`);
  }
  const kind = error instanceof Error ? error.name : typeof error;
  return new CliError(EXIT.failure, `Unexpected ${kind}; run with COFFER_DEBUG=1 for details.`);
}

/** One line on stderr: `coffer: <message>`; the exit code says the rest. */
export function printError(error: CliError, stderr: NodeJS.WritableStream = process.stderr) {
  stderr.write(`coffer: ${error.message.replace(/\s*\n\s*/g, " ")}\n`);
}
