import { getSodium, type VaultRole } from "@/lib/crypto";
import type { GrantInput, VaultEnvironmentDto } from "@/lib/api/vault";
import * as sdk from "@/lib/sdk/vaults/grants";
import type { Keyring } from "@/lib/client/keyring";
import { vaultSession } from "./vault-session";

export { pinnedBoxKey } from "@/lib/sdk/vaults/grants";

/** Seals the vault key to one member and signs what they will rely on. */
export function buildGrant(input: {
  keyring: Keyring;
  vaultId: string;
  userId: string;
  keyVersion: number;
  role: VaultRole;
  vaultKey: Uint8Array;
  memberBoxPublicKey: string;
}): GrantInput {
  const { keyring, ...grant } = input;
  return sdk.buildGrant({ person: keyring, ...grant });
}

export async function createVault(
  keyring: Keyring,
  name: string,
  environment: VaultEnvironmentDto | null,
): Promise<string> {
  await getSodium();
  const { vaultId } = await sdk.createVault(vaultSession(keyring), name, environment);
  return vaultId;
}
