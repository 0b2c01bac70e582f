import { getSodium } from "@/lib/crypto";
import * as sdk from "@/lib/sdk/vaults/rotate";
import type { Keyring } from "@/lib/client/keyring";
import { vaultSession } from "./vault-session";

/** Moves a vault to a fresh key from this tab (lib/sdk/vaults/rotate.ts, DESIGN.md §11). */
export async function rotateVaultKey(input: {
  keyring: Keyring;
  vaultId: string;
  removeUserIds: string[];
  /** Service accounts that lose access: they keep nothing that opens the new key. */
  removeServiceAccountIds?: string[];
  onProgress: (done: number, total: number) => void;
  /** How many times to build and submit before a 409 is passed on (default 3). */
  maxAttempts?: number;
}): Promise<number> {
  await getSodium();
  const { keyring, ...rotation } = input;
  return sdk.rotateVaultKey(vaultSession(keyring), rotation);
}
