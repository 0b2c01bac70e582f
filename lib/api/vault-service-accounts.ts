import { z } from "zod";
import { base64url } from "./common";
import { machineScope } from "./machine-grant";

/**
 * A service account as a vault's members see it: enough to show it among the members, and the
 * public bundle a rotating manager seals the new key to (after checking it against their pin).
 */
export const vaultServiceAccountDto = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(["active", "disabled"]),
  scope: machineScope,
  keyVersion: z.number().int().positive(),
  boxPublicKey: base64url(32),
  signPublicKey: base64url(32),
  bundleSignature: base64url(64),
  /** Whether the caller holds a copy of saKey, and so can re-grant the account on rotation. */
  manages: z.boolean(),
  managers: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
});
export type VaultServiceAccountDto = z.infer<typeof vaultServiceAccountDto>;

export const vaultServiceAccountsResponse = z.object({
  serviceAccounts: z.array(vaultServiceAccountDto),
});
