// Security keys in the browser: Chromium's virtual authenticators over CDP stand in for
// YubiKeys, and the steps a person takes with them are shared by the MFA specs.
import type { BrowserContext, CDPSession, Page } from "playwright-core";

export interface VirtualKey {
  authenticatorId: string;
  cdp: CDPSession;
}

async function credentialsOf(key: VirtualKey) {
  const { credentials } = await key.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: key.authenticatorId,
  });
  return credentials;
}

/** What a key holds: enough to plug the same key in again after unplugging it. */
export type KeyCredentials = Awaited<ReturnType<typeof credentialsOf>>;

// One CDP session per page: the virtual environment belongs to the page, and a second
// WebAuthn.enable from another session would fight over it.
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpFor(context: BrowserContext, page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = context.newCDPSession(page).then(async (cdp) => {
      await cdp.send("WebAuthn.enable");
      return cdp;
    });
    sessions.set(page, session);
  }
  return session;
}

/**
 * Plugs a roaming key (USB, CTAP2, no PIN, not discoverable) into this page's browser; it
 * answers every prompt at once, as if touched, until told otherwise with `setKeyTouched`.
 * `credentials` (from `unplugKey`) make it the same key as before.
 */
export async function addVirtualAuthenticator(
  context: BrowserContext,
  page: Page,
  credentials: KeyCredentials = [],
): Promise<VirtualKey> {
  const cdp = await cdpFor(context, page);
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "usb",
      hasResidentKey: false,
      hasUserVerification: false,
      isUserVerified: false,
      automaticPresenceSimulation: true,
    },
  });
  for (const credential of credentials) {
    await cdp.send("WebAuthn.addCredential", { authenticatorId, credential });
  }
  return { authenticatorId, cdp };
}

/**
 * Whether the person touches this key when the browser asks. With several keys plugged in,
 * only the intended one should answer: a key holding an excluded credential (registration)
 * or none of the allowed ones (assertion) would otherwise end the ceremony with an error.
 */
export async function setKeyTouched(key: VirtualKey, touched: boolean) {
  await key.cdp.send("WebAuthn.setAutomaticPresenceSimulation", {
    authenticatorId: key.authenticatorId,
    enabled: touched,
  });
}

/** Unplugs the key; what it held comes back, to plug it in again later. */
export async function unplugKey(key: VirtualKey): Promise<KeyCredentials> {
  const credentials = await credentialsOf(key);
  await key.cdp.send("WebAuthn.removeVirtualAuthenticator", {
    authenticatorId: key.authenticatorId,
  });
  return credentials;
}

/** On "Save your recovery codes": reads the ten codes, ticks the box and continues. */
export async function saveRecoveryCodes(page: Page, continueLabel = "Continue") {
  await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor({
    timeout: 30_000,
  });
  const codes = (await page.getByTestId("recovery-code").allInnerTexts()).map((code) =>
    code.trim(),
  );
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: continueLabel, exact: true }).click();
  return codes;
}

/**
 * The "Add a security key" step (on /mfa, or in place of the sign-in form): names the key,
 * registers it with the virtual authenticator, saves the recovery codes and returns them.
 */
export async function enrolSecurityKeyOnMfaPage(page: Page, nickname: string) {
  await page.getByRole("heading", { name: "Add a security key" }).waitFor({ timeout: 60_000 });
  await page.getByLabel("Key nickname").fill(nickname);
  await page.getByRole("button", { name: "Add security key" }).click();
  return saveRecoveryCodes(page);
}

/** The "Confirm it's you" step of a sign-in, answered with a key. */
export async function confirmSignInWithKey(page: Page) {
  await page.getByRole("heading", { name: "Confirm it's you" }).waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Use security key" }).click();
}

/** The step-up dialog the authenticated layout shows before a sensitive action. */
export async function confirmStepUp(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Confirm with your security key" });
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "Use security key" }).click();
  await dialog.waitFor({ state: "hidden", timeout: 30_000 });
}
