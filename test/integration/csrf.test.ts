// Cross-site request forgery (DESIGN, Sessions): our own route handlers and next-auth's POSTs
// refuse a state-changing request from another origin, or one with a session cookie that does
// not say where it comes from, and change nothing.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/protocol-client";
import { ownerSecrets, signedInClient, uniqueEmail } from "../support/flows";

/** A request as a page or tool that sends no Origin and no Sec-Fetch-Site would make it. */
async function withoutOrigin(
  client: ApiClient,
  path: string,
  init: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> },
) {
  const headers: Record<string, string> = { ...init.headers };
  const cookie = client.jar.header();
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  } else {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json ?? {});
  }
  const response = await fetch(client.baseUrl + path, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

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

  it("refuses a POST with a session cookie and neither Origin nor Sec-Fetch-Site", async () => {
    const before = await invitedEmails();
    const email = uniqueEmail("csrf-bare");
    const response = await withoutOrigin(owner, "/api/v1/invites", { json: { email } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: "forbidden" } });
    expect(await invitedEmails()).toEqual(before);
  });

  it("refuses next-auth's sign-out with a session cookie and no Origin", async () => {
    const { client } = await signedInClient(server.url, ownerSecrets(server));
    const { csrfToken } = (await client.request("/api/auth/csrf")).body as { csrfToken: string };
    const response = await withoutOrigin(client, "/api/auth/signout", {
      form: { csrfToken, json: "true" },
    });
    expect(response.status).toBe(403);
    expect((await client.request("/api/v1/account")).status).toBe(200);
  });

  it("refuses next-auth's sign-out from a foreign Origin", async () => {
    const { client } = await signedInClient(server.url, ownerSecrets(server));
    const { csrfToken } = (await client.request("/api/auth/csrf")).body as { csrfToken: string };
    const response = await client.request("/api/auth/signout", {
      form: { csrfToken, json: "true" },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect((await client.request("/api/v1/account")).status).toBe(200);
  });

  it("accepts Sec-Fetch-Site: same-origin without an Origin", async () => {
    const email = uniqueEmail("csrf-fetch-site");
    const response = await withoutOrigin(owner, "/api/v1/invites", {
      json: { email },
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(response.status).toBe(201);
  });

  it("accepts a request without a session cookie and without an Origin", async () => {
    // The CLI and other non-browser clients: no cookie, so no authority to forge.
    const response = await withoutOrigin(new ApiClient(server.url), "/api/v1/auth/prelogin", {
      json: { email: "someone@example.test" },
    });
    expect(response.status).toBe(200);
  });

  it("exempts a request with a bearer token, which no cross-site page can attach", async () => {
    const response = await withoutOrigin(owner, "/api/v1/invites", {
      json: { email: uniqueEmail("csrf-bearer") },
      headers: { authorization: "Bearer machine-token" },
    });
    expect(response.status).toBe(201);
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
