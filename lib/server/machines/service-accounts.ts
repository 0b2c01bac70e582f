import "server-only";
import type { z } from "zod";
import { verifyServiceAccountBundle } from "@/lib/crypto/service-account-keys";
import type {
  CreateServiceAccountRequest,
  ServiceAccountDetailResponse,
  serviceAccountSummaryDto,
} from "@/lib/api/machine";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { isOrgAdmin } from "../policies";
import type { SessionContext } from "../session";
import { getOrganization } from "../data/organization";
import {
  countActivePeople,
  countManagedVaults,
  findBundles,
  findServiceAccount,
  insertServiceAccount,
  listServiceAccounts,
} from "../data/service-accounts";

type Summary = z.infer<typeof serviceAccountSummaryDto>;

/**
 * Who may create a service account: an admin, or anyone who manages a vault (the account is
 * useless until a vault manager grants it something). The creator must be among its managers,
 * since only a manager holds saKey and can mint tokens.
 */
export async function createServiceAccount(
  session: SessionContext,
  request: CreateServiceAccountRequest,
) {
  if (!isOrgAdmin(session) && !(await managesSomeVault(session.userId))) {
    throw forbidden("Only an admin or a vault manager can create a service account.");
  }
  if (!request.managers.some((manager) => manager.userId === session.userId)) {
    throw badRequest("You must be one of the account's managers.", "managers");
  }
  const bundle = {
    serviceAccountId: request.id,
    signPublicKey: request.keys.signPublicKey,
    boxPublicKey: request.keys.boxPublicKey,
  };
  if (!verifyServiceAccountBundle(bundle, request.keys.bundleSignature)) {
    throw badRequest("The account's keys are not self-signed.", "keys.bundleSignature");
  }
  await requireActivePeople(request.managers.map((manager) => manager.userId));
  const org = await getOrganization();
  if (!org) throw notFound();
  if (!(await insertServiceAccount({ ...request, orgId: org.id, createdById: session.userId }))) {
    throw conflict("A service account with this name exists already.");
  }
}

const managesSomeVault = async (userId: string) => (await countManagedVaults(userId)) > 0;

async function requireActivePeople(userIds: string[]) {
  const unique = [...new Set(userIds)];
  if ((await countActivePeople(unique)) !== unique.length) {
    throw badRequest("Every manager must be an active person.", "managers");
  }
}

export async function serviceAccountSummaries(session: SessionContext): Promise<Summary[]> {
  const rows = await listServiceAccounts(isOrgAdmin(session) ? {} : { managedBy: session.userId });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    maxTokenTtlSeconds: row.maxTokenTtlSeconds,
    flaggedAt: row.flaggedAt?.toISOString() ?? null,
    flagReason: row.flagReason,
    vaultCount: row.grants.length,
    liveTokenCount: row._count.tokens,
    createdAt: row.createdAt.toISOString(),
    manages: row.managers.some((manager) => manager.userId === session.userId),
  }));
}

/**
 * The account as the caller may see it: admins see every account (never a key that opens it),
 * managers theirs. Anyone else gets 404, as for a vault they are not in.
 */
export async function requireVisibleServiceAccount(
  session: SessionContext,
  serviceAccountId: string,
) {
  const found = await findServiceAccount(serviceAccountId);
  const manages = found?.account.managers.some((manager) => manager.userId === session.userId);
  if (!found || (!manages && !isOrgAdmin(session))) throw notFound("No such service account.");
  return { ...found, manages: manages === true };
}

/** Minting tokens, granting vaults, changing status: for the account's managers only. */
export async function requireManagesServiceAccount(
  session: SessionContext,
  serviceAccountId: string,
) {
  const visible = await requireVisibleServiceAccount(session, serviceAccountId);
  if (!visible.manages) {
    throw forbidden("Only a manager of this service account can do this.");
  }
  return visible;
}

export async function serviceAccountDetail(
  session: SessionContext,
  serviceAccountId: string,
): Promise<ServiceAccountDetailResponse> {
  const { account, grants, manages } = await requireVisibleServiceAccount(
    session,
    serviceAccountId,
  );
  const managers = await findBundles(account.managers.map((manager) => manager.userId));
  return {
    serviceAccount: {
      id: account.id,
      name: account.name,
      description: account.description,
      status: account.status,
      maxTokenTtlSeconds: account.maxTokenTtlSeconds,
      flaggedAt: account.flaggedAt?.toISOString() ?? null,
      flagReason: account.flagReason,
      vaultCount: new Set(grants.map((grant) => grant.vaultId)).size,
      liveTokenCount: account._count.tokens,
      createdAt: account.createdAt.toISOString(),
      manages,
      boxPublicKey: account.boxPublicKey,
      signPublicKey: account.signPublicKey,
      bundleSignature: account.bundleSignature,
      wrappedBoxPrivateKey: account.wrappedBoxPrivateKey,
      wrappedSignPrivateKey: account.wrappedSignPrivateKey,
      trustedGranters: account.trustedGranters,
      trustedGrantersRevision: account.trustedGrantersRevision,
    },
    sealedSaKey:
      account.managers.find((manager) => manager.userId === session.userId)?.sealedSaKey ?? null,
    managers: managers.map((person) => ({
      userId: person.id,
      email: person.email,
      name: person.name,
      signPublicKey: person.signPublicKey,
      boxPublicKey: person.boxPublicKey,
      bundleSignature: person.bundleSignature,
      active: person.status === "active",
    })),
    grants,
  };
}
