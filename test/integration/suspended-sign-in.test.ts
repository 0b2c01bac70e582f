// A suspended (or offboarded) person who proves their password and Secret Key is told the
// account is suspended; anyone without them still reads "wrong credentials", so the answer
// reveals nothing about an account to someone who cannot sign in to it anyway.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, type AccountSecrets } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";

describe.each(inject("servers"))("a suspended account signing in on $kind", (server) => {
  let person: AccountSecrets;

  beforeAll(async () => {
    const { client: owner } = await signedInClient(server.url, ownerSecrets(server));
    ({ secrets: person } = await inviteMember(owner, { label: "suspended-sign-in" }));
    const suspended = await owner.request(`/api/v1/users/${person.userId}/status`, {
      method: "PUT",
      json: { status: "suspended" },
    });
    expect(suspended.status).toBe(200);
  });

  it("is told the account is suspended after a correct proof, and opens no session", async () => {
    const client = new ApiClient(server.url);
    const answer = await client.signIn(person);
    expect(answer).toMatchObject({ signedIn: false, result: "suspended", status: 401 });
    expect((await client.request("/api/v1/account")).status).toBe(401);
  });

  it("reads as wrong credentials to someone without the password", async () => {
    const answer = await new ApiClient(server.url).signIn({ ...person, password: "not it" });
    expect(answer).toMatchObject({ signedIn: false, result: "wrong-credentials" });
  });

  it("reads as wrong credentials to someone without the Secret Key", async () => {
    const otherKey = new Uint8Array(person.secretKey.length).fill(9);
    const answer = await new ApiClient(server.url).signIn({ ...person, secretKey: otherKey });
    expect(answer).toMatchObject({ signedIn: false, result: "wrong-credentials" });
  });
});
