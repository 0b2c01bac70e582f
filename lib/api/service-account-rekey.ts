import { z } from "zod";
import { envelope } from "./common";
import { machineGrantInput, machineScope } from "./machine-grant";
import { managerCopyInput, serviceAccountKeysInput } from "./machine";

/**
 * A service account re-keyed on a manager's device after someone who held its saKey left:
 * new keypairs under a new saKey, that saKey sealed to the managers who stay, the trusted
 * granters re-encrypted, and the vault grants this person can re-make sealed to the new box
 * key. The server applies it in one transaction and revokes every old token in it.
 */
export const rekeyServiceAccountRequest = z.object({
  /** The trusted-granters revision the client read; the new list is encrypted at the next one. */
  baseRevision: z.number().int().positive(),
  keys: serviceAccountKeysInput,
  trustedGranters: envelope,
  managers: z.array(managerCopyInput).min(1).max(50),
  grants: z
    .array(machineGrantInput.extend({ vaultId: z.string().min(1).max(64) }))
    .max(500)
    .default([]),
});
export type RekeyServiceAccountRequest = z.infer<typeof rekeyServiceAccountRequest>;

export const rekeyServiceAccountResponse = z.object({
  serviceAccountId: z.string(),
  revokedTokens: z.number().int(),
  regrantedVaultIds: z.array(z.string()),
  /** Grants the re-keying person could not re-make: a manager of each vault grants it again. */
  droppedGrants: z.array(z.object({ vaultId: z.string(), scope: machineScope })),
  /** Managers left off: they held the old saKey only. */
  removedManagerIds: z.array(z.string()),
});
export type RekeyServiceAccountResponse = z.infer<typeof rekeyServiceAccountResponse>;

/** An existing manager seals saKey to a new manager's verified box key, on their own device. */
export const addServiceAccountManagerRequest = managerCopyInput;
export type AddServiceAccountManagerRequest = z.infer<typeof addServiceAccountManagerRequest>;

export const serviceAccountManagerResponse = z.object({
  serviceAccountId: z.string(),
  userId: z.string(),
});
