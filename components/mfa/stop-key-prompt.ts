import { WebAuthnAbortService } from "@simplewebauthn/browser";

/**
 * Ends the browser's wait for a security key, which would otherwise last until the request
 * times out (two minutes) when no key is plugged in. If the prompt has not opened yet (its
 * options are still on the way), it is ended as soon as it does: a prompt left behind could
 * still register a key whose recovery codes nobody sees.
 */
export function stopKeyPrompt(operation: Promise<unknown>) {
  WebAuthnAbortService.cancelCeremony();
  const timer = window.setInterval(() => WebAuthnAbortService.cancelCeremony(), 100);
  const stop = () => window.clearInterval(timer);
  operation.then(stop, stop);
}
