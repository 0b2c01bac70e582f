import * as signIn from "@/lib/sdk/sign-in";
import { browserHttpPort } from "./http-port";

export { SignInError } from "@/lib/sdk/sign-in";
export { WrongPasswordError } from "@/lib/sdk/unlock";
export { wipe } from "@/lib/sdk/unlocked-account";

/** Ends the server session; the caller then navigates to /signin, which drops memory anyway. */
export async function signOut(): Promise<void> {
  try {
    await signIn.signOut(browserHttpPort({ redirectOnUnauthorized: false }));
  } catch {
    // Going to /signin still wipes the keys; a lingering session expires on its own limits.
  }
}
