// The browser's side of the account protocol, in Node, for integration tests and benchmarks.
// It uses the same lib/crypto functions the browser does.
import {
  deriveAccountKeys,
  deriveRoot,
  fromBase64Url,
  generateUserKeys,
  getSodium,
  loginMessage,
  newSalt,
  newSecretKey,
  signBundle,
  signMessage,
  slowHash,
  toBase64Url,
  unwrapPrivateKey,
  unwrapUserKey,
  wrapPrivateKey,
  wrapUserKey,
} from "../../lib/crypto";
import type { NewAccount } from "../../lib/api/account";
import { CookieJar } from "./cookie-jar";

/** Argon2id parameters for tests: the server's minimum, to keep suites fast. */
export const testKdf = { alg: "argon2id13" as const, opslimit: 2, memlimit: 32 * 1024 * 1024 };

export interface AccountSecrets {
  email: string;
  password: string;
  secretKey: Uint8Array;
  userId: string;
}

export interface DerivedSecrets {
  slowHash: Uint8Array;
  root: Uint8Array;
  accountUnlockKey: Uint8Array;
  loginPrivateKey: Uint8Array;
  userKey: Uint8Array;
  boxPrivateKey: Uint8Array;
  signPrivateKey: Uint8Array;
}

export async function makeAccount(input: {
  email: string;
  name: string;
  password: string;
  kdf?: typeof testKdf;
}): Promise<{ account: NewAccount; secrets: AccountSecrets; derived: DerivedSecrets }> {
  await getSodium();
  const kdf = input.kdf ?? testKdf;
  const userId = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  const secretKey = newSecretKey();
  const salt = newSalt();
  const hash = slowHash(input.password, salt, kdf);
  const root = deriveRoot(hash, secretKey);
  const { accountUnlockKey, loginKeyPair } = deriveAccountKeys(root);
  const keys = generateUserKeys();
  const email = input.email.trim().toLowerCase();
  const boxPublicKey = toBase64Url(keys.boxKeyPair.publicKey);
  const signPublicKey = toBase64Url(keys.signKeyPair.publicKey);
  const account: NewAccount = {
    userId,
    email,
    name: input.name,
    kdf: { ...kdf, salt: toBase64Url(salt) },
    loginPublicKey: toBase64Url(loginKeyPair.publicKey),
    wrappedUserKey: wrapUserKey(accountUnlockKey, keys.userKey, userId),
    boxPublicKey,
    signPublicKey,
    wrappedBoxPrivateKey: wrapPrivateKey(keys.userKey, keys.boxKeyPair.privateKey, userId, "box"),
    wrappedSignPrivateKey: wrapPrivateKey(
      keys.userKey,
      keys.signKeyPair.privateKey,
      userId,
      "sign",
    ),
    bundleSignature: signBundle(keys.signKeyPair.privateKey, {
      userId,
      email,
      signPublicKey,
      boxPublicKey,
    }),
  };
  return {
    account,
    secrets: { email, password: input.password, secretKey, userId },
    derived: {
      slowHash: hash,
      root,
      accountUnlockKey,
      loginPrivateKey: loginKeyPair.privateKey,
      userKey: keys.userKey,
      boxPrivateKey: keys.boxKeyPair.privateKey,
      signPrivateKey: keys.signKeyPair.privateKey,
    },
  };
}

export class ApiClient {
  readonly jar: CookieJar;
  readonly exchanges: Array<{ url: string; request: string; response: string }> = [];

  constructor(
    readonly baseUrl: string,
    jar?: CookieJar,
  ) {
    this.jar = jar ?? new CookieJar();
  }

  async request(
    path: string,
    init: {
      method?: string;
      json?: unknown;
      form?: Record<string, string>;
      headers?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...init.headers };
    const cookie = this.jar.header();
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(this.baseUrl + path, {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    this.jar.store(response);
    const text = await response.text();
    this.exchanges.push({ url: path, request: body ?? "", response: text });
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a page or a redirect): keep the text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async proofFor(secrets: Pick<AccountSecrets, "email" | "password" | "secretKey">) {
    await getSodium();
    const prelogin = await this.request("/api/v1/auth/prelogin", {
      json: { email: secrets.email },
    });
    const { salt, kdf } = prelogin.body as { salt: string; kdf: typeof testKdf };
    const root = deriveRoot(
      slowHash(secrets.password, fromBase64Url(salt), kdf),
      secrets.secretKey,
    );
    const { accountUnlockKey, loginKeyPair } = deriveAccountKeys(root);
    return { accountUnlockKey, loginPrivateKey: loginKeyPair.privateKey };
  }

  async challenge() {
    const response = await this.request("/api/v1/auth/challenge", { method: "POST" });
    return response.body as { challengeId: string; nonce: string };
  }

  signChallenge(
    loginPrivateKey: Uint8Array,
    email: string,
    challenge: { challengeId: string; nonce: string },
  ): string {
    return toBase64Url(
      signMessage(
        loginPrivateKey,
        loginMessage(this.baseUrl, email, challenge.challengeId, challenge.nonce),
      ),
    );
  }

  /** Completes sign-in through next-auth's credentials callback; returns the HTTP status. */
  async submitProof(proof: { email: string; challengeId: string; signature: string }) {
    const csrf = await this.request("/api/auth/csrf");
    const { csrfToken } = csrf.body as { csrfToken: string };
    const response = await this.request("/api/auth/callback/credentials", {
      form: { ...proof, csrfToken, json: "true" },
    });
    const url = (response.body as { url?: string } | null)?.url ?? "";
    const signedIn = response.status === 200 && !!url && !new URL(url).searchParams.has("error");
    return { status: response.status, signedIn, headers: response.headers };
  }

  async signIn(secrets: Pick<AccountSecrets, "email" | "password" | "secretKey">) {
    const { accountUnlockKey, loginPrivateKey } = await this.proofFor(secrets);
    const challenge = await this.challenge();
    const signature = this.signChallenge(loginPrivateKey, secrets.email, challenge);
    const result = await this.submitProof({ email: secrets.email, ...challenge, signature });
    return { ...result, accountUnlockKey, loginPrivateKey };
  }

  /** Fetches and unwraps the key material, as the browser's keyring does after sign-in. */
  async unlock(accountUnlockKey: Uint8Array) {
    const keys = (await this.request("/api/v1/account/keys")).body as {
      userId: string;
      wrappedUserKey: string;
      wrappedBoxPrivateKey: string;
    };
    const userKey = unwrapUserKey(accountUnlockKey, keys.wrappedUserKey, keys.userId);
    const boxPrivateKey = unwrapPrivateKey(userKey, keys.wrappedBoxPrivateKey, keys.userId, "box");
    return { userKey, boxPrivateKey };
  }
}
