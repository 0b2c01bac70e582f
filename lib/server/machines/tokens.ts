import "server-only";
import type { z } from "zod";
import type {
  CreateMachineTokenRequest,
  exchangeBootstrapRequest,
  MachineTokenDto,
  mintBootstrapRequest,
} from "@/lib/api/machine";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { parseAddressRanges } from "../ip-address";
import type { SessionContext } from "../session";
import {
  exchangeBootstrapToken,
  findMachineToken,
  findWrappedSaKey,
  insertMachineToken,
  listMachineTokens,
  revokeMachineToken,
  type MachineTokenRow,
} from "../data/machine-tokens";
import { requireManagesServiceAccount } from "./service-accounts";
import type { MachinePrincipal } from "./authenticate-token";

export function machineTokenToDto(row: MachineTokenRow, now = Date.now()): MachineTokenDto {
  const status: MachineTokenDto["status"] = row.revokedAt
    ? "revoked"
    : row.suspendedAt
      ? "suspended"
      : row.exchangedAt
        ? "exchanged"
        : row.expiresAt.getTime() <= now
          ? "expired"
          : row.usesLeft !== null && row.usesLeft <= 0
            ? "used_up"
            : "active";
  return {
    id: row.id,
    serviceAccountId: row.serviceAccountId,
    kind: row.kind,
    name: row.name,
    expiresAt: row.expiresAt.toISOString(),
    usesLeft: row.usesLeft,
    maxUses: row.maxUses,
    allowedCidrs: row.allowedCidrs,
    vaultIds: row.vaultIds,
    readOnly: row.readOnly,
    createdById: row.createdById,
    parentTokenId: row.parentTokenId,
    createdAt: row.createdAt.toISOString(),
    status,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: row.lastUsedAddress,
  };
}

/** Address ranges in one canonical spelling; a bad entry is refused naming its position. */
function canonicalRanges(allowedCidrs: string[]): string[] {
  return allowedCidrs.map((entry, index) => {
    const parsed = parseAddressRanges(entry);
    const range = "ranges" in parsed ? parsed.ranges[0] : undefined;
    if (!range || entry.includes(",")) {
      throw badRequest("Not an address range such as 203.0.113.0/24.", `allowedCidrs.${index}`);
    }
    return `${range.address}/${range.prefix}`;
  });
}

/**
 * A person mints a token for an account they manage. Bootstrap tokens have exactly one use;
 * no token outlives the account's maximum lifetime; a vault scope can only narrow what the
 * account is granted, never widen it.
 */
export async function createTokenForAccount(
  session: SessionContext,
  serviceAccountId: string,
  request: CreateMachineTokenRequest,
): Promise<MachineTokenDto> {
  const { account, grants } = await requireManagesServiceAccount(session, serviceAccountId);
  if (account.status !== "active") {
    throw conflict("This service account is disabled: enable it before making tokens.");
  }
  if (request.ttlSeconds > account.maxTokenTtlSeconds) {
    throw badRequest(
      `A token of this account may live at most ${account.maxTokenTtlSeconds} seconds.`,
      "ttlSeconds",
    );
  }
  const granted = new Set(grants.map((grant) => grant.vaultId));
  const outside = request.vaultIds.findIndex((vaultId) => !granted.has(vaultId));
  if (outside >= 0) {
    throw badRequest("The account is not granted this vault.", `vaultIds.${outside}`);
  }
  const row = await insertMachineToken({
    id: request.id,
    serviceAccountId,
    kind: request.kind,
    name: request.name,
    authSecretHash: request.authSecretHash,
    wrappedSaKey: request.wrappedSaKey,
    expiresAt: new Date(Date.now() + request.ttlSeconds * 1000),
    maxUses: request.kind === "bt" ? 1 : request.maxUses,
    allowedCidrs: canonicalRanges(request.allowedCidrs),
    vaultIds: [...new Set(request.vaultIds)],
    readOnly: request.readOnly,
    createdById: session.userId,
    parentTokenId: null,
  });
  if (!row) throw conflict("A token with this id exists; make a new one.");
  return machineTokenToDto(row);
}

