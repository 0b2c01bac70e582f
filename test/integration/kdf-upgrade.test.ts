// KDF parameters over an account's life (docs/decisions/0016-kdf-parameters-upgrade.md): an
// account made under parameters below KDF_V1 is brought up to them on its next sign-in, the
// server takes no parameters below the floor and no upgrade that falls short, and prelogin
// answers an unknown email with parameters real accounts use.
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  KDF_V1,
  fromBase64Url,
  getSodium,
  needsKdfUpgrade,
  upgradedKdfParams,
  type KdfParams,
} from "@/lib/crypto";
import { ApiClient, makeAccount, testKdf, type AccountSecrets } from "../support/protocol-client";
import {
  createInvite,
  inviteMember,
  ownerSecrets,
  signedInClient,
  uniqueEmail,
  upgradeKdf,
} from "../support/flows";

interface Prelogin {
  salt: string;
  kdf: KdfParams;
}

describe.each(inject("servers"))("KDF parameters on $kind", (server) => {
  const anonymous = new ApiClient(server.url);
  const prelogin = async (email: string) =>
    (await anonymous.request("/api/v1/auth/prelogin", { json: { email } })).body as Prelogin;
  let owner: ApiClient;

  beforeAll(async () => {
    await getSodium();
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  describe("upgrade on sign-in", () => {
    let secrets: AccountSecrets;
    let userKey: Uint8Array;

    beforeAll(async () => {
      const made = await inviteMember(owner, { label: "kdf-old", kdf: testKdf });
      secrets = made.secrets;
      userKey = made.derived.userKey;
    });

    it("brings an account below KDF_V1 up to it, and it signs in with the new parameters", async () => {
      const before = await prelogin(secrets.email);
      expect(before.kdf).toEqual(testKdf);
      // What the client decides after unlocking: the stored parameters fall short.
      expect(needsKdfUpgrade(before.kdf)).toBe(true);
      const { client } = await signedInClient(server.url, secrets);
      const upgraded = await upgradeKdf(client, secrets, upgradedKdfParams(before.kdf));
      expect(upgraded.response.status).toBe(204);

      const after = await prelogin(secrets.email);
      expect(after.kdf).toEqual(KDF_V1);
      expect(after.salt).not.toBe(before.salt);
      expect(needsKdfUpgrade(after.kdf)).toBe(false);

      const fresh = await signedInClient(server.url, secrets);
      expect(fresh.accountUnlockKey).toEqual(upgraded.accountUnlockKey);
      expect(fresh.accountUnlockKey).not.toEqual(upgraded.previousAccountUnlockKey);
      expect((await fresh.client.unlock(fresh.accountUnlockKey)).userKey).toEqual(userKey);
      // The password did not change, so the session that asked for the upgrade stays.
      expect((await client.request("/api/v1/account")).status).toBe(200);

      const audit = (
        await owner.request(`/api/v1/audit?action=account.kdf_upgrade&actorId=${secrets.userId}`)
      ).body as { events: Array<{ action: string }> };
      expect(audit.events.map((event) => event.action)).toEqual(["account.kdf_upgrade"]);
    });

    it("refuses a second upgrade once the account is current", async () => {
      const { client } = await signedInClient(server.url, secrets);
      const again = await upgradeKdf(client, secrets, KDF_V1);
      expect(again.response.status).toBe(409);
      expect(again.response.body).toMatchObject({ error: { code: "kdf_current" } });
    });
  });

  describe("refusals", () => {
    let secrets: AccountSecrets;
    let client: ApiClient;

    beforeAll(async () => {
      secrets = (await inviteMember(owner, { label: "kdf-refusals", kdf: testKdf })).secrets;
      client = (await signedInClient(server.url, secrets)).client;
    });

    it.each<[string, KdfParams]>([
      ["the parameters it has", testKdf],
      [
        "more passes but less memory than KDF_V1",
        { ...KDF_V1, opslimit: 4, memlimit: testKdf.memlimit },
      ],
      [
        "more memory but fewer passes than KDF_V1",
        { ...KDF_V1, opslimit: 2, memlimit: 2 * KDF_V1.memlimit },
      ],
    ])("refuses an upgrade to %s and changes nothing", async (_case, kdf) => {
      const before = await prelogin(secrets.email);
      const attempt = await upgradeKdf(client, secrets, kdf);
      expect(attempt.response.status).toBe(400);
      expect(attempt.response.body).toMatchObject({ error: { code: "bad_request", field: "kdf" } });
      expect(await prelogin(secrets.email)).toEqual(before);
      expect((await new ApiClient(server.url).signIn(secrets)).signedIn).toBe(true);
    });

    it("refuses an upgrade signed with a key other than the account's login key", async () => {
      const before = await prelogin(secrets.email);
      const wrongKey = (
        await new ApiClient(server.url).proofFor({ ...secrets, password: "a guess" })
      ).loginPrivateKey;
      const attempt = await upgradeKdf(client, secrets, KDF_V1, { signWith: wrongKey });
      expect(attempt.response.status).toBe(403);
      expect(await prelogin(secrets.email)).toEqual(before);
    });

    it("refuses an upgrade that keeps the old salt", async () => {
      const before = await prelogin(secrets.email);
      const attempt = await upgradeKdf(client, secrets, KDF_V1, {
        salt: fromBase64Url(before.salt),
      });
      expect(attempt.response.status).toBe(400);
      expect(attempt.response.body).toMatchObject({ error: { field: "kdf.salt" } });
      expect(await prelogin(secrets.email)).toEqual(before);
    });

    // Only PostgreSQL can be reached beside the running server to age a sign-in.
    it.runIf(server.databaseUrl)("refuses a session signed in too long ago", async () => {
      const stale = (await signedInClient(server.url, secrets)).client;
      const database = new pg.Client({ connectionString: server.databaseUrl });
      await database.connect();
      try {
        await database.query(
          `UPDATE "Session" SET "authTime" = now() - interval '11 minutes' WHERE "userId" = $1`,
          [secrets.userId],
        );
      } finally {
        await database.end();
      }
      const before = await prelogin(secrets.email);
      const attempt = await upgradeKdf(stale, secrets, KDF_V1);
      expect(attempt.response.status).toBe(403);
      expect(await prelogin(secrets.email)).toEqual(before);
      // A fresh sign-in may.
      const fresh = (await signedInClient(server.url, secrets)).client;
      expect((await upgradeKdf(fresh, secrets, KDF_V1)).response.status).toBe(204);
    });

    it("needs a signed-in session", async () => {
      const response = await new ApiClient(server.url).request("/api/v1/account/kdf-upgrade", {
        json: {},
      });
      expect(response.status).toBe(401);
    });

    it("refuses to store an account below the floor at sign-up", async () => {
      const email = uniqueEmail("kdf-weak");
      const { token } = await createInvite(owner, email);
      const weak = { alg: "argon2id13" as const, opslimit: 1, memlimit: 8 * 1024 * 1024 };
      // The SDK refuses to derive below the floor, so a client that ignores it is simulated by
      // editing the parameters of an account made at the floor.
      await expect(
        makeAccount({ email, name: "Weak", password: "pw", kdf: weak }),
      ).rejects.toMatchObject({ code: "weak_kdf" });
      const made = await makeAccount({ email, name: "Weak", password: "pw" });
      const signup = await new ApiClient(server.url).request("/api/v1/signup", {
        json: {
          inviteToken: token,
          account: { ...made.account, kdf: { ...made.account.kdf, ...weak } },
        },
      });
      expect(signup.status).toBe(400);
      expect(signup.body).toMatchObject({ error: { field: "account.kdf.opslimit" } });
    });
  });

  it("answers unknown emails with parameters drawn from those accounts use", async () => {
    // Every account on the test servers is made with testKdf unless a test asks otherwise, so
    // a draw weighted by use lands on it for nearly every email, and KDF_V1 alone would not.
    const inUse = [testKdf, KDF_V1];
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => prelogin(uniqueEmail("kdf-nobody"))),
    );
    for (const answer of answers) expect(inUse).toContainEqual(answer.kdf);
    expect(
      answers.filter((answer) => answer.kdf.opslimit === testKdf.opslimit).length,
    ).toBeGreaterThan(6);
    // Stable per email, like the salt.
    const email = uniqueEmail("kdf-nobody");
    expect(await prelogin(email)).toEqual(await prelogin(email));
  });
});
