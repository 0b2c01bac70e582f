// Two app instances on one PostgreSQL, as a scaled-out installation runs: an offboarding made
// through one instance stops the person on the other at their next request, the interval
// scheduler running on both flags each due item once, and a finished offboarding keeps the
// report it had when it closed. Step-up and the single-admin lockdown need an organisation of
// their own, so they live here too.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSodium, toBase64Url } from "@/lib/crypto";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { inviteMember } from "../support/flows";
import { assert, memberWithKey } from "../support/mfa-client";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresAvailable,
  sleep,
  startServer,
  type RunningServer,
} from "../support/server";
import { samplePlaintext, VaultClient } from "../support/vault-client";
import {
  checklistOf,
  errorCode,
  flagsFor,
  liftLockdown,
  lockDown,
  report,
  reportOf,
  startOffboarding,
} from "../support/rotation-client";

const postgres = await postgresAvailable();
const tickMs = 0.02 * 60_000; // COFFER_ROTATION_CHECK_MINUTES=0.02: 1.2 s
const stepUpMs = 0.05 * 60_000; // COFFER_STEP_UP_MINUTES=0.05: 3 s

describe.runIf(postgres)("offboarding across two instances on one PostgreSQL", () => {
  let databaseUrl: string;
  let first: RunningServer;
  let second: RunningServer;
  let database: pg.Client;
  let ownerSecrets: AccountSecrets;
  let owner: VaultClient;

  beforeAll(async () => {
    await getSodium();
    databaseUrl = await createPostgresDatabase("coffer_offboarding");
    const env = {
      // Both instances must sign and read the same session cookies.
      COFFER_SECRET: toBase64Url(crypto.randomBytes(32)),
      COFFER_ROTATION_CHECK_MINUTES: String(tickMs / 60_000),
      COFFER_STEP_UP_MINUTES: String(stepUpMs / 60_000),
    };
    // One after the other: the first applies the migrations, the second finds them applied.
    first = await startServer({ kind: "postgresql", databaseUrl, port: 3235, env });
    second = await startServer({ kind: "postgresql", databaseUrl, port: 3236, env });
    const made = await makeAccount({
      email: "owner@instances.test",
      name: "Owen Owner",
      password: "two instances, one database",
    });
    const setup = await new ApiClient(first.url).request("/api/v1/setup", {
      json: { organizationName: "Instances Ltd", account: made.account },
    });
    expect(setup.status).toBe(201);
    ownerSecrets = made.secrets;
    owner = await VaultClient.signIn(first.url, ownerSecrets);
    database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end().catch(() => {});
    for (const server of [second, first]) {
      if (!server) continue;
      await server.stop();
      fs.rmSync(server.dataDirectory, { recursive: true, force: true });
    }
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
  });

  /** A member made through the first instance, signed in with keys on `url`. */
  async function member(url: string, label: string) {
    const made = await inviteMember(owner.api, { label });
    return VaultClient.signIn(url, made.secrets);
  }

  it("an offboarding through one instance stops the person's session on the other", async () => {
    const person = await member(second.url, "two-instances");
    expect((await person.api.request("/api/v1/account")).status).toBe(200);

    const started = await startOffboarding(owner.api, person.userId);
    expect(started.status, JSON.stringify(started.body)).toBe(201);

    expect((await person.api.request("/api/v1/account")).status).toBe(401);
    expect((await person.api.request("/api/v1/vaults")).status).toBe(401);
    expect((await new ApiClient(second.url).signIn(person.credentials)).signedIn).toBe(false);
  });

  it("needs a fresh security-key check from a caller who has a key", async () => {
    const admin = await memberWithKey(owner.api, { label: "keyed-admin", role: "admin" });
    const person = await member(first.url, "step-up-target");
    await sleep(stepUpMs + 500);
    const stale = await startOffboarding(admin.client, person.userId);
    expect(stale.status).toBe(403);
    expect(errorCode(stale.body)).toBe("step_up_required");
    expect((await person.api.request("/api/v1/account")).status).toBe(200);

    expect((await assert(admin.client, admin.authenticator)).status).toBe(200);
    const fresh = await startOffboarding(admin.client, person.userId);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    expect((await person.api.request("/api/v1/account")).status).toBe(401);

    // The admin leaves too, so that the owner is this organisation's only admin again.
    expect((await startOffboarding(owner.api, admin.secrets.userId)).status).toBe(201);
  });

  it("keeps the report it had when the run closed", async () => {
    // Without manual steps, the re-key is the last step: it closes the run.
    await database.query(
      `UPDATE "ChecklistTemplate" SET "isDefault" = false WHERE "kind" = 'offboarding'`,
    );
    const person = await member(first.url, "closing");
    const { vaultId } = await owner.createVault("Closing", "production");
    const item = await owner.addItem(vaultId, samplePlaintext("closing item"));
    await person.trust(owner.userId);
    expect((await owner.shareWith(vaultId, person.userId, "edit")).status).toBe(201);

    const checklist = checklistOf(await startOffboarding(owner.api, person.userId));
    expect(checklist.status).toBe("open");
    // Re-keyed through the other instance: the step and the run close there.
    const manager = await VaultClient.signIn(second.url, ownerSecrets);
    expect((await manager.rotate(vaultId, [person.userId])).response.status).toBe(200);

    const closed = reportOf(await report(owner.api, checklist.id));
    expect(closed.completedAt).not.toBeNull();
    expect(closed.vaults).toEqual([expect.objectContaining({ vaultId, rekeyed: true })]);
    expect(closed.flaggedItems).toEqual([
      expect.objectContaining({ itemId: item.itemId, cleared: false }),
    ]);
    const stored = await database.query<{ status: string; report: { completedAt: string } }>(
      `SELECT "status"::text AS status, "report" FROM "ChecklistRun" WHERE "id" = $1`,
      [checklist.id],
    );
    expect(stored.rows[0]?.status).toBe("done");
    expect(stored.rows[0]?.report.completedAt).toBe(closed.completedAt);

    // The flag clears afterwards; the record of the closed offboarding does not change.
    const opened = (await owner.openVault(vaultId)).items[0]!;
    const saved = await owner.updateItem(vaultId, opened, samplePlaintext("closing item", "new"));
    expect(saved.status).toBe(200);
    expect(await flagsFor(owner.api, item.itemId)).toEqual([]);
    expect(reportOf(await report(owner.api, checklist.id))).toEqual(closed);
  });

  it("seals the report of a run another route closed, at its first reading", async () => {
    const person = await member(first.url, "closed-elsewhere");
    const { vaultId } = await owner.createVault("Elsewhere", null);
    await owner.addItem(vaultId, samplePlaintext("elsewhere item"));
    await person.trust(owner.userId);
    expect((await owner.shareWith(vaultId, person.userId, "view")).status).toBe(201);
    const checklist = checklistOf(await startOffboarding(owner.api, person.userId));
    // As when the last manual step is ticked off through the checklist routes.
    await database.query(
      `UPDATE "ChecklistStep" SET "status" = 'skipped' WHERE "runId" = $1 AND "status" = 'pending'`,
      [checklist.id],
    );
    await database.query(
      `UPDATE "ChecklistRun" SET "status" = 'done', "completedAt" = $2 WHERE "id" = $1`,
      [checklist.id, new Date()],
    );
    const sealed = reportOf(await report(owner.api, checklist.id));
    expect(sealed.completedAt).not.toBeNull();
    const stored = await database.query<{ report: { completedAt: string } }>(
      `SELECT "report" FROM "ChecklistRun" WHERE "id" = $1`,
      [checklist.id],
    );
    expect(stored.rows[0]?.report.completedAt).toBe(sealed.completedAt);
  });

  it("flags each due item once while both instances run the interval check", async () => {
    const { vaultId } = await owner.createVault("Intervals", "production");
    const due = [
      (await owner.addItem(vaultId, samplePlaintext("due one"))).itemId,
      (await owner.addItem(vaultId, samplePlaintext("due two"))).itemId,
    ];
    const longer = (await owner.addItem(vaultId, samplePlaintext("own interval"))).itemId;
    const setVault = await owner.api.request(`/api/v1/vaults/${vaultId}/rotation-interval`, {
      method: "PUT",
      json: { rotationIntervalDays: 1 },
    });
    expect(setVault.status).toBe(200);
    const setItem = await owner.api.request(
      `/api/v1/vaults/${vaultId}/items/${longer}/rotation-interval`,
      { method: "PUT", json: { rotationIntervalDays: 30 } },
    );
    expect(setItem.status).toBe(200);
    const ageSecrets = (itemIds: string[]) =>
      database.query(
        `UPDATE "Item" SET "secretsChangedAt" = "secretsChangedAt" - interval '2 days'
         WHERE "id" = ANY($1)`,
        [itemIds],
      );
    const intervalFlags = async () => {
      const rows = await database.query<{ itemId: string; open: boolean }>(
        `SELECT "itemId", "clearedAt" IS NULL AS open FROM "ItemFlag"
         WHERE "vaultId" = $1 AND "source" = 'interval' ORDER BY "createdAt"`,
        [vaultId],
      );
      return rows.rows;
    };
    await ageSecrets([...due, longer]);
    await sleep(tickMs * 4);
    const flagged = await intervalFlags();
    expect(flagged.map((flag) => flag.itemId).sort()).toEqual([...due].sort());
    expect(flagged.every((flag) => flag.open)).toBe(true);

    // Marked rotated: the clock restarts, nothing is flagged again however often it runs…
    const [flag] = await flagsFor(owner.api, due[0]!);
    const marked = await owner.api.request(`/api/v1/flags/${flag!.id}/rotated`, {
      json: { note: "rotated at the provider" },
    });
    expect(marked.status).toBe(200);
    await sleep(tickMs * 3);
    expect((await intervalFlags()).filter((row) => row.itemId === due[0])).toEqual([
      { itemId: due[0], open: false },
    ]);
    // …until its next interval has passed.
    await ageSecrets([due[0]!]);
    await sleep(tickMs * 3);
    expect((await intervalFlags()).filter((row) => row.itemId === due[0])).toEqual([
      { itemId: due[0], open: false },
      { itemId: due[0], open: true },
    ]);

    // Each instance recorded only the flags it raised.
    const audit = await database.query<{ count: string }>(
      `SELECT COALESCE(SUM(("details"->>'count')::int), 0) AS count FROM "AuditEvent"
       WHERE "action" = 'flag.create' AND "details"->>'source' = 'interval'`,
    );
    expect(Number(audit.rows[0]?.count)).toBe(3);
  });

  it("lets a lone admin lift the lockdown they started", async () => {
    const started = await lockDown(owner.api);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    try {
      const status = await owner.api.request("/api/v1/admin/lockdown");
      expect(status.body).toMatchObject({ active: true, canLift: true });
    } finally {
      const lifted = await liftLockdown(owner.api);
      expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    }
  });
});
