// The soft authenticator is only useful if a real verifier accepts what it produces and refuses
// what it is told to get wrong. This checks both against @simplewebauthn/server itself.
import { describe, expect, it } from "vitest";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import { SoftAuthenticator } from "../../support/soft-authenticator";

const origin = "http://localhost:3201";
const rpID = "localhost";

/** Registers a fresh authenticator and returns it with the credential as the server stored it. */
async function enrolled(userVerified = false) {
  const authenticator = new SoftAuthenticator({ origin, userVerified });
  const options = await generateRegistrationOptions({
    rpName: "Coffer",
    rpID,
    userName: "alice@example.com",
    userID: new TextEncoder().encode("user-1"),
    attestationType: "none",
    authenticatorSelection: { userVerification: "discouraged" },
  });
  const response = authenticator.register(options);
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  });
  expect(verification.verified).toBe(true);
  if (!verification.verified) throw new Error("unreachable");
  return { authenticator, options, response, credential: verification.registrationInfo.credential };
}

/** A fresh challenge, answered by the authenticator, checked against the stored credential. */
async function login(
  authenticator: SoftAuthenticator,
  credential: WebAuthnCredential,
  overrides: Parameters<SoftAuthenticator["authenticate"]>[1] = {},
  requireUserVerification = false,
) {
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: [{ id: credential.id }],
    userVerification: "discouraged",
  });
  const response = authenticator.authenticate(options, overrides);
  return verifyAuthenticationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential,
    requireUserVerification,
  });
}

describe("SoftAuthenticator", () => {
  it("registers a credential the server verifies", async () => {
    const { authenticator, options, response, credential } = await enrolled();
    expect(response.id).toBe(credential.id);
    expect(response.rawId).toBe(response.id);
    expect(credential.counter).toBe(0);
    expect(authenticator.credentials).toEqual([{ id: credential.id, counter: 0 }]);
    const clientData = JSON.parse(
      Buffer.from(response.response.clientDataJSON, "base64url").toString(),
    );
    expect(clientData).toEqual({
      type: "webauthn.create",
      challenge: options.challenge,
      origin,
      crossOrigin: false,
    });
  });

  it("authenticates, counting up from the stored counter", async () => {
    const { authenticator, options, credential } = await enrolled();
    const first = await login(authenticator, credential);
    expect(first.verified).toBe(true);
    expect(first.authenticationInfo.newCounter).toBe(1);
    expect(first.authenticationInfo.userVerified).toBe(false);
    expect(authenticator.credentials[0]?.counter).toBe(1);

    const second = await login(authenticator, { ...credential, counter: 1 });
    expect(second.verified).toBe(true);
    expect(second.authenticationInfo.newCounter).toBe(2);

    // The user handle is the user id the registration options carried.
    const assertion = authenticator.authenticate({ challenge: "x" });
    expect(assertion.response.userHandle).toBe(options.user.id);
  });

  it("produces a signature that fails when tampered with", async () => {
    const { authenticator, credential } = await enrolled();
    const outcome = await login(authenticator, credential, { tamperSignature: true }).then(
      (result) => result.verified,
      () => false,
    );
    expect(outcome).toBe(false);
  });

  it("is refused when its counter goes backwards (a cloned key)", async () => {
    const { authenticator, credential } = await enrolled();
    // The server has seen counter 5; the clone still says 0, so it answers with 1.
    authenticator.setCounter(credential.id, 0);
    await expect(login(authenticator, { ...credential, counter: 5 })).rejects.toThrow(/counter/);
    // The explicit counter override reaches the same refusal.
    await expect(
      login(authenticator, { ...credential, counter: 5 }, { counter: 3 }),
    ).rejects.toThrow(/counter/);
  });

  it("is refused from the wrong origin", async () => {
    const { authenticator, credential } = await enrolled();
    await expect(
      login(authenticator, credential, { origin: "http://evil.example:3201" }),
    ).rejects.toThrow(/origin/);
  });

  it("is refused for the wrong RP ID", async () => {
    const { authenticator, credential } = await enrolled();
    await expect(login(authenticator, credential, { rpId: "evil.example" })).rejects.toThrow(
      /RP ID/,
    );
  });

  it("sets the UV flag only when it verifies the user", async () => {
    const { authenticator, credential } = await enrolled();
    await expect(login(authenticator, credential, {}, true)).rejects.toThrow(/User verification/);
    const verified = await login(authenticator, credential, { userVerified: true }, true);
    expect(verified.verified).toBe(true);
    expect(verified.authenticationInfo.userVerified).toBe(true);

    const pinned = await enrolled(true);
    const byDefault = await login(pinned.authenticator, pinned.credential, {}, true);
    expect(byDefault.verified).toBe(true);
  });

  it("answers only with a credential it holds", async () => {
    const { authenticator } = await enrolled();
    expect(() =>
      authenticator.authenticate({ challenge: "x", allowCredentials: [{ id: "bm9wZQ" }] }),
    ).toThrow(/no matching credential/);
    expect(() => authenticator.setCounter("bm9wZQ", 1)).toThrow(/unknown credential/);
  });
});
