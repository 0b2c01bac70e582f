// Every vault and item route × every kind of principal, from one table. The table is checked
// against the route files on disk, so a new route cannot be added without a row here.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, type AccountSecrets } from "../support/protocol-client";
import { enrolKey } from "../support/mfa-client";
import { SoftAuthenticator } from "../support/soft-authenticator";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";
import { newVaultKey } from "../../lib/crypto";
import { randomId, VaultClient } from "../support/vault-client";

type Principal =
  | "signedOut"
  | "nonMember"
  | "viewer"
  | "editor"
  | "manager"
  | "orgAdminNonMember"
  | "suspended"
  | "mfaPending"
  | "outOfCompliance";

/** "ok": passes the authorisation gate (any answer but 401, 403 and 404). */
type Expected = "ok" | 401 | 403 | 404;

const principals: Principal[] = [
  "signedOut",
  "nonMember",
  "viewer",
  "editor",
  "manager",
  "orgAdminNonMember",
  "suspended",
  // An editor of the vault who signed in with the password but not yet with their key.
  "mfaPending",
  // An editor of the vault whose keys an admin reset: required to enrol before anything else.
  "outOfCompliance",
];

// Well-formed but meaningless values: the gate runs before anything looks inside them.
const envelope = `v1.${"A".repeat(32)}.${"B".repeat(40)}`;
const key32 = "C".repeat(43);
const signature = "D".repeat(86);
const sealed = "E".repeat(107);

interface Fixture {
  vaultId: string;
  itemId: string;
  ids: Record<Principal, string>;
  boxKeys: Record<string, string>;
}

const grant = (keyVersion: number, role: string, box: string) => ({
  keyVersion,
  role,
  memberBoxPublicKey: box,
  sealedKey: sealed,
  signature,
});

interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** Routes that consume their target get a fresh fixture for every principal. */
  destructive?: boolean;
  allowed: Principal[];
}

const readers: Principal[] = ["viewer", "editor", "manager"];
const writers: Principal[] = ["editor", "manager"];
const managers: Principal[] = ["manager"];
const anyone: Principal[] = ["nonMember", "viewer", "editor", "manager", "orgAdminNonMember"];

