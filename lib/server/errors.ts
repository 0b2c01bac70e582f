import "server-only";

/** A failure the route wrapper turns into `{ error: { code, message, field? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string, field?: string) =>
  new HttpError(400, "bad_request", message, field);
export const unauthorized = (message = "Sign in to continue.") =>
  new HttpError(401, "unauthorized", message);
export const forbidden = (message = "You are not allowed to do this.") =>
  new HttpError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new HttpError(404, "not_found", message);
export const conflict = (message: string, code = "conflict") => new HttpError(409, code, message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, "rate_limited", "Too many attempts. Try again later.", undefined, {
    "Retry-After": String(retryAfterSeconds),
  });

/** The session waits for a security key (or a recovery code) before anything else. */
export const mfaPending = () =>
  new HttpError(403, "mfa_pending", "Confirm this sign-in with your security key first.");

/** Out of the org's MFA policy: only enrolling a key is open. */
export const mfaEnrolmentRequired = () =>
  new HttpError(
    403,
    "mfa_enrolment_required",
    "Your organisation requires a security key. Add one to continue.",
  );

/** A sensitive action needs a fresh security-key check. */
export const stepUpRequired = (message = "Confirm this action with your security key.") =>
  new HttpError(403, "step_up_required", message);
