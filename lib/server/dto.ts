import "server-only";
import type { InviteDto } from "@/lib/api/invite";
import type { SessionDto } from "@/lib/api/session";
import type { UserDto } from "@/lib/api/user";

// DTOs at the boundary: only these fields leave the server, whatever a query selected.

export function inviteToDto(invite: {
  id: string;
  email: string;
  role: InviteDto["role"];
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string };
}): InviteDto {
  const status = invite.usedAt
    ? "used"
    : invite.revokedAt
      ? "revoked"
      : invite.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "pending";
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    status,
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    createdByName: invite.createdBy.name,
  };
}

export function sessionToDto(
  session: {
    id: string;
    authTime: Date;
    lastSeenAt: Date;
    userAgent: string | null;
    ipAddress: string | null;
  },
  currentSessionId: string,
): SessionDto {
  return {
    id: session.id,
    current: session.id === currentSessionId,
    createdAt: session.authTime.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    userAgent: session.userAgent,
    ipAddress: session.ipAddress,
  };
}

export function userToDto(user: {
  id: string;
  email: string;
  name: string;
  role: UserDto["role"];
  status: UserDto["status"];
  createdAt: Date;
}): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
  };
}
