import { errorMessage } from "@/lib/client/api";
import { webAuthnProblem } from "@/lib/client/mfa";

/** A sentence for an alert, whether the browser's key prompt or our API refused. */
export function keyErrorMessage(error: unknown): string {
  return webAuthnProblem(error) ?? errorMessage(error);
}
