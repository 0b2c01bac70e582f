// A refused field answers 400 with a sentence that names it in words, while `field` keeps the
// request key a form puts the message under: never zod's "organizationName Too big: …".
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ownerVaultClient, type VaultClient } from "../support/vault-client";
import { ApiClient } from "../support/protocol-client";

describe.each(inject("servers"))("field errors on $kind", (server) => {
  let owner: VaultClient;
  let vaultId: string;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    ({ vaultId } = await owner.createVault("Field errors", null));
  });

  it("refuses a 5,000-character organisation name with its limit, in words", async () => {
    const answer = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "x".repeat(5000), account: {} },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        code: "bad_request",
        message: "Organisation name is too long: at most 100 characters.",
        field: "organizationName",
      },
    });
  });

  it("says a missing nested value is missing, naming the field", async () => {
    const answer = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Acme", account: {} },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: { message: "User id is missing.", field: "account.userId" },
    });
  });

  it("refuses an item too large to store in words, and stores nothing", async () => {
    const itemId = "fielderrors-too-large-item";
    const answer = await owner.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: { id: itemId, keyVersion: 1, ciphertext: `v1.${"a".repeat(70000)}` },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: {
        message: "The encrypted item is too long: at most 65,536 characters.",
        field: "ciphertext",
      },
    });
    const history = await owner.api.request(`/api/v1/vaults/${vaultId}/items/${itemId}/history`);
    expect(history.status).toBe(404);
  });
});
