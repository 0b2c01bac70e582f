import { routes } from "@/lib/api/routes";
import type { ServiceAccountDetailResponse, ServiceAccountSummaryDto } from "@/lib/api/machine";
import { requireSodium } from "@/lib/crypto";
import { call } from "@/lib/sdk/call";
import type { HttpPort } from "@/lib/sdk/http-port";
import { unsealServiceAccountKey, type PersonKeys } from "@/lib/sdk/service-accounts";
import { CliError, EXIT } from "./errors";
import { personHttpPort, requirePersonSession } from "./person-session";

/**
 * The session's bearer transport alone, for commands that only read or change server state:
 * the person's private keys are not unlocked when nothing is sealed, signed or unwrapped.
 */
export const signedInHttp = (): HttpPort => personHttpPort(requirePersonSession());

/** The service account a name or id names, among those the person can see. */
export async function findServiceAccount(
  http: HttpPort,
  nameOrId: string,
): Promise<ServiceAccountSummaryDto> {
  const { serviceAccounts } = await call(http, routes.listServiceAccounts);
  const byId = serviceAccounts.find((account) => account.id === nameOrId);
  if (byId) return byId;
  const matches = serviceAccounts.filter((account) => account.name === nameOrId);
  if (matches.length === 0) {
    throw new CliError(EXIT.notFound, `No service account named ${nameOrId}.`);
  }
  if (matches.length > 1) {
    throw new CliError(
      EXIT.usage,
      `Several service accounts are named ${nameOrId}: use the account's id.`,
    );
  }
  return matches[0]!;
}

export async function serviceAccountDetail(
  http: HttpPort,
  nameOrId: string,
): Promise<ServiceAccountDetailResponse> {
  const { id } = await findServiceAccount(http, nameOrId);
  return call(http, routes.serviceAccount, { params: { id } });
}

/**
 * Runs `operation` with the account's saKey, unsealed here from the person's own copy and
 * zeroed afterwards: it exists in the clear only on this machine, for this one operation.
 */
export async function withSaKey<T>(
  person: PersonKeys,
  detail: ServiceAccountDetailResponse,
  operation: (saKey: Uint8Array) => Promise<T>,
): Promise<T> {
  if (!detail.sealedSaKey) {
    throw new CliError(
      EXIT.forbidden,
      `You do not manage the service account ${detail.serviceAccount.name}.`,
    );
  }
  const saKey = unsealServiceAccountKey(person, detail);
  try {
    return await operation(saKey);
  } finally {
    requireSodium().memzero(saKey);
  }
}
