import { z } from "zod";
import { base64url, clientId, envelope } from "./common";
import { machineGrantInput } from "./machine-grant";

export const vaultRole = z.enum(["manage", "edit", "view"]);
export type VaultRoleDto = z.infer<typeof vaultRole>;

export const vaultEnvironment = z.enum(["development", "staging", "production", "other"]);
export type VaultEnvironmentDto = z.infer<typeof vaultEnvironment>;

const keyVersion = z.number().int().positive();

/** A public bundle as the server holds it; clients verify the self-signature themselves. */
export const publicBundleDto = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  signPublicKey: base64url(32),
  boxPublicKey: base64url(32),
  bundleSignature: base64url(64),
});
export type PublicBundleDto = z.infer<typeof publicBundleDto>;

export const directoryResponse = z.object({ users: z.array(publicBundleDto) });

/** A sealed vault key for one member, as the granting client signed it. */
export const grantInput = z.object({
  keyVersion,
  role: vaultRole,
  memberBoxPublicKey: base64url(32),
  sealedKey: base64url(80),
  signature: base64url(64),
});
export type GrantInput = z.infer<typeof grantInput>;

export const grantDto = grantInput.extend({
  vaultId: z.string(),
  userId: z.string(),
  granter: publicBundleDto,
});
export type GrantDto = z.infer<typeof grantDto>;

export const vaultSummaryDto = z.object({
  id: z.string(),
  encryptedName: envelope,
  environment: vaultEnvironment.nullable(),
  keyVersion,
  role: vaultRole,
  itemCount: z.number().int(),
  memberCount: z.number().int(),
  updatedAt: z.string(),
  grant: grantDto.nullable(),
});
export type VaultSummaryDto = z.infer<typeof vaultSummaryDto>;

export const vaultListResponse = z.object({ vaults: z.array(vaultSummaryDto) });

export const createVaultRequest = z.object({
  id: clientId,
  encryptedName: envelope,
  environment: vaultEnvironment.nullable().default(null),
  grant: grantInput,
});
export type CreateVaultRequest = z.infer<typeof createVaultRequest>;
export const createVaultResponse = z.object({ id: z.string(), keyVersion });

export const updateVaultRequest = z.object({
  expectedKeyVersion: keyVersion,
  encryptedName: envelope.optional(),
  environment: vaultEnvironment.nullable().optional(),
});
export type UpdateVaultRequest = z.infer<typeof updateVaultRequest>;
export const updateVaultResponse = z.object({ id: z.string() });

export const itemDto = z.object({
  id: z.string(),
  keyVersion,
  revision: z.number().int().positive(),
  ciphertext: envelope,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemDto = z.infer<typeof itemDto>;

export const memberDto = publicBundleDto.extend({
  role: vaultRole,
  grantKeyVersion: z.number().int().nullable(),
  grantedById: z.string().nullable(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const vaultDetailResponse = z.object({
  vault: vaultSummaryDto,
  items: z.array(itemDto),
  members: z.array(memberDto),
});
export type VaultDetailResponse = z.infer<typeof vaultDetailResponse>;

export const addMemberRequest = z.object({ userId: z.string().min(1).max(64), grant: grantInput });
export type AddMemberRequest = z.infer<typeof addMemberRequest>;
export const changeMemberRequest = z.object({ grant: grantInput });
/** A member's role as the new grant gives it (adding a member and changing a role). */
export const memberRoleResponse = z.object({ userId: z.string(), role: vaultRole });

export const createItemRequest = z.object({ id: clientId, keyVersion, ciphertext: envelope });
export type CreateItemRequest = z.infer<typeof createItemRequest>;

/** `baseRevision` is the revision the edit started from: a stale write answers 409. */
export const updateItemRequest = z.object({
  keyVersion,
  baseRevision: z.number().int().positive(),
  ciphertext: envelope,
  changedSecretFields: z.number().int().min(0).max(1000).default(0),
});
export type UpdateItemRequest = z.infer<typeof updateItemRequest>;

export const itemRevisionDto = z.object({
  revision: z.number().int(),
  keyVersion,
  ciphertext: envelope,
  authorId: z.string(),
  createdAt: z.string(),
});
export const itemHistoryResponse = z.object({ revisions: z.array(itemRevisionDto) });

/** Every stored revision of a vault's items: what a rotation re-encrypts. */
export const vaultRevisionsResponse = z.object({
  revisions: z.array(
    z.object({ itemId: z.string(), revision: z.number().int(), keyVersion, ciphertext: envelope }),
  ),
});

export const itemEventRequest = z.object({ action: z.enum(["reveal", "copy"]) });

/**
 * One rotation batch: the vault at key version `expectedKeyVersion + 1`, every item and every
 * stored revision re-encrypted, and a fresh signed grant for every remaining member.
 */
export const rotateVaultRequest = z.object({
  expectedKeyVersion: keyVersion,
  encryptedName: envelope,
  items: z
    .array(
      z.object({ id: z.string(), revision: z.number().int().positive(), ciphertext: envelope }),
    )
    .max(20000),
  revisions: z
    .array(
      z.object({ itemId: z.string(), revision: z.number().int().positive(), ciphertext: envelope }),
    )
    .max(200000),
  grants: z
    .array(grantInput.extend({ userId: z.string() }))
    .min(1)
    .max(5000),
  removeUserIds: z.array(z.string()).max(5000).default([]),
  /** A fresh signed grant for every service account that keeps access. */
  serviceAccountGrants: z
    .array(machineGrantInput.extend({ serviceAccountId: z.string().min(1).max(64) }))
    .max(1000)
    .default([]),
  removeServiceAccountIds: z.array(z.string()).max(1000).default([]),
});
export type RotateVaultRequest = z.infer<typeof rotateVaultRequest>;
/** What a client sends: the lists it leaves out default to empty. */
export type RotateVaultInput = z.input<typeof rotateVaultRequest>;

export const rotateVaultResponse = z.object({ keyVersion });

export const contactsResponse = z.object({
  encryptedContacts: envelope.nullable(),
  revision: z.number().int(),
});
export const updateContactsRequest = z.object({
  encryptedContacts: envelope,
  baseRevision: z.number().int().min(0),
});

/** What an org admin sees of every vault: existence, environment, size and membership. */
export const adminVaultDto = z.object({
  id: z.string(),
  environment: vaultEnvironment.nullable(),
  keyVersion,
  itemCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  members: z.array(
    z.object({ userId: z.string(), name: z.string(), email: z.string(), role: vaultRole }),
  ),
});
export type AdminVaultDto = z.infer<typeof adminVaultDto>;
export const adminVaultListResponse = z.object({ vaults: z.array(adminVaultDto) });
