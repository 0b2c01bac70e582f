import { z } from "zod";
import { base64url, clientId, envelope } from "./common";
import { itemDto, publicBundleDto, vaultEnvironment } from "./vault";
import { machineGrantInput, machineScope } from "./machine-grant";

const keyVersion = z.number().int().positive();

export { machineScope, type MachineScopeDto } from "./machine-grant";

export const machineTokenKind = z.enum(["sa", "bt", "mt"]);
export type MachineTokenKindDto = z.infer<typeof machineTokenKind>;

/** A token id as the server stores it: base64url of 16 random bytes. */
const tokenId = base64url(16);

const serviceAccountName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[^\u0000-\u001f]*$/, "must not contain control characters");

/** Ten minutes to 90 days: the longest a session token of the account may live. */
export const maxTokenTtlSeconds = z
  .number()
  .int()
  .min(600, "must be at least 600 seconds")
  .max(90 * 86_400, "must be at most 90 days");

/** The account's keys as its creating client made them; the server stores them as given. */
export const serviceAccountKeysInput = z.object({
  boxPublicKey: base64url(32),
  signPublicKey: base64url(32),
  bundleSignature: base64url(64),
  wrappedBoxPrivateKey: envelope,
  wrappedSignPrivateKey: envelope,
});

export const managerCopyInput = z.object({
  userId: z.string().min(1).max(64),
  sealedSaKey: base64url(80),
});

export const createServiceAccountRequest = z.object({
  id: clientId,
  name: serviceAccountName,
  description: z.string().max(500, "must be at most 500 characters").default(""),
  maxTokenTtlSeconds,
  keys: serviceAccountKeysInput,
  trustedGranters: envelope,
  managers: z.array(managerCopyInput).min(1).max(50),
});
export type CreateServiceAccountRequest = z.infer<typeof createServiceAccountRequest>;
export const createServiceAccountResponse = z.object({ id: z.string() });

export const serviceAccountGrantDto = z.object({
  vaultId: z.string(),
  keyVersion,
  scope: machineScope,
  boxPublicKey: base64url(32),
  sealedKey: base64url(80),
  signature: base64url(64),
  granterId: z.string(),
});
export type ServiceAccountGrantDto = z.infer<typeof serviceAccountGrantDto>;

export const serviceAccountSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(["active", "disabled"]),
  maxTokenTtlSeconds: z.number().int(),
  flaggedAt: z.string().nullable(),
  flagReason: z.string().nullable(),
  vaultCount: z.number().int(),
  liveTokenCount: z.number().int(),
  createdAt: z.string(),
  /** Whether the caller holds a copy of saKey (manages it). */
  manages: z.boolean(),
});
export type ServiceAccountSummaryDto = z.infer<typeof serviceAccountSummaryDto>;

export const serviceAccountListResponse = z.object({
  serviceAccounts: z.array(serviceAccountSummaryDto),
});

export const serviceAccountDetailResponse = z.object({
  serviceAccount: serviceAccountSummaryDto.extend({
    boxPublicKey: base64url(32),
    signPublicKey: base64url(32),
    bundleSignature: base64url(64),
    wrappedBoxPrivateKey: envelope,
    wrappedSignPrivateKey: envelope,
    trustedGranters: envelope,
    trustedGrantersRevision: z.number().int().positive(),
  }),
  /** The caller's sealed copy of saKey, when they manage the account. */
  sealedSaKey: base64url(80).nullable(),
  /** `active` is false for a manager who has left: a re-key leaves them off. */
  managers: z.array(publicBundleDto.extend({ active: z.boolean() })),
  grants: z.array(serviceAccountGrantDto),
});
export type ServiceAccountDetailResponse = z.infer<typeof serviceAccountDetailResponse>;

export const updateServiceAccountStatusRequest = z.object({
  status: z.enum(["active", "disabled"]),
});
export const serviceAccountStatusResponse = updateServiceAccountStatusRequest;

/** A vault manager grants a vault to a service account they also manage. */
export const grantServiceAccountRequest = z.object({
  serviceAccountId: z.string().min(1).max(64),
  grant: machineGrantInput,
  /** The trusted granters list with the granter added, when they were not on it yet. */
  trustedGranters: z.object({ envelope, baseRevision: z.number().int().positive() }).optional(),
});
export type GrantServiceAccountRequest = z.infer<typeof grantServiceAccountRequest>;
export const grantServiceAccountResponse = z.object({
  serviceAccountId: z.string(),
  serviceAccountName: z.string(),
});

const cidr = z
  .string()
  .max(50)
  .regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, "must be an address range such as 203.0.113.0/24");

/** What a client sends to create a token; the token itself never leaves the client. */
export const createMachineTokenRequest = z.object({
  id: tokenId,
  kind: machineTokenKind,
  name: z.string().max(100, "must be at most 100 characters").default(""),
  authSecretHash: base64url(32),
  wrappedSaKey: envelope,
  ttlSeconds: z
    .number()
    .int()
    .min(1, "must be at least 1 second")
    .max(90 * 86_400),
  maxUses: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  allowedCidrs: z.array(cidr).max(20).default([]),
  vaultIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  readOnly: z.boolean().default(false),
});
export type CreateMachineTokenRequest = z.infer<typeof createMachineTokenRequest>;

export const machineTokenDto = z.object({
  id: z.string(),
  serviceAccountId: z.string(),
  kind: machineTokenKind,
  name: z.string(),
  expiresAt: z.string(),
  usesLeft: z.number().int().nullable(),
  maxUses: z.number().int().nullable(),
  allowedCidrs: z.array(z.string()),
  vaultIds: z.array(z.string()),
  readOnly: z.boolean(),
  createdById: z.string().nullable(),
  parentTokenId: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(["active", "expired", "used_up", "revoked", "suspended", "exchanged"]),
  lastUsedAt: z.string().nullable(),
  lastUsedAddress: z.string().nullable(),
});
export type MachineTokenDto = z.infer<typeof machineTokenDto>;

export const machineTokenListResponse = z.object({ tokens: z.array(machineTokenDto) });

/** A token's own record with its copy of saKey: what minting and exchanging start from. */
export const ownTokenResponse = machineTokenDto.extend({ wrappedSaKey: envelope });

/** A bootstrap token exchanged for the container's own session token, made on the machine. */
export const exchangeBootstrapRequest = z.object({
  id: tokenId,
  authSecretHash: base64url(32),
  wrappedSaKey: envelope,
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(90 * 86_400),
});

/** A minting token creates bootstrap tokens for its own account, and reads nothing. */
export const mintBootstrapRequest = z.object({
  id: tokenId,
  authSecretHash: base64url(32),
  wrappedSaKey: envelope,
  ttlSeconds: z.number().int().min(1).max(86_400),
});

/** Everything a machine needs to decrypt what its token covers, in one request (one use). */
export const machineAccessResponse = z.object({
  serviceAccount: z.object({
    id: z.string(),
    name: z.string(),
    boxPublicKey: base64url(32),
    signPublicKey: base64url(32),
    wrappedBoxPrivateKey: envelope,
    wrappedSignPrivateKey: envelope,
    trustedGranters: envelope,
    trustedGrantersRevision: z.number().int().positive(),
  }),
  token: ownTokenResponse,
  vaults: z.array(
    z.object({
      id: z.string(),
      encryptedName: envelope,
      environment: vaultEnvironment.nullable(),
      keyVersion,
      scope: machineScope,
      grant: serviceAccountGrantDto,
      items: z.array(itemDto),
    }),
  ),
});
export type MachineAccessResponse = z.infer<typeof machineAccessResponse>;
