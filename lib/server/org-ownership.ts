import "server-only";
import type { z } from "zod";
import type { transferOwnershipRequest, transferOwnershipResponse } from "@/lib/api/user";
import { badRequest, conflict, notFound } from "./errors";
import { findRankedUser, transferOwnership } from "./data/org-roles";
import { isLockedDown } from "./data/lockdown";
import { denied } from "./org-rank";
import type { SessionContext } from "./session";

/**
 * Ownership goes from the owner to an active admin, never to a member in one step (they are
 * made an admin first, visibly), and not while a lockdown holds the set of admins still.
 * The typed email proves a person chose this target, not a forged or mistaken request.
 */
export async function handOverOwnership(
  session: SessionContext,
  input: z.infer<typeof transferOwnershipRequest>,
  request: Request,
): Promise<z.infer<typeof transferOwnershipResponse>> {
  if (session.role !== "owner") {
    throw await denied(session, "transfer_ownership", "not_owner", {
      targetId: input.userId,
      request,
    });
  }
  if (input.userId === session.userId) throw badRequest("You are the owner already.", "userId");
  const target = await findRankedUser(input.userId);
  if (!target) throw notFound("No such user.");
  if (target.role !== "admin" || target.status !== "active") {
    throw badRequest("Ownership goes to an active admin: make them an admin first.", "userId");
  }
  if (input.confirmation.trim().toLowerCase() !== target.email.toLowerCase()) {
    throw badRequest("Type the new owner's email to confirm.", "confirmation");
  }
  if (await isLockedDown()) {
    throw await denied(session, "transfer_ownership", "lockdown", { target, request });
  }
  if (!(await transferOwnership(session.userId, target.id))) {
    throw conflict("The owner or the new owner changed meanwhile; reload and retry.");
  }
  return { ownerId: target.id, previousOwnerId: session.userId };
}
