// First-run setup (DESIGN, Onboarding): once the organisation exists, POST /api/v1/setup is gone,
// so nobody can make themselves owner of a running installation.
import { describe, expect, inject, it } from "vitest";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { ownerSecrets, signedInClient, uniqueEmail } from "../support/flows";

describe.each(inject("servers"))("setup on $kind", (server) => {
  it("answers 404 after the organisation exists and creates nobody", async () => {
    const email = uniqueEmail("usurper");
    const { account, secrets } = await makeAccount({
      email,
      name: "Usurper",
      password: "take over",
    });
    const response = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Hostile Takeover", account },
    });
    expect(response.status).toBe(404);

    const { client: owner } = await signedInClient(server.url, ownerSecrets(server));
    const users = (await owner.request("/api/v1/users")).body as {
      users: Array<{ id: string; email: string; role: string }>;
    };
    expect(users.users.map((user) => user.email)).not.toContain(email);
    expect(users.users.map((user) => user.id)).not.toContain(secrets.userId);
    expect(users.users.filter((user) => user.role === "owner")).toEqual([
      expect.objectContaining({ email: server.owner.email }),
    ]);
    expect((await owner.request("/api/v1/account")).body).toMatchObject({
      organizationName: "Example Ltd",
    });
    expect((await new ApiClient(server.url).signIn(secrets)).signedIn).toBe(false);
  });
});
