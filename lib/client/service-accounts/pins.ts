import type { Keyring } from "@/lib/client/keyring";
import { loadContacts } from "@/lib/client/vaults/contacts";
import { vaultSession } from "@/lib/client/vaults/vault-session";
import * as sdk from "@/lib/sdk/vaults/service-account-pins";

// Service-account pins in the keyring's contacts, kept by the SDK
// (lib/sdk/vaults/service-account-pins.ts).

export {
  accountBundle,
  accountFingerprint,
  accountTrust,
  pinnedAccountBoxKey,
  type AccountKeys,
  type AccountTrust,
} from "@/lib/sdk/vaults/service-account-pins";

export async function loadAccountTrust(keyring: Keyring, account: sdk.AccountKeys) {
  return sdk.accountTrust(await loadContacts(keyring), account);
}

/** Pins exactly the keys shown; `confirmed` only after a fingerprint comparison. */
export function pinServiceAccounts(
  keyring: Keyring,
  accounts: sdk.AccountKeys[],
  confirmed: boolean,
) {
  return sdk.pinServiceAccounts(vaultSession(keyring).contacts, accounts, confirmed);
}
