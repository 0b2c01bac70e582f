// Security-key steps over HTTP for integration tests: the SoftAuthenticator plays browser and key.
import { expect } from "vitest";
import type { ApiClient, AccountSecrets } from "./protocol-client";
import { inviteMember, signedInClient } from "./flows";
import { SoftAuthenticator, type SoftAuthenticationOptions } from "./soft-authenticator";

type AssertionOverrides = Parameters<SoftAuthenticator["authenticate"]>[1];

export async function mfaStatus(client: ApiClient) {
  const response = await client.request("/api/v1/mfa");
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as {
    state: "verified" | "pending" | "none";
    compliant: boolean;
    required: boolean;
    graceUntil: string | null;
    keyCount: number;
    recoveryCodesLeft: number;
    stepUpUntil: string | null;
  };
}

/** Registers a key held by `authenticator`; asserts success and returns the key and codes. */
export async function enrolKey(
  client: ApiClient,
  authenticator: SoftAuthenticator,
  nickname = "YubiKey",
) {
  const options = await client.request("/api/v1/mfa/keys/options", { method: "POST" });
  expect(options.status, JSON.stringify(options.body)).toBe(200);
  const response = authenticator.register(
    options.body as Parameters<SoftAuthenticator["register"]>[0],
  );
  const created = await client.request("/api/v1/mfa/keys", { json: { nickname, response } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as {
    key: { id: string; nickname: string; transports: string[] };
    recoveryCodes: string[] | null;
  };
}

/** Fresh assertion options for this session (the server stores the challenge). */
export async function assertionOptions(client: ApiClient, excludeKeyId?: string) {
  const options = await client.request("/api/v1/mfa/assertion/options", {
    json: excludeKeyId ? { excludeKeyId } : {},
  });
  expect(options.status, JSON.stringify(options.body)).toBe(200);
  return options.body as SoftAuthenticationOptions;
}

/** One assertion, answered by `authenticator` with `overrides`; returns the raw HTTP answer. */
export async function assert(
  client: ApiClient,
  authenticator: SoftAuthenticator,
  overrides: AssertionOverrides = {},
) {
  const options = await assertionOptions(client);
  const response = authenticator.authenticate(options, overrides);
  return client.request("/api/v1/mfa/assertion", { json: { response } });
}

export interface KeyHolder {
  client: ApiClient;
  secrets: AccountSecrets;
  authenticator: SoftAuthenticator;
  keyId: string;
  recoveryCodes: string[];
}

/** A new member (or admin) who has signed in and enrolled one key. */
export async function memberWithKey(
  owner: ApiClient,
  options: { label?: string; role?: "admin" | "member" } = {},
): Promise<KeyHolder> {
  const member = await inviteMember(owner, {
    label: options.label ?? "keyholder",
    role: options.role,
  });
  const { client } = await signedInClient(owner.baseUrl, member.secrets);
  const authenticator = new SoftAuthenticator({ origin: owner.baseUrl });
  const enrolled = await enrolKey(client, authenticator);
  return {
    client,
    secrets: member.secrets,
    authenticator,
    keyId: enrolled.key.id,
    recoveryCodes: enrolled.recoveryCodes ?? [],
  };
}

/** Signs `holder` in again with the password only: the new session is MFA-pending. */
export async function pendingSession(holder: Pick<KeyHolder, "secrets" | "client">) {
  const { client } = await signedInClient(holder.client.baseUrl, holder.secrets);
  return client;
}

/** Signs in and completes the key step: a fully signed-in session. */
export async function verifiedSession(
  holder: Pick<KeyHolder, "secrets" | "client" | "authenticator">,
) {
  const client = await pendingSession(holder);
  const answer = await assert(client, holder.authenticator);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return client;
}
