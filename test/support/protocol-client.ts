// Accounts and sign-in for integration tests and benchmarks, through lib/sdk: the same protocol
// code the browser runs, with Node adapters (this client's cookie jar as the SDK's transport,
// Argon2id in place, a KdfRunner that lets a test see the slow hash it must never find leaked).
import {
  deriveAccountKeys,
  deriveRoot,
  fromBase64Url,
  getSodium,
  KDF_FLOOR,
  type KdfParams,
} from "../../lib/crypto";
import type { NewAccount } from "../../lib/api/account";
import type { ChallengeResponse, SignInProof } from "../../lib/api/auth";
import { deriveKeys } from "../../lib/sdk/derive-keys";
import { errorFromAnswer, type SessionHttpPort } from "../../lib/sdk/http-port";
import { directKdfRunner, type KdfRunner } from "../../lib/sdk/kdf-runner";
import { createAccount } from "../../lib/sdk/new-account";
import {
  prelogin,
  requestChallenge,
  signLoginChallenge,
  submitSignInProof,
} from "../../lib/sdk/sign-in";
import { fetchKeyMaterial, openKeyMaterial } from "../../lib/sdk/unlock";
import { CookieJar } from "./cookie-jar";

/** Argon2id parameters for tests: the shared floor, the cheapest any server accepts. */
export const testKdf: KdfParams = { alg: "argon2id13", ...KDF_FLOOR };

export interface AccountSecrets {
  email: string;
  password: string;
  secretKey: Uint8Array;
  userId: string;
}

/** The client-side secrets of an account, for tests that prove none of them reaches the server. */
export interface DerivedSecrets {
  slowHash: Uint8Array;
  root: Uint8Array;
  accountUnlockKey: Uint8Array;
  loginPrivateKey: Uint8Array;
  userKey: Uint8Array;
  boxPrivateKey: Uint8Array;
  signPrivateKey: Uint8Array;
}

/**
 * Argon2id in place, keeping a copy of each slow hash: the SDK wipes its own after use, and
 * the zero-knowledge tests need it (and the root and AUK that follow from it) as canaries.
 */
export function recordingKdfRunner(): KdfRunner & { hashes: Uint8Array[] } {
  const hashes: Uint8Array[] = [];
  return {
    hashes,
    async slowHash(password, salt, params) {
      const hash = await directKdfRunner.slowHash(password, salt, params);
      hashes.push(hash.slice());
      return hash;
    },
  };
}

/** What lib/crypto makes of a recorded slow hash: the canaries after it. */
export function expandSlowHash(slowHash: Uint8Array, secretKey: Uint8Array) {
  const root = deriveRoot(slowHash, secretKey);
  return { slowHash, root, ...deriveAccountKeys(root) };
}

/** A new account made by the SDK, as setup and sign-up send it, with its secrets kept. */
export async function makeAccount(input: {
  email: string;
  name: string;
  password: string;
  kdf?: KdfParams;
}): Promise<{ account: NewAccount; secrets: AccountSecrets; derived: DerivedSecrets }> {
  await getSodium();
  const runner = recordingKdfRunner();
  const created = await createAccount(runner, {
    email: input.email,
    name: input.name,
    password: input.password,
    params: input.kdf ?? testKdf,
  });
  const expanded = expandSlowHash(runner.hashes[0]!, created.secretKey);
  return {
    account: created.account,
    secrets: {
      email: created.account.email,
      password: input.password,
      secretKey: created.secretKey,
      userId: created.account.userId,
    },
    derived: {
      slowHash: expanded.slowHash,
      root: expanded.root,
      accountUnlockKey: expanded.accountUnlockKey,
      loginPrivateKey: created.loginPrivateKey,
      userKey: created.unlocked.userKey,
      boxPrivateKey: created.unlocked.boxKeyPair.privateKey,
      signPrivateKey: created.unlocked.signKeyPair.privateKey,
    },
  };
}

/**
 * One browser profile against one server: raw requests (for tests that check statuses and
 * bodies), a cookie jar, a log of every exchange, and `http`, the same jar as the SDK's
 * transport. The sign-in steps are the SDK's, exposed one by one so tests can tamper between.
 */
export class ApiClient {
  readonly jar: CookieJar;
  readonly exchanges: Array<{ url: string; request: string; response: string }> = [];
  /** The SDK's transport over this client's jar: its Origin header, cookies and exchange log. */
  readonly http: SessionHttpPort;
  private lastHeaders: Headers = new Headers();

  constructor(
    readonly baseUrl: string,
    jar?: CookieJar,
  ) {
    this.jar = jar ?? new CookieJar();
    this.http = cookieJarHttpPort(this);
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
    this.lastHeaders = response.headers;
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

  /** The AUK and login key for `secrets`, from the server's salt and parameters. */
  async proofFor(secrets: Pick<AccountSecrets, "email" | "password" | "secretKey">) {
    const { salt, kdf } = await prelogin(this.http, secrets.email);
    const keys = await deriveKeys(directKdfRunner, {
      password: secrets.password,
      secretKey: secrets.secretKey,
      salt: fromBase64Url(salt),
      params: kdf,
    });
    return {
      accountUnlockKey: keys.accountUnlockKey,
      loginPrivateKey: keys.loginKeyPair.privateKey,
    };
  }

  challenge(): Promise<ChallengeResponse> {
    return requestChallenge(this.http);
  }

  signChallenge(loginPrivateKey: Uint8Array, email: string, challenge: ChallengeResponse): string {
    return signLoginChallenge({ origin: this.http.origin, loginPrivateKey, email, challenge });
  }

  /** Completes sign-in through next-auth's credentials callback; returns the HTTP status. */
  async submitProof(proof: SignInProof) {
    const outcome = await submitSignInProof(this.http, proof);
    return {
      status: outcome.status,
      signedIn: outcome.result === "signed-in",
      result: outcome.result,
      headers: this.lastHeaders,
    };
  }

  async signIn(secrets: Pick<AccountSecrets, "email" | "password" | "secretKey">) {
    await getSodium();
    const { accountUnlockKey, loginPrivateKey } = await this.proofFor(secrets);
    const challenge = await this.challenge();
    const signature = this.signChallenge(loginPrivateKey, secrets.email, challenge);
    const result = await this.submitProof({
      email: secrets.email,
      challengeId: challenge.challengeId,
      signature,
    });
    return { ...result, accountUnlockKey, loginPrivateKey };
  }

  /** Fetches and opens the key material, as the browser's keyring does after sign-in. */
  async unlock(accountUnlockKey: Uint8Array) {
    const account = await openKeyMaterial(accountUnlockKey, await fetchKeyMaterial(this.http));
    return { ...account, boxPrivateKey: account.boxKeyPair.privateKey };
  }
}

/**
 * The SDK's SessionHttpPort over an ApiClient: requests carry its cookies and Origin header and
 * land in its exchange log; an answer outside 2xx becomes the SdkError the port promises.
 */
export function cookieJarHttpPort(client: ApiClient): SessionHttpPort {
  return {
    origin: new URL(client.baseUrl).origin,
    async request({ method, path, headers, body }) {
      const answer = await client.request(path, { method, headers, json: body });
      if (answer.status >= 200 && answer.status < 300) return answer.body;
      throw errorFromAnswer(answer.status, answer.body);
    },
    async postForm({ path, form }) {
      const answer = await client.request(path, { form });
      return {
        status: answer.status,
        body: answer.body,
        header: (name) => answer.headers.get(name),
      };
    },
  };
}