const routes: Route[] = [
  { method: "GET", path: "/vaults", url: () => "/api/v1/vaults", allowed: anyone },
  {
    method: "POST",
    path: "/vaults",
    url: () => "/api/v1/vaults",
    body: () => ({
      id: randomId(),
      encryptedName: envelope,
      environment: "production",
      grant: grant(1, "manage", key32),
    }),
    allowed: anyone,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]",
    url: (f) => `/api/v1/vaults/${f.vaultId}`,
    allowed: readers,
  },
  {
    method: "PATCH",
    path: "/vaults/[vaultId]",
    url: (f) => `/api/v1/vaults/${f.vaultId}`,
    body: () => ({ expectedKeyVersion: 1, encryptedName: envelope }),
    allowed: managers,
  },
  {
    method: "DELETE",
    path: "/vaults/[vaultId]",
    url: (f) => `/api/v1/vaults/${f.vaultId}`,
    destructive: true,
    allowed: managers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/service-accounts",
    url: (f) => `/api/v1/vaults/${f.vaultId}/service-accounts`,
    allowed: readers,
  },
  {
    method: "POST",
    path: "/vaults/[vaultId]/service-accounts",
    url: (f) => `/api/v1/vaults/${f.vaultId}/service-accounts`,
    body: () => ({
      serviceAccountId: randomId(),
      grant: { keyVersion: 1, scope: "read", boxPublicKey: key32, sealedKey: sealed, signature },
    }),
    allowed: managers,
  },
  {
    method: "POST",
    path: "/vaults/[vaultId]/members",
    url: (f) => `/api/v1/vaults/${f.vaultId}/members`,
    body: (f) => ({
      userId: f.ids.nonMember,
      grant: grant(1, "view", f.boxKeys[f.ids.nonMember]!),
    }),
    destructive: true,
    allowed: managers,
  },
  {
    method: "PUT",
    path: "/vaults/[vaultId]/members/[userId]",
    url: (f) => `/api/v1/vaults/${f.vaultId}/members/${f.ids.viewer}`,
    body: (f) => ({ grant: grant(1, "edit", f.boxKeys[f.ids.viewer]!) }),
    destructive: true,
    allowed: managers,
  },
  {
    method: "POST",
    path: "/vaults/[vaultId]/rotate",
    url: (f) => `/api/v1/vaults/${f.vaultId}/rotate`,
    body: (f) => ({
      expectedKeyVersion: 1,
      encryptedName: envelope,
      items: [],
      revisions: [],
      grants: [{ userId: f.ids.manager, ...grant(2, "manage", key32) }],
      removeUserIds: [],
    }),
    allowed: managers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/revisions",
    url: (f) => `/api/v1/vaults/${f.vaultId}/revisions`,
    allowed: managers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/rotation-interval",
    url: (f) => `/api/v1/vaults/${f.vaultId}/rotation-interval`,
    allowed: readers,
  },
  {
    method: "PUT",
    path: "/vaults/[vaultId]/rotation-interval",
    url: (f) => `/api/v1/vaults/${f.vaultId}/rotation-interval`,
    body: () => ({ rotationIntervalDays: 90 }),
    allowed: managers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/items",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items?limit=10`,
    allowed: readers,
  },
  {
    method: "POST",
    path: "/vaults/[vaultId]/items",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items`,
    body: () => ({
      id: randomId(),
      keyVersion: 1,
      ciphertext: envelope,
    }),
    allowed: writers,
  },
  {
    method: "POST",
    path: "/vaults/[vaultId]/items/batch",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/batch`,
    body: () => ({ keyVersion: 1, items: [{ id: randomId(), ciphertext: envelope }] }),
    allowed: writers,
  },
  {
    method: "PUT",
    path: "/vaults/[vaultId]/items/[itemId]",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}`,
    body: () => ({ keyVersion: 1, baseRevision: 1, ciphertext: envelope, changedSecretFields: 0 }),
    destructive: true,
    allowed: writers,
  },
  {
    method: "DELETE",
    path: "/vaults/[vaultId]/items/[itemId]",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}`,
    destructive: true,
    allowed: writers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/items/[itemId]/history",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}/history`,
    allowed: readers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/items/[itemId]/share-links",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}/share-links`,
    allowed: readers,
  },
  {
    method: "GET",
    path: "/vaults/[vaultId]/items/[itemId]/rotation-interval",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}/rotation-interval`,
    allowed: readers,
  },
  {
    method: "PUT",
    path: "/vaults/[vaultId]/items/[itemId]/rotation-interval",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}/rotation-interval`,
    body: () => ({ rotationIntervalDays: 30 }),
    allowed: writers,
  },
  {
    method: "POST",
    path: "/vaults/[vaultId]/items/[itemId]/events",
    url: (f) => `/api/v1/vaults/${f.vaultId}/items/${f.itemId}/events`,
    body: () => ({ action: "reveal" }),
    allowed: readers,
  },
];

function expectedFor(route: Route, principal: Principal): Expected {
  if (principal === "signedOut" || principal === "suspended") return 401;
  // The MFA gate comes before any vault check, whatever their role in the vault.
  if (principal === "mfaPending" || principal === "outOfCompliance") return 403;
  if (route.allowed.includes(principal)) return "ok";
  // Members below the needed role learn they lack it; everyone else learns nothing.
  return readers.includes(principal) ? 403 : 404;
}

/** Every handler exported under app/api/v1/vaults, as "METHOD /vaults/…". */
function discoverRoutes(): string[] {
  const root = path.join(process.cwd(), "app", "api", "v1");
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const routePath = `/${path.relative(root, path.dirname(full)).split(path.sep).join("/")}`;
        for (const match of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          found.push(`${match[1]} ${routePath}`);
        }
      }
    }
  };
  walk(path.join(root, "vaults"));
  return found.sort();
}

it("the matrix covers every vault and item route on disk", () => {
  expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(discoverRoutes());
});

