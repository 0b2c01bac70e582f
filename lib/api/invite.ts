import { z } from "zod";
import { base64url, email } from "./common";
import { orgRole } from "./account";

export const createInviteRequest = z.object({
  email,
  role: z.enum(["admin", "member"]).default("member"),
});
export type CreateInviteRequest = z.infer<typeof createInviteRequest>;

export const inviteStatus = z.enum(["pending", "used", "revoked", "expired"]);

export const inviteDto = z.object({
  id: z.string(),
  email: z.string(),
  role: orgRole,
  status: inviteStatus,
  createdAt: z.string(),
  expiresAt: z.string(),
  createdByName: z.string(),
});
export type InviteDto = z.infer<typeof inviteDto>;

export const inviteListResponse = z.object({ invites: z.array(inviteDto) });

/** The token appears once, in this response; the link carries it in its fragment. */
export const createInviteResponse = z.object({ invite: inviteDto, token: base64url(32) });
export type CreateInviteResponse = z.infer<typeof createInviteResponse>;

export const inviteLookupRequest = z.object({ token: base64url(32) });
export const inviteLookupResponse = z.object({
  email: z.string(),
  role: orgRole,
  organizationName: z.string(),
});
export type InviteLookupResponse = z.infer<typeof inviteLookupResponse>;
