// Cross-site request forgery (DESIGN, Sessions): our own route handlers refuse a
// state-changing request from another origin, even with a valid session cookie, and change
// nothing.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/protocol-client";
import { ownerSecrets, signedInClient, uniqueEmail } from "../support/flows";

describe.each(inject("servers"))("cross-site requests on $kind", (server) => {
  let owner: ApiClient;
  const invitedEmails = async () => {
    const response = await owner.request("/api/v1/invites");
    expect(response.status).toBe(200);
    return (response.body as { invites: Array<{ email: string }> }).invites.map(
      (invite) => invite.email,
    );
  };

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a look-alike Origin", { origin: server.url.replace("127.0.0.1", "localhost") }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
  ])("refuses a POST with %s and changes nothing", async (_case, headers) => {
    const before = await invitedEmails();
    const email = uniqueEmail("csrf");
    const response = await owner.request("/api/v1/invites", {
      json: { email, role: "admin" },
      headers,
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: "forbidden" } });
    const after = await invitedEmails();
    expect(after).toEqual(before);
    expect(after).not.toContain(email);
  });

  it("refuses a cross-origin session revocation and keeps the other session", async () => {
    const other = (await signedInClient(server.url, ownerSecrets(server))).client;
    const response = await owner.request("/api/v1/sessions/revoke-others", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect((await other.request("/api/v1/account")).status).toBe(200);
  });

  it("accepts the same request from the app's own origin", async () => {
    const email = uniqueEmail("csrf-ok");
    const response = await owner.request("/api/v1/invites", {
      json: { email },
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(response.status).toBe(201);
    expect(await invitedEmails()).toContain(email);
  });
});