describe.each(inject("servers"))("vault authorisation on $kind", (server) => {
  const clients = {} as Record<Principal, ApiClient>;
  const ids = {} as Record<Principal, string>;
  const boxKeys: Record<string, string> = {};
  const secrets: Partial<Record<Principal, AccountSecrets>> = {};
  let owner: ApiClient;
  // The fixture's grants are signed for real: the server refuses any other.
  let managerKeys: VaultClient;

  async function makeFixture(): Promise<Fixture> {
    const vaultId = randomId();
    const itemId = randomId();
    const manager = clients.manager;
    const vaultKey = newVaultKey();
    const signed = (userId: string, role: "manage" | "edit" | "view") =>
      managerKeys.signedGrant(vaultId, vaultKey, 1, {
        userId,
        role,
        boxPublicKey: boxKeys[userId]!,
      });
    const created = await manager.request("/api/v1/vaults", {
      json: {
        id: vaultId,
        encryptedName: envelope,
        environment: null,
        grant: signed(ids.manager, "manage"),
      },
    });
    expect(created.status).toBe(201);
    const memberships = [
      ["viewer", "view"],
      ["editor", "edit"],
      ["suspended", "edit"],
      ["mfaPending", "edit"],
      ["outOfCompliance", "edit"],
    ] as const;
    // Only the shared fixture, made before the suspension and the key reset, can still add
    // those two people.
    for (const [principal, role] of memberships.filter(
      ([p]) => !suspendedYet || (p !== "suspended" && p !== "outOfCompliance"),
    )) {
      const added = await manager.request(`/api/v1/vaults/${vaultId}/members`, {
        json: { userId: ids[principal], grant: signed(ids[principal], role) },
      });
      expect(added.status).toBe(201);
    }
    const item = await manager.request(`/api/v1/vaults/${vaultId}/items`, {
      json: { id: itemId, keyVersion: 1, ciphertext: envelope },
    });
    expect(item.status).toBe(201);
    return { vaultId, itemId, ids, boxKeys };
  }

  let shared: Fixture;
  let suspendedYet = false;

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
    clients.signedOut = new ApiClient(server.url);
    ids.signedOut = "nobody";
    for (const principal of principals.filter((p) => p !== "signedOut")) {
      const member = await inviteMember(owner, {
        label: principal,
        role: principal === "orgAdminNonMember" ? "admin" : "member",
      });
      ids[principal] = member.secrets.userId;
      boxKeys[member.secrets.userId] = member.account.boxPublicKey;
      clients[principal] = (await signedInClient(server.url, member.secrets)).client;
      secrets[principal] = member.secrets;
      if (principal === "mfaPending" || principal === "outOfCompliance") {
        await enrolKey(clients[principal], new SoftAuthenticator({ origin: server.url }));
      }
    }
    managerKeys = await VaultClient.signIn(server.url, secrets.manager!);
    shared = await makeFixture();
    // Suspended after joining the vault: the session it still holds must stop working.
    const suspended = await owner.request(`/api/v1/users/${ids.suspended}/status`, {
      method: "PUT",
      json: { status: "suspended" },
    });
    expect(suspended.status).toBe(200);
    const reset = await owner.request(`/api/v1/users/${ids.outOfCompliance}/mfa`, {
      method: "DELETE",
    });
    expect(reset.status).toBe(200);
    suspendedYet = true;
    // New sessions: one waiting for its key, one that may only enrol.
    clients.mfaPending = (await signedInClient(server.url, secrets.mfaPending!)).client;
    clients.outOfCompliance = (await signedInClient(server.url, secrets.outOfCompliance!)).client;
  }, 180_000);

  const cases = routes.flatMap((route) =>
    principals.map((principal) => ({
      route,
      principal,
      name: `${route.method} ${route.path} as ${principal}`,
    })),
  );

  it.each(cases)("$name", async ({ route, principal }) => {
    const fixture =
      route.destructive && expectedFor(route, principal) === "ok" ? await makeFixture() : shared;
    const response = await clients[principal].request(route.url(fixture), {
      method: route.method,
      json: route.body?.(fixture),
    });
    const expected = expectedFor(route, principal);
    if (expected === "ok") {
      expect([401, 403, 404], JSON.stringify(response.body)).not.toContain(response.status);
    } else {
      expect(response.status, JSON.stringify(response.body)).toBe(expected);
    }
  });
});
