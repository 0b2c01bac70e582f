// Sessions (DESIGN, Sessions): every request re-checks the session row, so revocation,
// sign-out and suspension take effect on the very next request.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, type AccountSecrets } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";

interface Session {
  id: string;
  current: boolean;
}

describe.each(inject("servers"))("sessions on $kind", (server) => {
  let owner: ApiClient;
  const status = async (client: ApiClient) => (await client.request("/api/v1/account")).status;
  const sessionsOf = async (client: ApiClient) => {
    const response = await client.request("/api/v1/sessions");
    expect(response.status).toBe(200);
    return (response.body as { sessions: Session[] }).sessions;
  };
  /** A new member, so that each test controls every session the account has. */
  const freshMember = async (): Promise<AccountSecrets> =>
    (await inviteMember(owner, { label: "sessions" })).secrets;
  const signIn = async (secrets: AccountSecrets) =>
    (await signedInClient(server.url, secrets)).client;

  beforeAll(async () => {
    owner = await signIn(ownerSecrets(server));
  });

  it("lists the current session, marked current, then a second one", async () => {
    const member = await freshMember();
    const first = await signIn(member);
    const alone = await sessionsOf(first);
    expect(alone).toHaveLength(1);
    expect(alone[0]).toMatchObject({ current: true });

    const second = await signIn(member);
    const both = await sessionsOf(first);
    expect(both).toHaveLength(2);
    expect(both.filter((session) => session.current).map((session) => session.id)).toEqual([
      alone[0]!.id,
    ]);
    const fromSecond = await sessionsOf(second);
    expect(fromSecond.find((session) => session.current)?.id).not.toBe(alone[0]!.id);
  });

  it("revokes another session by id: its next request is refused", async () => {
    const member = await freshMember();
    const keep = await signIn(member);
    const lose = await signIn(member);
    const other = (await sessionsOf(keep)).find((session) => !session.current)!;
    expect(await status(lose)).toBe(200);

    expect((await keep.request(`/api/v1/sessions/${other.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect(await status(lose)).toBe(401);
    expect(await status(keep)).toBe(200);
    expect((await sessionsOf(keep)).map((session) => session.id)).not.toContain(other.id);
    expect((await keep.request(`/api/v1/sessions/${other.id}`, { method: "DELETE" })).status).toBe(
      404,
    );
  });

  it("revokes all other sessions and keeps the current one", async () => {
    const member = await freshMember();
    const [current, ...others] = await Promise.all([
      signIn(member),
      signIn(member),
      signIn(member),
    ]);
    const response = await current!.request("/api/v1/sessions/revoke-others", { method: "POST" });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revoked: 2 });
    for (const other of others) expect(await status(other)).toBe(401);
    expect(await status(current!)).toBe(200);
    expect(await sessionsOf(current!)).toHaveLength(1);
  });

  it("answers 404 for another user's session id and leaves that session alone", async () => {
    const victim = await signIn(await freshMember());
    const victimSession = (await sessionsOf(victim))[0]!;
    const attacker = await signIn(await freshMember());
    const response = await attacker.request(`/api/v1/sessions/${victimSession.id}`, {
      method: "DELETE",
    });
    expect(response.status).toBe(404);
    expect(await status(victim)).toBe(200);
  });

  it("signs out through next-auth by revoking the session row, not just the cookie", async () => {
    const client = await signIn(await freshMember());
    const stolen = client.jar.clone();
    expect(await status(new ApiClient(server.url, stolen.clone()))).toBe(200);

    const { csrfToken } = (await client.request("/api/auth/csrf")).body as { csrfToken: string };
    const signOut = await client.request("/api/auth/signout", {
      form: { csrfToken, json: "true" },
    });
    expect(signOut.status).toBe(200);
    expect(await status(client)).toBe(401);
    // The cookie from before sign-out still carries a well-signed JWT: only the row says no.
    expect(await status(new ApiClient(server.url, stolen))).toBe(401);
  });

  describe("suspension", () => {
    it("ends a suspended member's sessions and blocks sign-in until reactivated", async () => {
      const member = await freshMember();
      const client = await signIn(member);
      const setStatus = (value: string) =>
        owner.request(`/api/v1/users/${member.userId}/status`, {
          method: "PUT",
          json: { status: value },
        });

      expect((await setStatus("suspended")).status).toBe(200);
      expect(await status(client)).toBe(401);
      expect((await new ApiClient(server.url).signIn(member)).signedIn).toBe(false);
      const users = (await owner.request("/api/v1/users")).body as {
        users: Array<{ id: string; status: string }>;
      };
      expect(users.users.find((user) => user.id === member.userId)?.status).toBe("suspended");

      expect((await setStatus("active")).status).toBe(200);
      const again = new ApiClient(server.url);
      expect((await again.signIn(member)).signedIn).toBe(true);
      expect(await status(again)).toBe(200);
      // Reactivation does not bring revoked sessions back.
      expect(await status(client)).toBe(401);
    });

    it("refuses to let the owner suspend themselves", async () => {
      const response = await owner.request(`/api/v1/users/${server.owner.userId}/status`, {
        method: "PUT",
        json: { status: "suspended" },
      });
      expect(response.status).toBe(400);
      expect(await status(owner)).toBe(200);
    });

    it("answers 403 when a member tries to suspend someone", async () => {
      const member = await signIn(await freshMember());
      const response = await member.request(`/api/v1/users/${server.owner.userId}/status`, {
        method: "PUT",
        json: { status: "suspended" },
      });
      expect(response.status).toBe(403);
      expect(await status(owner)).toBe(200);
    });
  });
});
