// The MFA gate over every route on disk: a session still waiting for its security key, and a
// person out of the MFA policy, each get exactly the MFA routes they need and a 403 everywhere
// else — vaults, items, people, audit, key material. A route added without the right access
// level fails here.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/protocol-client";
import { ownerSecrets, signedInClient } from "../support/flows";
import { memberWithKey, pendingSession } from "../support/mfa-client";

interface RouteOnDisk {
  method: string;
  path: string;
}

/** Routes anyone may call: setup, sign-in steps, sign-up. */
const publicRoutes = new Set([
  "GET /health",
  "GET /setup",
  "POST /setup",
  "POST /auth/prelogin",
  "POST /auth/challenge",
  "POST /signup",
  "POST /invites/lookup",
  // `coffer login` before anyone approved it: its poll secret is its only authority.
  "POST /device-logins",
  "POST /device-logins/[deviceLoginId]/poll",
  // Browsers send violation reports without credentials.
  "POST /csp-reports",
  // A share link's recipient has no account: the link's secret is the only authority.
  "GET /shared/[id]",
  "POST /shared/[id]/reveal",
]);

/** The second factor itself. */
const pendingRoutes = new Set([
  "GET /mfa",
  "POST /mfa/assertion/options",
  "POST /mfa/assertion",
  "POST /mfa/recovery",
]);

/** Enrolling a key: open to someone out of policy (but not to a pending session). */
const enrolmentRoutes = new Set(["GET /mfa/keys", "POST /mfa/keys/options", "POST /mfa/keys"]);

function routesOnDisk(): RouteOnDisk[] {
  const root = path.join(process.cwd(), "app", "api", "v1");
  const found: RouteOnDisk[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const routePath = `/${path.relative(root, path.dirname(full)).split(path.sep).join("/")}`;
        for (const match of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          found.push({ method: match[1]!, path: routePath });
        }
      }
    }
  };
  walk(root);
  return found.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Parameters filled with well-formed ids of nothing: the gate runs before any lookup. */
const concrete = (routePath: string) =>
  `/api/v1${routePath.replace(/\[[^\]]+\]/g, "AAAAAAAAAAAAAAAAAAAAAA")}`;

/** Machine routes take a service-account token, never a cookie: any session gets 401. */
const isMachineRoute = (route: RouteOnDisk) => route.path.startsWith("/machine/");

const guarded = routesOnDisk().filter(
  (route) => !publicRoutes.has(`${route.method} ${route.path}`) && !isMachineRoute(route),
);

describe.each(inject("servers"))("machine routes refuse cookies on $kind", (server) => {
  const machineRoutes = routesOnDisk().filter(isMachineRoute);
  let owner: ApiClient;

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
  });

  it("has machine routes to check", () => {
    expect(machineRoutes.length).toBeGreaterThan(0);
  });

  it.each(machineRoutes)("$method $path", async (route) => {
    const response = await owner.request(concrete(route.path), {
      method: route.method,
      json: route.method === "GET" ? undefined : {},
    });
    expect(response.status, JSON.stringify(response.body)).toBe(401);
  });
});

it("knows every public route it skips", () => {
  const onDisk = new Set(routesOnDisk().map((route) => `${route.method} ${route.path}`));
  for (const route of [...publicRoutes, ...pendingRoutes, ...enrolmentRoutes]) {
    expect(onDisk, route).toContain(route);
  }
});

describe.each(inject("servers"))("MFA gate on $kind", (server) => {
  let pending: ApiClient;
  let outOfPolicy: ApiClient;

  beforeAll(async () => {
    const owner = (await signedInClient(server.url, ownerSecrets(server))).client;
    const holder = await memberWithKey(owner, { label: "gate-pending", role: "admin" });
    pending = await pendingSession(holder);
    // Keys reset by the owner (an admin's keys are the owner's to reset): required to enrol,
    // whatever the org policy says.
    const reset = await memberWithKey(owner, { label: "gate-reset", role: "admin" });
    const done = await owner.request(`/api/v1/users/${reset.secrets.userId}/mfa`, {
      method: "DELETE",
    });
    expect(done.status).toBe(200);
    outOfPolicy = (await signedInClient(server.url, reset.secrets)).client;
  });

  it.each(guarded)("$method $path", async (route) => {
    const key = `${route.method} ${route.path}`;
    const call = (client: ApiClient) =>
      client.request(concrete(route.path), {
        method: route.method,
        json: route.method === "GET" ? undefined : {},
      });

    const asPending = await call(pending);
    if (pendingRoutes.has(key)) {
      expect([401, 403], JSON.stringify(asPending.body)).not.toContain(asPending.status);
    } else {
      expect(asPending.status, JSON.stringify(asPending.body)).toBe(403);
      expect((asPending.body as { error: { code: string } }).error.code).toBe("mfa_pending");
    }

    const asOutOfPolicy = await call(outOfPolicy);
    if (pendingRoutes.has(key) || enrolmentRoutes.has(key)) {
      expect([401, 403], JSON.stringify(asOutOfPolicy.body)).not.toContain(asOutOfPolicy.status);
    } else {
      expect(asOutOfPolicy.status, JSON.stringify(asOutOfPolicy.body)).toBe(403);
      expect((asOutOfPolicy.body as { error: { code: string } }).error.code).toBe(
        "mfa_enrolment_required",
      );
    }
  });
});
