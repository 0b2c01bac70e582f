import { z } from "zod";
import { orgRole, type OrgRole } from "./account";

export const userDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: orgRole,
  status: z.enum(["active", "suspended"]),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

export const userListResponse = z.object({ users: z.array(userDto) });

export const updateUserStatusRequest = z.object({ status: z.enum(["active", "suspended"]) });
export const updateUserStatusResponse = updateUserStatusRequest;

/**
 * The role order (DESIGN, Sessions, MFA and policy): a person acts on the status, keys or role
 * of someone only when they rank strictly above them. The server enforces it; the UI reads it
 * only to avoid offering what would be refused.
 */
export const orgRoleRank = { owner: 3, admin: 2, member: 1 } as const satisfies Record<
  OrgRole,
  number
>;
export const outranks = (actor: OrgRole, target: OrgRole) =>
  orgRoleRank[actor] > orgRoleRank[target];

/** Ownership changes hands only through a transfer, so "owner" is not a role one assigns. */
export const updateUserRoleRequest = z.object({ role: z.enum(["admin", "member"]) });
export const updateUserRoleResponse = z.object({ role: orgRole });

/** `confirmation` is the new owner's email, typed by the current owner. */
export const transferOwnershipRequest = z.object({
  userId: z.string().min(1).max(64),
  confirmation: z.string().max(320),
});
export const transferOwnershipResponse = z.object({
  ownerId: z.string(),
  previousOwnerId: z.string(),
});