export async function tokensOfAccount(session: SessionContext, serviceAccountId: string) {
  await requireManagesServiceAccount(session, serviceAccountId);
  const now = Date.now();
  return (await listMachineTokens(serviceAccountId)).map((row) => machineTokenToDto(row, now));
}

export async function revokeTokenOfAccount(
  session: SessionContext,
  serviceAccountId: string,
  tokenId: string,
) {
  await requireManagesServiceAccount(session, serviceAccountId);
  const token = await findMachineToken(tokenId);
  if (!token || token.serviceAccountId !== serviceAccountId) throw notFound("No such token.");
  await revokeMachineToken(tokenId, "revoked");
  return machineTokenToDto((await findMachineToken(tokenId)) ?? token);
}

/**
 * The scheduler pattern: the container trades its bootstrap token for a session token it made
 * itself (a fresh tokenKey and auth secret the scheduler never saw). The new token inherits
 * the bootstrap's scope and can live no longer than the account allows.
 */
export async function exchangeBootstrap(
  principal: MachinePrincipal,
  request: z.infer<typeof exchangeBootstrapRequest>,
  /** A second exchange, even one racing the first: recorded as a possible interception. */
  onReplay: () => Promise<void>,
): Promise<MachineTokenDto> {
  if (principal.tokenKind !== "bt") {
    throw forbidden("Only a bootstrap token can be exchanged.");
  }
  if (request.ttlSeconds > principal.maxTokenTtlSeconds) {
    throw badRequest(
      `A token of this account may live at most ${principal.maxTokenTtlSeconds} seconds.`,
      "ttlSeconds",
    );
  }
  const row = await exchangeBootstrapToken(principal.tokenId, {
    id: request.id,
    serviceAccountId: principal.serviceAccountId,
    kind: "sa",
    name: "",
    authSecretHash: request.authSecretHash,
    wrappedSaKey: request.wrappedSaKey,
    expiresAt: new Date(Date.now() + request.ttlSeconds * 1000),
    maxUses: null,
    allowedCidrs: [],
    vaultIds: principal.vaultIds,
    readOnly: principal.readOnly,
    createdById: principal.createdById,
    parentTokenId: principal.tokenId,
  });
  if (row === "exchanged") {
    await onReplay();
    throw conflict("This bootstrap token was already exchanged.", "token_used_up");
  }
  if (row === "id_taken") throw conflict("A token with this id exists; make a new one.");
  return machineTokenToDto(row);
}

/** A minting token makes one-use bootstrap tokens for its own account, with its own scope. */
export async function mintBootstrap(
  principal: MachinePrincipal,
  request: z.infer<typeof mintBootstrapRequest>,
): Promise<MachineTokenDto> {
  if (principal.tokenKind !== "mt") {
    throw forbidden("Only a minting token can create bootstrap tokens.");
  }
  const row = await insertMachineToken({
    id: request.id,
    serviceAccountId: principal.serviceAccountId,
    kind: "bt",
    name: "",
    authSecretHash: request.authSecretHash,
    wrappedSaKey: request.wrappedSaKey,
    expiresAt: new Date(Date.now() + request.ttlSeconds * 1000),
    maxUses: 1,
    allowedCidrs: [],
    vaultIds: principal.vaultIds,
    readOnly: principal.readOnly,
    createdById: principal.createdById,
    parentTokenId: principal.tokenId,
  });
  if (!row) throw conflict("A token with this id exists; make a new one.");
  return machineTokenToDto(row);
}

export async function ownToken(principal: MachinePrincipal) {
  const [row, wrappedSaKey] = await Promise.all([
    findMachineToken(principal.tokenId),
    findWrappedSaKey(principal.tokenId),
  ]);
  if (!row || !wrappedSaKey) throw notFound("No such token.");
  return { ...machineTokenToDto(row), wrappedSaKey };
}
