// Statements per request are counted by the server itself at its driver adapter (the shared
// test servers run with COFFER_COUNT_STATEMENTS=1; docs/decisions/0051). Counts are not timings:
// they hold on a busy machine, so a query added to the hottest reads fails here, not in a bench.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ownerVaultClient, samplePlaintext, type VaultClient } from "../support/vault-client";

const statementsOf = (headers: Headers) => {
  const header = headers.get("coffer-statements");
  expect(header, "the server answers with its statement count").not.toBeNull();
  return Number(header);
};

describe.each(inject("servers"))("SQL statements per request on $kind", (server) => {
  let owner: VaultClient;
  let vaultId: string;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    ({ vaultId } = await owner.createVault("Counted"));
    for (let index = 0; index < 10; index++) {
      await owner.addItem(vaultId, samplePlaintext(`counted ${index}`));
    }
  }, 120_000);

  it("reads a 10-item vault with a session cookie in at most 5 statements", async () => {
    for (let read = 0; read < 5; read++) {
      const response = await owner.api.request(`/api/v1/vaults/${vaultId}`);
      expect(response.status).toBe(200);
      expect((response.body as { items: unknown[] }).items).toHaveLength(10);
      const statements = statementsOf(response.headers);
      // At least the session and the vault: a count of nothing means nothing was counted.
      expect(statements).toBeGreaterThanOrEqual(2);
      expect(statements).toBeLessThanOrEqual(5);
    }
  });

  it("answers a vault the caller is not in without reading it", async () => {
    const response = await owner.api.request(`/api/v1/vaults/not-a-vault-of-mine`);
    expect(response.status).toBe(404);
    // The session, then the membership that is not there.
    expect(statementsOf(response.headers)).toBe(2);
  });

  it("reads a page of items in the session and one statement, membership included", async () => {
    const page = await owner.api.request(`/api/v1/vaults/${vaultId}/items?limit=4`);
    expect(page.status).toBe(200);
    expect((page.body as { items: unknown[] }).items).toHaveLength(4);
    expect(statementsOf(page.headers)).toBe(2);
    const stranger = await owner.api.request(`/api/v1/vaults/not-a-vault-of-mine/items?limit=4`);
    expect(stranger.status).toBe(404);
    expect(statementsOf(stranger.headers)).toBe(2);
  });

  it("answers health from a recent ping, not a statement per request", async () => {
    const counts: number[] = [];
    for (let check = 0; check < 5; check++) {
      const response = await fetch(`${server.url}/api/v1/health`);
      expect(response.status).toBe(200);
      counts.push(statementsOf(response.headers));
    }
    // Five checks in a row fall within one or two ping windows of two seconds.
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(2);
  });
});
