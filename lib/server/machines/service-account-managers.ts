import "server-only";
import type { AddServiceAccountManagerRequest } from "@/lib/api/service-account-rekey";
import { badRequest, conflict } from "../errors";
import type { SessionContext } from "../session";
import { countActivePeople } from "../data/service-accounts";
import {
  deleteServiceAccountManager,
  insertServiceAccountManager,
} from "../data/service-account-managers";
import { requireManagesServiceAccount, requireVisibleServiceAccount } from "./service-accounts";

/**
 * A manager adds a manager: only a manager holds saKey to seal, and they seal it on their own
 * device to the box key they verified for the newcomer. The server cannot check whom a sealed
 * box opens for; it checks that the newcomer is an active person.
 */
export async function addServiceAccountManager(
  session: SessionContext,
  serviceAccountId: string,
  request: AddServiceAccountManagerRequest,
) {
  const { account } = await requireManagesServiceAccount(session, serviceAccountId);
  if ((await countActivePeople([request.userId])) !== 1) {
    throw badRequest("The new manager must be an active person.", "userId");
  }
  const added = await insertServiceAccountManager({
    serviceAccountId: account.id,
    userId: request.userId,
    sealedSaKey: request.sealedSaKey,
    addedById: session.userId,
  });
  if (!added) throw conflict("This person manages the account already.");
  return { serviceAccountId: account.id, userId: request.userId, name: account.name };
}

/**
 * A manager (or an admin) removes a manager, themselves included, but never the last one.
 * The removed person may have kept saKey, so the account is flagged for a re-key.
 */
export async function removeServiceAccountManager(
  session: SessionContext,
  serviceAccountId: string,
  userId: string,
) {
  // Visible means managed by the caller or the caller is an admin; anyone else gets 404.
  const { account } = await requireVisibleServiceAccount(session, serviceAccountId);
  const outcome = await deleteServiceAccountManager(account.id, userId);
  if (outcome === "not_manager") throw badRequest("This person is not a manager.", "userId");
  if (outcome === "last_manager") {
    throw conflict("The last manager cannot be removed: add another manager first.");
  }
  return { serviceAccountId: account.id, userId, name: account.name };
}
