// What docs/api.md states about sign-in and vaults, checked against the running server: a client
// written from the docs alone must meet exactly this.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { encryptVaultName, newVaultKey, toBase64Url } from "@/lib/crypto";
import { routes } from "@/lib/api/routes";
import { ownerVaultClient, randomId, type VaultClient } from "../support/vault-client";

/** The cookies a response sets, by name (attributes dropped). */
function setCookies(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((header) => {
      const pair = header.split(";")[0]!;
      const index = pair.indexOf("=");
      return [pair.slice(0, index).trim(), pair.slice(index + 1).trim()];
    }),
  );
}

describe.each(inject("servers"))("the documented contract on $kind", (server) => {
  const origin = new URL(server.url).origin;

  async function csrf() {
    const response = await fetch(new URL("/api/auth/csrf", server.url));
    expect(response.status).toBe(200);
    const { csrfToken } = routes.csrf.response.parse(await response.json());
    return { csrfToken, cookies: setCookies(response) };
  }

  async function challengeId() {
    const response = await fetch(new URL("/api/v1/auth/challenge", server.url), {
      method: "POST",
      headers: { origin },
    });
    return routes.challenge.response.parse(await response.json()).challengeId;
  }

  function postCredentials(form: Record<string, string>, cookie?: string) {
    return fetch(new URL("/api/auth/callback/credentials", server.url), {
      method: "POST",
      redirect: "manual",
      headers: {
        origin,
        "content-type": "application/x-www-form-urlencoded",
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
  }

  it("sets next-auth's CSRF cookie, named as documented for http, with the token", async () => {
    const { csrfToken, cookies } = await csrf();
    expect([...cookies.keys()]).toContain("next-auth.csrf-token");
    // next-auth's cookie value is `<token>|<hash>`: the form sends the token half.
    expect(decodeURIComponent(cookies.get("next-auth.csrf-token")!).split("|")[0]).toBe(csrfToken);
  });

  it("answers a refused proof with json=true as 401 { url } naming CredentialsSignin", async () => {
    const { csrfToken, cookies } = await csrf();
    const response = await postCredentials(
      {
        email: `nobody-${randomId()}@example.com`,
        challengeId: await challengeId(),
        signature: toBase64Url(new Uint8Array(64)),
        csrfToken,
        json: "true",
      },
      `next-auth.csrf-token=${cookies.get("next-auth.csrf-token")}`,
    );
    expect(response.status).toBe(401);
    const body = routes.credentialsCallback.response.parse(await response.json());
    expect(new URL(body.url, server.url).searchParams.get("error")).toBe("CredentialsSignin");
    expect([...setCookies(response).keys()]).not.toContain("next-auth.session-token");
  });

  it("signs nobody in from a form without the CSRF cookie", async () => {
    const { csrfToken } = await csrf();
    const response = await postCredentials({
      email: `nobody-${randomId()}@example.com`,
      challengeId: await challengeId(),
      signature: toBase64Url(new Uint8Array(64)),
      csrfToken,
      json: "true",
    });
    // next-auth answers with where it would redirect, the sign-in page, and signs nobody in.
    const body = routes.credentialsCallback.response.parse(await response.json());
    expect(new URL(body.url, server.url).searchParams.get("csrf")).toBe("true");
    expect([...setCookies(response).keys()]).not.toContain("next-auth.session-token");
  });

  describe("with a signed-in owner", () => {
    let owner: VaultClient;
    beforeAll(async () => {
      owner = await ownerVaultClient(server);
    }, 120_000);

    it("carries the session in the documented cookie", () => {
      expect(owner.api.jar.has("next-auth.session-token")).toBe(true);
    });

    it("starts every vault at key version 1", async () => {
      const create = (keyVersion: number) => {
        const vaultId = randomId();
        const key = newVaultKey();
        return owner.api.request("/api/v1/vaults", {
          json: {
            id: vaultId,
            encryptedName: encryptVaultName(key, "First version", vaultId, keyVersion),
            grant: owner.signedGrant(vaultId, key, keyVersion, {
              userId: owner.userId,
              role: "manage",
              boxPublicKey: toBase64Url(owner.boxKeyPair.publicKey),
            }),
          },
        });
      };
      const refused = await create(2);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { field: "grant.keyVersion" } });
      const created = await create(1);
      expect(created.status).toBe(201);
      expect(routes.createVault.response.parse(created.body).keyVersion).toBe(1);
    });
  });
});
