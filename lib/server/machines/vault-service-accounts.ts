import "server-only";
import type { VaultServiceAccountDto } from "@/lib/api/vault-service-accounts";
import { canReadVault } from "../policies";
import type { SessionContext } from "../session";
import { findPeopleNames, findServiceAccountsOfVault } from "../data/vault-service-accounts";

/**
 * Every member may see which machines can read their vault, as they see the other members;
 * the key copies stay with the account's managers.
 */
export async function serviceAccountsOfVault(
  session: SessionContext,
  vaultId: string,
): Promise<VaultServiceAccountDto[]> {
  await canReadVault(session, vaultId);
  const rows = await findServiceAccountsOfVault(vaultId);
  const people = await findPeopleNames([
    ...new Set(rows.flatMap((row) => row.serviceAccount.managers.map((m) => m.userId))),
  ]);
  const personOf = new Map(people.map((person) => [person.id, person]));
  return rows.map(({ scope, keyVersion, serviceAccount: account }) => ({
    id: account.id,
    name: account.name,
    status: account.status,
    scope,
    keyVersion,
    boxPublicKey: account.boxPublicKey,
    signPublicKey: account.signPublicKey,
    bundleSignature: account.bundleSignature,
    manages: account.managers.some((manager) => manager.userId === session.userId),
    managers: account.managers.flatMap((manager) => {
      const person = personOf.get(manager.userId);
      return person ? [{ userId: person.id, name: person.name, email: person.email }] : [];
    }),
  }));
}
