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

type Bundle = {
  id: string;
  email: string;
  name: string;
  signPublicKey: string;
  boxPublicKey: string;
  bundleSignature: string;
};

export function bundleToDto(user: Bundle) {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    signPublicKey: user.signPublicKey,
    boxPublicKey: user.boxPublicKey,
    bundleSignature: user.bundleSignature,
  };
}

type GrantRow = {
  vaultId: string;
  userId: string;
  keyVersion: number;
  role: "manage" | "edit" | "view";
  memberBoxPublicKey: string;
  sealedKey: string;
  signature: string;
  granterId: string;
};

export function grantToDto(grant: GrantRow, granters: Map<string, Bundle>) {
  const granter = granters.get(grant.granterId);
  if (!granter) return null;
  return {
    vaultId: grant.vaultId,
    userId: grant.userId,
    keyVersion: grant.keyVersion,
    role: grant.role,
    memberBoxPublicKey: grant.memberBoxPublicKey,
    sealedKey: grant.sealedKey,
    signature: grant.signature,
    granter: bundleToDto(granter),
  };
}

export function itemToDto(item: {
  id: string;
  keyVersion: number;
  revision: number;
  ciphertext: string;
  createdAt: Date;
  updatedAt: Date;
}) {
  return {
    id: item.id,
    keyVersion: item.keyVersion,
    revision: item.revision,
    ciphertext: item.ciphertext,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
