// A streamed item answer (GET /vaults/:id/items with Accept: application/x-ndjson) reads each
// page with its own statement, and each statement checks membership: a member removed while
// their stream is open gets no page after the removal. Over a socket, the pages of a small vault
// all leave at once, so this drives the server's stream in this process, page by page, against
// the shared PostgreSQL server's database (PGlite's directory belongs to its server alone).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { encryptItem } from "@/lib/crypto";
import type { ItemPageResponse } from "@/lib/api/item-page";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

vi.mock("server-only", () => ({}));

const postgres = inject("servers").find((server) => server.kind === "postgresql");

describe.runIf(postgres)("a streamed item answer on postgresql", () => {
  const server = postgres!;
  let owner: VaultClient;
  let reader: VaultClient;
  let vaultId: string;
  let itemPageStream: typeof import("@/lib/server/vaults/item-stream").itemPageStream;

  const databaseUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    // lib/server/env.ts reads the setting as the stream's modules load, below.
    process.env.DATABASE_URL = server.databaseUrl;
    ({ itemPageStream } = await import("@/lib/server/vaults/item-stream"));
    owner = await ownerVaultClient(server);
    reader = await invitedVaultClient(server, owner, { label: "stream-reader" });
    const created = await owner.createVault("Streamed");
    vaultId = created.vaultId;
    const items = Array.from({ length: 30 }, (_, index) => {
      const id = randomId();
      const context = { vaultId, itemId: id, keyVersion: 1, revision: 1 };
      return {
        id,
        ciphertext: encryptItem(created.key, samplePlaintext(`streamed ${index}`), context),
      };
    });
    const batch = await owner.api.request(`/api/v1/vaults/${vaultId}/items/batch`, {
      json: { keyVersion: 1, items },
    });
    expect(batch.status).toBe(201);
    expect((await owner.shareWith(vaultId, reader.userId, "view")).status).toBe(201);
  }, 120_000);

  afterAll(() => {
    if (databaseUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = databaseUrl;
  });

  const pageOf = (chunk: Uint8Array | undefined) =>
    JSON.parse(new TextDecoder().decode(chunk)) as ItemPageResponse;

  it("sends a removed member no page after the removal, and breaks the answer off", async () => {
    const answer = await itemPageStream(vaultId, reader.userId, undefined, 2);
    expect(answer).not.toBeNull();
    const lines = answer!.body!.getReader();

    // Pages of 2 and then 8 items while the reader is a member: the stream goes on.
    const first = pageOf((await lines.read()).value);
    expect(first.items).toHaveLength(2);
    const second = pageOf((await lines.read()).value);
    expect(second.items).toHaveLength(8);
    expect(second.next).not.toBeNull();

    const { response } = await owner.rotate(vaultId, [reader.userId]);
    expect(response.status).toBe(200);

    // The third page (20 items) was not read yet: its statement finds no membership.
    await expect(lines.read()).rejects.toThrow("The vault can no longer be read.");
  });

  it("answers null to someone who is not a member, before anything is read", async () => {
    expect(await itemPageStream(vaultId, reader.userId, undefined, 2)).toBeNull();
  });
});
