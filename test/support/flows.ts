// Multi-step protocol flows the integration tests share: signing in the owner, inviting and
// signing up a member, changing a password. Each step asserts its own success, so a test that
// uses them fails at the step that broke rather than somewhere downstream.
import {
  deriveAccountKeys,
  deriveRoot,
  fromBase64Url,
  getSodium,
  newSalt,
  slowHash,
  toBase64Url,
  wrapUserKey,
  type KdfParams,
} from "../../lib/crypto";
import type { TestServer } from "./global-servers";
import { ApiClient, makeAccount, testKdf, type AccountSecrets } from "./protocol-client";

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
    kdf: options.kdf as typeof testKdf | undefined,
  });
  const signup = await new ApiClient(admin.baseUrl).request("/api/v1/signup", {
    json: { inviteToken: token, account: made.account },
  });
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  return { ...made, inviteToken: token };
}

/**
 * Changes the password of the account `client` is signed in as: proves the old password with a
 * fresh login signature, derives everything again from a new salt and the same Secret Key, and
 * re-wraps the same userKey under the new AUK. Returns the HTTP answer and the new secrets.
 */
export async function changePassword(
  client: ApiClient,
  secrets: AccountSecrets,
  newPassword: string,
  options: { signWith?: Uint8Array } = {},
) {
  await getSodium();
  const old = await client.proofFor(secrets);
  const { userKey } = await client.unlock(old.accountUnlockKey);
  const challenge = await client.challenge();
  const signature = client.signChallenge(
    options.signWith ?? old.loginPrivateKey,
    secrets.email,
    challenge,
  );
  const salt = newSalt();
  const hash = slowHash(newPassword, salt, testKdf);
  const root = deriveRoot(hash, secrets.secretKey);
  const { accountUnlockKey, loginKeyPair } = deriveAccountKeys(root);
  const response = await client.request("/api/v1/account/password", {
    json: {
      challengeId: challenge.challengeId,
      signature,
      kdf: { ...testKdf, salt: toBase64Url(salt) },
      loginPublicKey: toBase64Url(loginKeyPair.publicKey),
      wrappedUserKey: wrapUserKey(accountUnlockKey, userKey, secrets.userId),
    },
  });
  return {
    response,
    secrets: { ...secrets, password: newPassword },
    derived: {
      salt,
      slowHash: hash,
      root,
      accountUnlockKey,
      loginPrivateKey: loginKeyPair.privateKey,
      userKey,
      previousAccountUnlockKey: old.accountUnlockKey,
      previousLoginPrivateKey: old.loginPrivateKey,
    },
  };
}

/**
 * The browser's KDF upgrade after sign-in, in Node: derives again from a fresh salt under
 * `kdf`, re-wraps the same userKey, and signs for the change with the current login key.
 */
export async function upgradeKdf(
  client: ApiClient,
  secrets: AccountSecrets,
  kdf: KdfParams,
  options: { signWith?: Uint8Array; salt?: Uint8Array } = {},
) {
  await getSodium();
  const old = await client.proofFor(secrets);
  const { userKey } = await client.unlock(old.accountUnlockKey);
  const challenge = await client.challenge();
  const signature = client.signChallenge(
    options.signWith ?? old.loginPrivateKey,
    secrets.email,
    challenge,
  );
  const salt = options.salt ?? newSalt();
  const root = deriveRoot(slowHash(secrets.password, salt, kdf), secrets.secretKey);
  const { accountUnlockKey, loginKeyPair } = deriveAccountKeys(root);
  const response = await client.request("/api/v1/account/kdf-upgrade", {
    json: {
      challengeId: challenge.challengeId,
      signature,
      kdf: { ...kdf, salt: toBase64Url(salt) },
      loginPublicKey: toBase64Url(loginKeyPair.publicKey),
      wrappedUserKey: wrapUserKey(accountUnlockKey, userKey, secrets.userId),
    },
  });
  return { response, accountUnlockKey, userKey, previousAccountUnlockKey: old.accountUnlockKey };
}
