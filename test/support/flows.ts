// Multi-step protocol flows the integration tests share: signing in the owner, inviting and
// signing up a member, changing a password. Each step asserts its own success, so a test that
// uses them fails at the step that broke rather than somewhere downstream.
import { fromBase64Url, getSodium, type KdfParams } from "../../lib/crypto";
import { buildAccountRekey } from "../../lib/sdk/account-rekey";
import type { TestServer } from "./global-servers";
import {
  ApiClient,
  expandSlowHash,
  makeAccount,
  recordingKdfRunner,
  testKdf,
  type AccountSecrets,
} from "./protocol-client";

/** A fresh, unique email: tests share servers, and re-runs share nothing else. */
export function uniqueEmail(label: string): string {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${label}-${suffix}@example.test`;
}

export function ownerSecrets(server: TestServer): AccountSecrets {
  return { ...server.owner, secretKey: fromBase64Url(server.owner.secretKey) };
}

/** A new client signed in as `secrets`; throws when the sign-in does not succeed. */
export async function signedInClient(baseUrl: string, secrets: Parameters<ApiClient["signIn"]>[0]) {
  await getSodium();
  const client = new ApiClient(baseUrl);
  const result = await client.signIn(secrets);
  if (!result.signedIn)
    throw new Error(`sign-in as ${secrets.email} failed (HTTP ${result.status})`);
  return { client, ...result };
}

export async function createInvite(
  admin: ApiClient,
  email: string,
  role: "admin" | "member" = "member",
) {
  const response = await admin.request("/api/v1/invites", { json: { email, role } });
  if (response.status !== 201) throw new Error(`invite failed: ${JSON.stringify(response.body)}`);
  return response.body as { invite: { id: string; email: string; status: string }; token: string };
}

/** Invites `email` as `admin` and signs the account up with the invite, as the browser does. */
export async function inviteMember(
  admin: ApiClient,
  options: {
    label?: string;
    email?: string;
    password?: string;
    role?: "admin" | "member";
    kdf?: KdfParams;
  } = {},
) {
  const email = options.email ?? uniqueEmail(options.label ?? "member");
  const { token } = await createInvite(admin, email, options.role);
  const made = await makeAccount({
    email,
    name: "Test Member",
    password: options.password ?? `pw-${Math.random().toString(36).slice(2)}`,
    kdf: options.kdf,
  });
  const signup = await new ApiClient(admin.baseUrl).request("/api/v1/signup", {
    json: { inviteToken: token, account: made.account },
  });
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  return { ...made, inviteToken: token };
}

/**
 * Changes the password of the account `client` is signed in as, with the SDK's re-key: the old
 * password proves itself with a fresh login signature (or `signWith`, to test a refusal), and a
 * new salt and Argon2id re-wrap the same userKey. Returns the raw HTTP answer and the secrets.
 */
export async function changePassword(
  client: ApiClient,
  secrets: AccountSecrets,
  newPassword: string,
  options: { signWith?: Uint8Array } = {},
) {
  const rekeyed = await rekey(client, secrets, {
    password: newPassword,
    params: testKdf,
    signWith: options.signWith,
  });
  const response = await client.request("/api/v1/account/password", { json: rekeyed.body });
  return {
    response,
    secrets: { ...secrets, password: newPassword },
    derived: {
      salt: rekeyed.salt,
      slowHash: rekeyed.slowHash,
      root: rekeyed.root,
      accountUnlockKey: rekeyed.keys.accountUnlockKey,
      loginPrivateKey: rekeyed.keys.loginKeyPair.privateKey,
      userKey: rekeyed.userKey,
      previousAccountUnlockKey: rekeyed.previous.accountUnlockKey,
      previousLoginPrivateKey: rekeyed.previous.loginPrivateKey,
    },
  };
}

/**
 * The browser's KDF upgrade after sign-in, through the SDK's re-key under `kdf`, signed with
 * the current login key (or `signWith`). Returns the raw HTTP answer and the keys involved.
 */
export async function upgradeKdf(
  client: ApiClient,
  secrets: AccountSecrets,
  kdf: KdfParams,
  options: { signWith?: Uint8Array; salt?: Uint8Array } = {},
) {
  const rekeyed = await rekey(client, secrets, {
    password: secrets.password,
    params: kdf,
    signWith: options.signWith,
    salt: options.salt,
  });
  const response = await client.request("/api/v1/account/kdf-upgrade", { json: rekeyed.body });
  return {
    response,
    accountUnlockKey: rekeyed.keys.accountUnlockKey,
    userKey: rekeyed.userKey,
    previousAccountUnlockKey: rekeyed.previous.accountUnlockKey,
  };
}

/** The SDK's re-key body for the account `client` is signed in as, with every key it involved. */
async function rekey(
  client: ApiClient,
  secrets: AccountSecrets,
  input: { password: string; params: KdfParams; signWith?: Uint8Array; salt?: Uint8Array },
) {
  await getSodium();
  const previous = await client.proofFor(secrets);
  const account = await client.unlock(previous.accountUnlockKey);
  const challenge = await client.challenge();
  const runner = recordingKdfRunner();
  const { body, keys } = await buildAccountRekey(runner, {
    origin: client.http.origin,
    account,
    loginPrivateKey: input.signWith ?? previous.loginPrivateKey,
    challenge,
    password: input.password,
    secretKey: secrets.secretKey,
    params: input.params,
    salt: input.salt,
  });
  const expanded = expandSlowHash(runner.hashes[0]!, secrets.secretKey);
  return {
    body,
    keys,
    salt: fromBase64Url(body.kdf.salt),
    slowHash: expanded.slowHash,
    root: expanded.root,
    userKey: account.userKey,
    previous,
  };
}
