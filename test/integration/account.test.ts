// Account keys and password change (DESIGN §4–7): the server hands back only wrapped keys,
// which the AUK opens to the userKey made at sign-up; a password change needs a fresh proof of
// the old password, re-wraps the same userKey, and ends the account's other sessions.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { formatSecretKey, getSodium, KDF_V1, unwrapPrivateKey } from "@/lib/crypto";
import { signInAndUnlock, unlockWithPassword } from "@/lib/sdk/account-session";
import { changePassword as changePasswordWithSdk } from "@/lib/sdk/change-password";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import { memoryKeyValueStore } from "@/lib/sdk/key-value-store";
import { loadSecretKey } from "@/lib/sdk/stored-secret-key";
import { WrongPasswordError } from "@/lib/sdk/unlock";
import { ApiClient, type AccountSecrets, type DerivedSecrets } from "../support/protocol-client";
import { changePassword, inviteMember, ownerSecrets, signedInClient } from "../support/flows";

describe.each(inject("servers"))("account on $kind", (server) => {
  let owner: ApiClient;
  const newMember = async () => inviteMember(owner, { label: "account" });
  const prelogin = async (email: string) =>
    (await new ApiClient(server.url).request("/api/v1/auth/prelogin", { json: { email } })).body;

  beforeAll(async () => {
    await getSodium();
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  it("releases wrapped keys that the AUK opens to the sign-up userKey", async () => {
    const { secrets, derived } = await newMember();
    const { client, accountUnlockKey } = await signedInClient(server.url, secrets);
    expect(accountUnlockKey).toEqual(derived.accountUnlockKey);
    const { userKey, boxPrivateKey } = await client.unlock(accountUnlockKey);
    expect(userKey).toEqual(derived.userKey);
    expect(boxPrivateKey).toEqual(derived.boxPrivateKey);
    const keys = (await client.request("/api/v1/account/keys")).body as {
      wrappedSignPrivateKey: string;
    };
    expect(unwrapPrivateKey(userKey, keys.wrappedSignPrivateKey, secrets.userId, "sign")).toEqual(
      derived.signPrivateKey,
    );
    expect((await new ApiClient(server.url).request("/api/v1/account/keys")).status).toBe(401);
  });

  describe("password change", () => {
    let secrets: AccountSecrets;
    let derived: DerivedSecrets;
    let client: ApiClient;
    let otherSession: ApiClient;

    beforeAll(async () => {
      ({ secrets, derived } = await newMember());
      client = (await signedInClient(server.url, secrets)).client;
      otherSession = (await signedInClient(server.url, secrets)).client;
    });

    it("refuses a proof signed with the wrong key and changes nothing", async () => {
      const before = await prelogin(secrets.email);
      const wrongKey = (
        await new ApiClient(server.url).proofFor({ ...secrets, password: "a guess" })
      ).loginPrivateKey;
      const attempt = await changePassword(client, secrets, "hijacked password", {
        signWith: wrongKey,
      });
      expect(attempt.response.status).toBe(403);
      expect(attempt.response.body).toMatchObject({ error: { code: "forbidden" } });
      expect(await prelogin(secrets.email)).toEqual(before);
      expect((await otherSession.request("/api/v1/account")).status).toBe(200);
      expect((await new ApiClient(server.url).signIn(secrets)).signedIn).toBe(true);
      expect((await new ApiClient(server.url).signIn(attempt.secrets)).signedIn).toBe(false);
    });

    it("re-wraps the same userKey under the new password and revokes other sessions", async () => {
      const before = (await prelogin(secrets.email)) as { salt: string };
      const sessions = (await client.request("/api/v1/sessions")).body as {
        sessions: Array<{ current: boolean }>;
      };
      const others = sessions.sessions.filter((session) => !session.current).length;
      expect(others).toBeGreaterThanOrEqual(1);
      const changed = await changePassword(client, secrets, "a brand new password");
      expect(changed.response.status).toBe(200);
      expect(changed.response.body).toEqual({ revoked: others });
      expect(((await prelogin(secrets.email)) as { salt: string }).salt).not.toBe(before.salt);

      expect((await otherSession.request("/api/v1/account")).status).toBe(401);
      expect((await client.request("/api/v1/account")).status).toBe(200);

      const old = new ApiClient(server.url);
      expect((await old.signIn(secrets)).signedIn).toBe(false);
      expect((await old.request("/api/v1/account")).status).toBe(401);

      const { client: fresh, accountUnlockKey } = await signedInClient(server.url, changed.secrets);
      expect(accountUnlockKey).toEqual(changed.derived.accountUnlockKey);
      expect(accountUnlockKey).not.toEqual(derived.accountUnlockKey);
      const { userKey, boxPrivateKey } = await fresh.unlock(accountUnlockKey);
      expect(userKey).toEqual(derived.userKey);
      expect(boxPrivateKey).toEqual(derived.boxPrivateKey);
    });

    it("needs a signed-in session", async () => {
      const anonymous = new ApiClient(server.url);
      const response = await anonymous.request("/api/v1/account/password", { json: {} });
      expect(response.status).toBe(401);
    });
  });

  describe("through the SDK's flows, as the browser runs them", () => {
    const device = () => {
      const client = new ApiClient(server.url);
      return {
        client,
        ports: { http: client.http, kdf: directKdfRunner, store: memoryKeyValueStore() },
      };
    };

    it("signs in with a typed Secret Key, keeps it, and unlocks again from the stored one", async () => {
      const { secrets, derived } = await newMember();
      const { client, ports } = device();
      const unlocked = await signInAndUnlock(ports, {
        email: secrets.email.toUpperCase(),
        password: secrets.password,
        secretKeyText: formatSecretKey(secrets.secretKey),
      });
      expect(unlocked.userId).toBe(secrets.userId);
      expect(unlocked.userKey).toEqual(derived.userKey);
      expect(unlocked.signKeyPair.privateKey).toEqual(derived.signPrivateKey);
      expect(await loadSecretKey(ports.store, secrets.email)).toBe(
        formatSecretKey(secrets.secretKey),
      );
      expect((await client.request("/api/v1/account")).status).toBe(200);

      const again = await unlockWithPassword(ports, {
        email: secrets.email,
        userId: secrets.userId,
        password: secrets.password,
      });
      expect(again.boxKeyPair.privateKey).toEqual(derived.boxPrivateKey);
      await expect(
        unlockWithPassword(ports, {
          email: secrets.email,
          userId: secrets.userId,
          password: "a guess",
        }),
      ).rejects.toBeInstanceOf(WrongPasswordError);
    });

    it("keeps no Secret Key from a sign-in that failed", async () => {
      const { secrets } = await newMember();
      const { ports } = device();
      await expect(
        signInAndUnlock(ports, {
          email: secrets.email,
          password: "not the password",
          secretKeyText: formatSecretKey(secrets.secretKey),
        }),
      ).rejects.toMatchObject({ name: "SignInError", reason: "wrong-credentials" });
      expect(await loadSecretKey(ports.store, secrets.email)).toBeNull();
    });

    it("brings an account below KDF_V1 up to it after signing in", async () => {
      const { secrets } = await newMember();
      expect(await prelogin(secrets.email)).toMatchObject({ kdf: { opslimit: 2 } });
      const { ports } = device();
      await signInAndUnlock(ports, {
        email: secrets.email,
        password: secrets.password,
        secretKeyText: formatSecretKey(secrets.secretKey),
      });
      expect(await prelogin(secrets.email)).toMatchObject({ kdf: KDF_V1 });
      expect((await signedInClient(server.url, secrets)).signedIn).toBe(true);
    });

    it("changes the password after checking the current one locally", async () => {
      const { secrets, derived } = await newMember();
      const { ports } = device();
      const account = await signInAndUnlock(ports, {
        email: secrets.email,
        password: secrets.password,
        secretKeyText: formatSecretKey(secrets.secretKey),
      });
      const before = await prelogin(secrets.email);
      await expect(
        changePasswordWithSdk(ports, {
          account,
          secretKey: secrets.secretKey,
          currentPassword: "not the password",
          newPassword: "hijacked",
        }),
      ).rejects.toBeInstanceOf(WrongPasswordError);
      expect(await prelogin(secrets.email)).toEqual(before);

      const changed = await changePasswordWithSdk(ports, {
        account,
        secretKey: secrets.secretKey,
        currentPassword: secrets.password,
        newPassword: "a new password from the SDK",
      });
      expect(changed).toEqual({ revoked: 0 });
      expect((await new ApiClient(server.url).signIn(secrets)).signedIn).toBe(false);
      const fresh = await signedInClient(server.url, {
        ...secrets,
        password: "a new password from the SDK",
      });
      expect((await fresh.client.unlock(fresh.accountUnlockKey)).userKey).toEqual(derived.userKey);
    });
  });
});
