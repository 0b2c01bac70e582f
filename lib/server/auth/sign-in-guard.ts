import "server-only";
import { email as emailSchema } from "@/lib/api/common";
import { clientAddress } from "../request-origin";
import { tooManyRequests } from "../errors";
import { errorResponse } from "../route";
import { signInRetryAfter } from "./rate-limit";

/**
 * Runs before next-auth's credentials callback: answers 429 with Retry-After when the
 * account or the address has too many recent failures. next-auth itself can only redirect.
 */
export async function signInAttemptGuard(
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
): Promise<Response | null> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = emailSchema.safeParse(form?.get("email") ?? "");
  const address = clientAddress(request.headers);
  const retryAfter = await signInRetryAfter(email.success ? email.data : "", address);
  return retryAfter > 0 ? errorResponse(tooManyRequests(retryAfter)) : null;
}
