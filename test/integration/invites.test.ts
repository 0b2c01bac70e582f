// Invites (DESIGN, Onboarding): only admins manage them, a link is single-use and bound to the
// invited email, and sign-up checks the new account's self-signed key bundle.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getSodium, signBundle, toBase64Url } from "@/lib/crypto";
import { ApiClient, makeAccount } from "../support/protocol-client";
import {
  createInvite,
  inviteMember,
  ownerSecrets,
  signedInClient,
  uniqueEmail,
} from "../support/flows";

const randomToken = () => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));

describe.each(inject("servers"))("invites on $kind", (server) => {
  const anonymous = new ApiClient(server.url);
  const lookup = (token: string) =>
    anonymous.request("/api/v1/invites/lookup", { json: { token } });
  const signup = (inviteToken: string, account: unknown) =>
    anonymous.request("/api/v1/signup", { json: { inviteToken, account } });
  const newAccount = async (email: string) =>
    (await makeAccount({ email, name: "New Person", password: "a new password" })).account;
  let owner: ApiClient;

  beforeAll(async () => {
    await getSodium();
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  it("lets the owner create an invite, which then shows as pending", async () => {
    const email = uniqueEmail("invitee");
    const response = await owner.request("/api/v1/invites", { json: { email } });
    expect(response.status).toBe(201);
    const { invite, token } = response.body as { invite: { id: string }; token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = (await owner.request("/api/v1/invites")).body as {
      invites: Array<Record<string, unknown>>;
    };
    const listed = list.invites.find((entry) => entry.id === invite.id);
    expect(listed).toMatchObject({ email, role: "member", status: "pending" });
    // The token is shown once, at creation, and never listed.
    expect(JSON.stringify(list)).not.toContain(token);
  });

  describe("access", () => {
    let member: ApiClient;
    beforeAll(async () => {
      const { secrets } = await inviteMember(owner, { label: "plain-member" });
      member = (await signedInClient(server.url, secrets)).client;
    });

    it.each([
      ["GET", "/api/v1/invites"],
      ["POST", "/api/v1/invites"],
      ["GET", "/api/v1/users"],
    ])("%s %s: 403 for a member, 401 when signed out", async (method, path) => {
      const json = method === "POST" ? { email: uniqueEmail("by-member") } : undefined;
      expect((await member.request(path, { method, json })).status).toBe(403);
      expect((await new ApiClient(server.url).request(path, { method, json })).status).toBe(401);
    });

    it("a member's invite attempt creates nothing", async () => {
      const email = uniqueEmail("by-member");
      await member.request("/api/v1/invites", { json: { email } });
      const list = (await owner.request("/api/v1/invites")).body as {
        invites: Array<{ email: string }>;
      };
      expect(list.invites.map((invite) => invite.email)).not.toContain(email);
    });
  });

  describe("an email that already has an account", () => {
    const pendingFor = async (email: string) => {
      const list = (await owner.request("/api/v1/invites")).body as {
        invites: Array<{ email: string; status: string }>;
      };
      return list.invites.filter((invite) => invite.email === email && invite.status === "pending");
    };

    it("answers 409 naming the email field, however the address is spelt, and creates nothing", async () => {
      const made = await inviteMember(owner, { label: "has-account" });
      const email = made.secrets.email;
      for (const spelling of [email, `  ${email.toUpperCase()} `, ownerSecrets(server).email]) {
        const response = await owner.request("/api/v1/invites", {
          json: { email: spelling, role: "admin" },
        });
        expect(response.status, JSON.stringify(response.body)).toBe(409);
        expect(response.body).toMatchObject({
          error: { code: "account_exists", field: "email" },
        });
        expect((response.body as { error: { message: string } }).error.message).toMatch(
          /already has an account/,
        );
      }
      expect(await pendingFor(email)).toEqual([]);
      expect(await pendingFor(ownerSecrets(server).email)).toEqual([]);
      // An address nobody uses yet is still invited.
      expect((await createInvite(owner, uniqueEmail("no-account-yet"))).invite.status).toBe(
        "pending",
      );
    });
  });

  describe("lookup", () => {
    it("finds a pending invite", async () => {
      const email = uniqueEmail("lookup");
      const { token } = await createInvite(owner, email, "admin");
      const response = await lookup(token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ email, role: "admin", organizationName: "Example Ltd" });
    });

    it("answers 404 for an unknown token", async () => {
      expect((await lookup(randomToken())).status).toBe(404);
    });

    it("answers 404 after the invite is revoked", async () => {
      const { invite, token } = await createInvite(owner, uniqueEmail("revoked"));
      expect(
        (await owner.request(`/api/v1/invites/${invite.id}`, { method: "DELETE" })).status,
      ).toBe(204);
      expect((await lookup(token)).status).toBe(404);
      expect(
        (await owner.request(`/api/v1/invites/${invite.id}`, { method: "DELETE" })).status,
      ).toBe(404);
      // A revoked link cannot be used to sign up either.
      expect((await signup(token, await newAccount(invite.email))).status).toBe(404);
    });

    it("answers 400 naming the field for a malformed token", async () => {
      const response = await lookup("short");
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { field: "token" } });
    });
  });

  describe("sign-up", () => {
    it("creates the account, uses up the link, and the new user can sign in", async () => {
      const email = uniqueEmail("signup");
      const { token } = await createInvite(owner, email);
      const made = await makeAccount({ email, name: "New Person", password: "a new password" });
      const response = await signup(token, made.account);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ userId: made.secrets.userId });

      expect((await lookup(token)).status).toBe(404);
      const second = await signup(token, await newAccount(email));
      expect(second.status).toBe(404);

      const { client } = await signedInClient(server.url, made.secrets);
      expect((await client.request("/api/v1/account")).body).toMatchObject({
        email,
        role: "member",
      });
      const users = (await owner.request("/api/v1/users")).body as {
        users: Array<{ email: string }>;
      };
      expect(users.users.filter((user) => user.email === email)).toHaveLength(1);
    });

    it("refuses an account for another email than the invited one, and keeps the invite", async () => {
      const { token } = await createInvite(owner, uniqueEmail("invited"));
      const response = await signup(token, await newAccount(uniqueEmail("someone-else")));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { field: "account.email" } });
      expect((await lookup(token)).status).toBe(200);
    });

    it("refuses a forged key bundle signature", async () => {
      const email = uniqueEmail("forged");
      const { token } = await createInvite(owner, email);
      const account = await newAccount(email);
      const stranger = await makeAccount({ email, name: "Stranger", password: "x" });
      // Validly shaped, but made by someone else's identity key.
      const forged = {
        ...account,
        bundleSignature: signBundle(stranger.derived.signPrivateKey, {
          userId: account.userId,
          email,
          signPublicKey: account.signPublicKey,
          boxPublicKey: account.boxPublicKey,
        }),
      };
      const response = await signup(token, forged);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { field: "account.bundleSignature" } });
      // Someone else's box key under this account's signature fails the same way.
      const swapped = { ...account, boxPublicKey: stranger.account.boxPublicKey };
      expect((await signup(token, swapped)).body).toMatchObject({
        error: { field: "account.bundleSignature" },
      });
      expect((await lookup(token)).status).toBe(200);
    });

    it.each([
      [
        "inviteToken",
        (token: string, account: Record<string, unknown>) => ({
          inviteToken: token.slice(1),
          account,
        }),
      ],
      ["account", (token: string) => ({ inviteToken: token })],
      [
        "account.name",
        (token: string, account: Record<string, unknown>) => ({
          inviteToken: token,
          account: { ...account, name: "" },
        }),
      ],
      [
        "account.userId",
        (token: string, account: Record<string, unknown>) => ({
          inviteToken: token,
          account: { ...account, userId: "x" },
        }),
      ],
      [
        "account.kdf.memlimit",
        (token: string, account: Record<string, unknown>) => ({
          inviteToken: token,
          account: { ...account, kdf: { ...(account.kdf as object), memlimit: 1024 } },
        }),
      ],
      [
        "account.loginPublicKey",
        (token: string, account: Record<string, unknown>) => ({
          inviteToken: token,
          account: { ...account, loginPublicKey: "AAAA" },
        }),
      ],
      [
        "account.wrappedUserKey",
        (token: string, account: Record<string, unknown>) => ({
          inviteToken: token,
          account: { ...account, wrappedUserKey: "plaintext-user-key" },
        }),
      ],
    ])("answers 400 naming %s for a malformed body", async (field, build) => {
      const email = uniqueEmail("malformed");
      const { token } = await createInvite(owner, email);
      const account = (await newAccount(email)) as unknown as Record<string, unknown>;
      const response = await anonymous.request("/api/v1/signup", { json: build(token, account) });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "bad_request", field } });
      expect((await lookup(token)).status).toBe(200);
    });

    it("answers 400 for a body that is not JSON", async () => {
      const response = await anonymous.request("/api/v1/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        form: { not: "json" },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "bad_request" } });
    });

    it("lets exactly one of two parallel sign-ups with one invite succeed", async () => {
      const email = uniqueEmail("race");
      const { token } = await createInvite(owner, email);
      const accounts = await Promise.all([newAccount(email), newAccount(email)]);
      const responses = await Promise.all(accounts.map((account) => signup(token, account)));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 201)[0]).toBeOneOf([404, 409]);
      const users = (await owner.request("/api/v1/users")).body as {
        users: Array<{ email: string }>;
      };
      expect(users.users.filter((user) => user.email === email)).toHaveLength(1);
    });
  });
});
