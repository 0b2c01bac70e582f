/**
 * The HTTP status an error carries, whichever transport threw it: the SDK's SdkError and the
 * browser's ApiError both name it `status`, so protocol code decides on retries without
 * knowing which adapter it runs on.
 */
export function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error) || !("status" in error)) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

/** Someone else rotated or wrote meanwhile: rebuild from fresh data and try again. */
export function isConflict(error: unknown): boolean {
  return httpStatusOf(error) === 409;
}

/** The request never got an answer: no connection, or the page is going away. */
export function isInterruption(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "network";
}

export type VaultAccessProblem =
  { kind: "keys-changed"; email: string } | { kind: "no-grant" } | { kind: "integrity" };

/**
 * A vault this client will not open: no grant for us, or a granter whose keys differ from the
 * ones we pinned. Cryptographic failures (signature, recipient, rollback) are CryptoErrors.
 */
export class VaultAccessError extends Error {
  constructor(readonly problem: Exclude<VaultAccessProblem, { kind: "integrity" }>) {
    super(
      problem.kind === "no-grant"
        ? "There is no grant for you in this vault."
        : `${problem.email}'s keys changed — a manager must re-confirm them.`,
    );
    this.name = "VaultAccessError";
  }
}
