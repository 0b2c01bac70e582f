// Offboarding a person who is in 20 vaults holding 1,000 items in total, 30 members each, on
// PostgreSQL, measured in Chromium by the app's own performance marks: from the click that
// starts the offboarding (suspend, revoke, flag 1,000 items on the server) to the end of the
// re-keying of all 20 vaults in the manager's browser (fetch, decrypt, re-encrypt every item
// and revision, seal and sign 29 grants, submit; vault after vault).
// Baseline: the same 20 rotations driven from Node with VaultClient, in the same run.
import {
  compose,
  encryptItem,
  formatSecretKey,
  getSodium,
  requireSodium,
  sealEnvelope,
  unwrapUserKey,
} from "../../lib/crypto";
import type { PublicBundleDto } from "../../lib/api/vault";
import { launchChromium } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { inviteMember } from "../support/flows";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import {
  dropPostgresDatabase,
  postgresAvailable,
  startServer,
  type RunningServer,
} from "../support/server";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";
import type { BenchResult } from "./report";

const vaultCount = 20;
const itemsPerVault = 50;
const membersPerVault = 30;
/** Colleagues to draw each vault's other members from (the manager and the person aside). */
const colleagueCount = 40;
/** Items the person revealed or copied: flagged high, the rest medium. */
const seenItems = 100;

/** Runs `work` over `values`, `limit` at a time. */
async function inBatches<T>(values: T[], limit: number, work: (value: T) => Promise<void>) {
  for (let start = 0; start < values.length; start += limit) {
    await Promise.all(values.slice(start, start + limit).map(work));
  }
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/**
 * The manager's pinned contacts, as their browser saved them while sharing each vault after a
 * fingerprint comparison: encrypted under their userKey, so the rotations reseal to pinned keys
 * without pinning anyone on first use.
 */
async function pinEveryone(baseUrl: string, secrets: AccountSecrets, bundles: PublicBundleDto[]) {
  const api = new ApiClient(baseUrl);
  const signedIn = await api.signIn(secrets);
  const keys = await api.request("/api/v1/account/keys");
  expectStatus(keys, 200, "account keys");
  const { wrappedUserKey, userId } = keys.body as { wrappedUserKey: string; userId: string };
  const userKey = unwrapUserKey(signedIn.accountUnlockKey, wrappedUserKey, userId);
  const pinnedAt = new Date().toISOString();
  const contacts = Object.fromEntries(
    bundles
      .filter((bundle) => bundle.userId !== userId)
      .map((bundle) => [
        bundle.userId,
        {
          signPublicKey: bundle.signPublicKey,
          boxPublicKey: bundle.boxPublicKey,
          email: bundle.email,
          confirmed: true,
          pinnedAt,
        },
      ]),
  );
  const encryptedContacts = sealEnvelope(
    userKey,
    requireSodium().from_string(JSON.stringify(contacts)),
    compose("coffer", "contacts", "v1", userId),
  );
  const saved = await api.request("/api/v1/contacts", {
    method: "PUT",
    json: { encryptedContacts, baseRevision: 0 },
  });
  expectStatus(saved, 200, "save contacts");
}

/** 20 vaults of 50 items, each shared with the person and 28 colleagues. */
async function seed(server: RunningServer, password: string) {
  const { account, secrets } = await makeAccount({
    email: "manager@example.test",
    name: "Morgan Manager",
    password,
  });
  expectStatus(
    await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Bench", account },
    }),
    201,
    "setup",
  );
  const manager = await VaultClient.signIn(server.url, secrets);
  const person = await inviteMember(manager.api, { email: "dana@example.test" });
  const colleagues: string[] = [];
  for (let index = 0; index < colleagueCount; index++) {
    colleagues.push((await inviteMember(manager.api, { label: `c${index}` })).secrets.userId);
  }
  const directory = await manager.api.request("/api/v1/directory");
  expectStatus(directory, 200, "directory");
  const bundles = (directory.body as { users: PublicBundleDto[] }).users;
  const bundleOf = new Map(bundles.map((bundle) => [bundle.userId, bundle]));
  await pinEveryone(server.url, secrets, bundles);

  const personClient = await VaultClient.signIn(server.url, person.secrets);
  const seen: Array<{ vaultId: string; itemId: string; action: "reveal" | "copy" }> = [];
  for (let vault = 0; vault < vaultCount; vault++) {
    const { vaultId, key } = await manager.createVault(`Service ${vault}`);
    const others = Array.from(
      { length: membersPerVault - 2 },
      (_, index) => colleagues[(vault * 7 + index) % colleagueCount] ?? "",
    );
    const members: Array<{ userId: string; role: "edit" | "view" }> = [
      { userId: person.secrets.userId, role: "edit" },
      ...others.map((userId) => ({ userId, role: "view" as const })),
    ];
    await inBatches(members, 8, async ({ userId, role }) => {
      const bundle = bundleOf.get(userId);
      if (!bundle) throw new Error(`${userId} is not in the directory`);
      const grant = manager.signedGrant(vaultId, key, 1, {
        userId,
        role,
        boxPublicKey: bundle.boxPublicKey,
      });
      expectStatus(
        await manager.api.request(`/api/v1/vaults/${vaultId}/members`, {
          json: { userId, grant },
        }),
        201,
        "share",
      );
    });
    const itemIds = Array.from({ length: itemsPerVault }, () => randomId());
    await inBatches(itemIds, 16, async (itemId) => {
      const ciphertext = encryptItem(key, samplePlaintext(`Service ${vault} secret`), {
        vaultId,
        itemId,
        keyVersion: 1,
        revision: 1,
      });
      expectStatus(
        await manager.api.request(`/api/v1/vaults/${vaultId}/items`, {
          json: { id: itemId, keyVersion: 1, ciphertext },
        }),
        201,
        "item",
      );
    });
    for (const itemId of itemIds.slice(0, seenItems / vaultCount)) {
      seen.push({ vaultId, itemId, action: seen.length % 2 ? "copy" : "reveal" });
    }
  }
  // What the person looked at before leaving: reveals and copies in the audit log.
  await inBatches(seen, 16, async ({ vaultId, itemId, action }) => {
    const response = await personClient.api.request(
      `/api/v1/vaults/${vaultId}/items/${itemId}/events`,
      { json: { action } },
    );
    if (response.status >= 300) throw new Error(`event failed: ${response.status}`);
  });
  return { manager, secrets, person: person.secrets };
}

