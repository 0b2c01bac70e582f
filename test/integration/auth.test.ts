// Sign-in protocol (DESIGN §7, Sessions): prelogin does not reveal who has an account,
// challenges are single-use and origin-bound, and failed attempts are rate limited.
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  KDF_V1,
  fromBase64Url,
  getSodium,
  loginMessage,
  signMessage,
  toBase64Url,
} from "@/lib/crypto";
import { signInWithLoginKey } from "@/lib/sdk/sign-in";
import { ApiClient, type AccountSecrets } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient, uniqueEmail } from "../support/flows";

interface Prelogin {
  salt: string;
  kdf: { alg: string; opslimit: number; memlimit: number };
}

/** Everything about a prelogin answer except its values: keys, types, salt length. */
function shapeOf(body: unknown) {
  const { salt, kdf } = body as Prelogin;
  return {
    keys: Object.keys(body as object).sort(),
    kdfKeys: Object.keys(kdf).sort(),
    types: [typeof salt, typeof kdf.alg, typeof kdf.opslimit, typeof kdf.memlimit],
    saltBytes: fromBase64Url(salt).length,
    alg: kdf.alg,
  };
}

describe.each(inject("servers"))("authentication on $kind", (server) => {
  const anonymous = new ApiClient(server.url);
  const prelogin = async (email: string) =>
    anonymous.request("/api/v1/auth/prelogin", { json: { email } });
  let owner: ApiClient;
  // A member whose account uses the default Argon2id parameters, as a browser would make it.
  let member: AccountSecrets;

  beforeAll(async () => {
    await getSodium();
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
    member = (await inviteMember(owner, { label: "auth-default-kdf", kdf: KDF_V1 })).secrets;
  });

  describe("prelogin", () => {
    it("answers an unknown email exactly as it answers a known one", async () => {
      const known = await prelogin(member.email);
      const unknown = await prelogin(uniqueEmail("nobody"));
      expect(known.status).toBe(200);
      expect(unknown.status).toBe(200);
      expect(shapeOf(unknown.body)).toEqual(shapeOf(known.body));
      expect(shapeOf(unknown.body).saltBytes).toBe(16);
      // Parameters some real account has (this member's defaults, or the owner's): nothing to
      // tell them apart.
      const owners = (await prelogin(server.owner.email)).body as Prelogin;
      expect([(known.body as Prelogin).kdf, owners.kdf]).toContainEqual(
        (unknown.body as Prelogin).kdf,
      );
      // And the same shape as an account with other parameters (the test owner's).
      expect(shapeOf((await prelogin(server.owner.email)).body)).toEqual(shapeOf(known.body));
    });

    it("gives an unknown email a stable salt, different for each email", async () => {
      const email = uniqueEmail("nobody");
      const first = (await prelogin(email)).body as Prelogin;
      const second = (await prelogin(email)).body as Prelogin;
      const other = (await prelogin(uniqueEmail("nobody-else"))).body as Prelogin;
      expect(second).toEqual(first);
      expect(other.salt).not.toBe(first.salt);
    });

    it.each([
      ["not an email", { email: "not-an-email" }],
      ["missing", {}],
      ["not a string", { email: 42 }],
    ])("refuses an email that is %s with 400 naming the field", async (_case, body) => {
      const response = await anonymous.request("/api/v1/auth/prelogin", { json: body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "bad_request", field: "email" } });
    });
  });

  it("hands out challenges with a 32-byte nonce", async () => {
    const first = await anonymous.challenge();
    const second = await anonymous.challenge();
    expect(typeof first.challengeId).toBe("string");
    expect(fromBase64Url(first.nonce)).toHaveLength(32);
    expect(second.challengeId).not.toBe(first.challengeId);
    expect(second.nonce).not.toBe(first.nonce);
  });

  it("signs in with a correct proof, and the session then works", async () => {
    const client = new ApiClient(server.url);
    expect((await client.request("/api/v1/account")).status).toBe(401);
    const result = await client.signIn(member);
    expect(result.signedIn).toBe(true);
    const account = await client.request("/api/v1/account");
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ email: member.email, role: "member" });
  });

  it("does not sign in with a wrong password", async () => {
    const client = new ApiClient(server.url);
    const result = await client.signIn({ ...member, password: "not the password" });
    expect(result.signedIn).toBe(false);
    expect((await client.request("/api/v1/account")).status).toBe(401);
  });

  it("does not sign in with the wrong Secret Key", async () => {
    const client = new ApiClient(server.url);
    const secretKey = crypto.getRandomValues(new Uint8Array(16));
    expect((await client.signIn({ ...member, secretKey })).signedIn).toBe(false);
    expect((await client.request("/api/v1/account")).status).toBe(401);
  });

  it("refuses a replayed challenge", async () => {
    const first = new ApiClient(server.url);
    const { loginPrivateKey } = await first.proofFor(member);
    const challenge = await first.challenge();
    const proof = {
      email: member.email,
      ...challenge,
      signature: first.signChallenge(loginPrivateKey, member.email, challenge),
    };
    expect((await first.submitProof(proof)).signedIn).toBe(true);

    const replay = new ApiClient(server.url);
    expect((await replay.submitProof(proof)).signedIn).toBe(false);
    expect((await replay.request("/api/v1/account")).status).toBe(401);
  });

  it.each([2, 6])("lets exactly one of %i parallel uses of a challenge succeed", async (count) => {
    // A fresh account: the refused uses count as failures towards its rate limit.
    const member = (await inviteMember(owner, { label: "auth-parallel" })).secrets;
    const clients = Array.from({ length: count }, () => new ApiClient(server.url));
    const { loginPrivateKey } = await clients[0]!.proofFor(member);
    const challenge = await clients[0]!.challenge();
    const proof = {
      email: member.email,
      ...challenge,
      signature: clients[0]!.signChallenge(loginPrivateKey, member.email, challenge),
    };
    // CSRF tokens first, so that the proofs themselves reach the server together.
    const csrfTokens = await Promise.all(
      clients.map(
        async (client) =>
          ((await client.request("/api/auth/csrf")).body as { csrfToken: string }).csrfToken,
      ),
    );
    await Promise.all(
      clients.map((client, index) =>
        client.request("/api/auth/callback/credentials", {
          form: { ...proof, csrfToken: csrfTokens[index]!, json: "true" },
        }),
      ),
    );
    const statuses = await Promise.all(
      clients.map(async (client) => (await client.request("/api/v1/account")).status),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 401)).toHaveLength(count - 1);
  });

  it("refuses a proof signed for another origin", async () => {
    const client = new ApiClient(server.url);
    const { loginPrivateKey } = await client.proofFor(member);
    const challenge = await client.challenge();
    const phished = loginMessage(
      "https://evil.example",
      member.email,
      challenge.challengeId,
      challenge.nonce,
    );
    const signature = toBase64Url(signMessage(loginPrivateKey, phished));
    const result = await client.submitProof({ email: member.email, ...challenge, signature });
    expect(result.signedIn).toBe(false);
    expect((await client.request("/api/v1/account")).status).toBe(401);
  });

  it("refuses the SDK's proof when its transport's origin is not COFFER_URL's (a relaying site)", async () => {
    // A phishing page relays to the real server, so the requests arrive with the real Origin
    // header; what it cannot change is the origin the person's client signs over.
    const client = new ApiClient(server.url);
    const { loginPrivateKey } = await client.proofFor(member);
    const relayed = { ...client.http, origin: "https://coffer.example.evil" };
    await expect(signInWithLoginKey(relayed, member.email, loginPrivateKey)).rejects.toMatchObject({
      name: "SignInError",
      reason: "wrong-credentials",
    });
    expect((await client.request("/api/v1/account")).status).toBe(401);
    await signInWithLoginKey(client.http, member.email, loginPrivateKey);
    expect((await client.request("/api/v1/account")).status).toBe(200);
  });

  describe("rate limit per account", () => {
    it("answers 429 with Retry-After after 5 failures, even to a correct proof", async () => {
      const target = (await inviteMember(owner, { label: "auth-limited" })).secrets;
      const client = new ApiClient(server.url);
      for (let attempt = 1; attempt <= 5; attempt++) {
        const result = await client.signIn({ ...target, password: `wrong ${attempt}` });
        expect(result.signedIn, `attempt ${attempt}`).toBe(false);
        expect(result.status, `attempt ${attempt}`).not.toBe(429);
      }

      const limited = await client.signIn({ ...target, password: "wrong 6" });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
      expect(client.exchanges.at(-1)?.response).toBeTruthy();
      expect(JSON.parse(client.exchanges.at(-1)!.response)).toMatchObject({
        error: { code: "rate_limited", message: expect.any(String) },
      });

      const correct = await client.signIn(target);
      expect(correct.status).toBe(429);
      expect(correct.signedIn).toBe(false);
      expect((await client.request("/api/v1/account")).status).toBe(401);
    });

    it("does not limit another account", async () => {
      // The limited account above must not lock out the member, whose failures were cleared
      // by their successful sign-ins.
      expect((await new ApiClient(server.url).signIn(member)).signedIn).toBe(true);
    });
  });
});