export async function offboardBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  if (!(await postgresAvailable())) {
    console.log("offboard benchmark skipped: no PostgreSQL at COFFER_TEST_POSTGRES_URL");
    return [];
  }
  const server = await startServer({ kind: "postgresql", port: 3450 });
  const browser = await launchChromium();
  try {
    const password = "offboard benchmark password";
    const { manager, secrets, person } = await seed(server, password);

    const page = await browser.newPage();
    await submitSignIn(page, server.url, {
      email: secrets.email,
      password,
      secretKey: formatSecretKey(secrets.secretKey),
    });
    await waitForHome(page);
    // People → Offboard… is a link to this page; a full load locks the keys, so unlock.
    await page.goto(`${server.url}/admin/offboard/${person.userId}`);
    await page.getByLabel("Master password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByText(`${vaultCount} vaults get a new key`).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: /^Offboard .*…$/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Offboard now" }).click();
    await page
      .getByRole("button", { name: `Re-key ${vaultCount} vaults` })
      .click({ timeout: 60_000 });
    await page.waitForFunction(
      () => performance.getEntriesByName("coffer:offboard-total", "measure").length > 0,
      undefined,
      { timeout: 120_000 },
    );
    const measured = await page.evaluate(() => ({
      total: performance.getEntriesByName("coffer:offboard-total", "measure").at(-1)?.duration,
      rekey: performance.getEntriesByName("coffer:offboard-rekey", "measure").at(-1)?.duration,
      start: performance
        .getEntriesByType("resource")
        .find((entry) => entry.name.endsWith("/api/v1/offboardings"))?.duration,
    }));
    if (measured.total === undefined || measured.rekey === undefined) {
      throw new Error("the offboarding page recorded no performance measures");
    }
    await page.getByText(`Re-keyed ${vaultCount} vaults.`).waitFor();
    console.log(
      "offboard breakdown (ms): start request",
      Math.round(measured.start ?? NaN),
      "· re-keying",
      Math.round(measured.rekey),
      "· total",
      Math.round(measured.total),
    );

    // Baseline: the same 20 rotations (50 items, 50 revisions, 29 grants each) from Node.
    const { vaults } = (await manager.api.request("/api/v1/vaults")).body as {
      vaults: Array<{ id: string }>;
    };
    const baselineStarted = performance.now();
    for (const vault of vaults) {
      const { response } = await manager.rotate(vault.id, []);
      expectStatus(response, 200, "baseline rotation");
    }
    const baseline = performance.now() - baselineStarted;

    return [
      {
        id: "offboard.20_vaults_ms",
        value: measured.total,
        unit: "ms",
        budget: 10000,
        baseline,
        note: `offboard a person in ${vaultCount} vaults (${vaultCount * itemsPerVault} items, ${membersPerVault} members each) on PostgreSQL, in Chromium: from the start click (server: suspend, revoke, flag) to the last vault re-keyed; baseline: the same ${vaultCount} rotations driven from Node`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
  }
}
