import type { PublicBundleDto } from "@/lib/api/vault";
import type { Contacts } from "@/lib/sdk/vaults/contacts";
import type { Keyring } from "@/lib/client/keyring";
import { forgetVaultSession, vaultSession } from "./vault-session";

// The keyring's pinned contacts, kept by the SDK (lib/sdk/vaults/contacts.ts).

export {
  bundleIsValid,
  contactsAd,
  trustStatus,
  type Contact,
  type Contacts,
  type TrustStatus,
} from "@/lib/sdk/vaults/contacts";

export function loadContacts(keyring: Keyring, fresh = false): Promise<Contacts> {
  return vaultSession(keyring).contacts.load(fresh);
}

/** Applies `change` to the latest contacts and saves with compare-and-swap, retrying on 409. */
export function updateContacts(
  keyring: Keyring,
  change: (contacts: Contacts) => Contacts,
): Promise<Contacts> {
  return vaultSession(keyring).contacts.update(change);
}

export function pinContact(keyring: Keyring, bundle: PublicBundleDto, confirmed: boolean) {
  return pinContacts(keyring, [bundle], confirmed);
}

/** Pins several people in one write: a rotation meeting many first-seen members saves once. */
export function pinContacts(keyring: Keyring, bundles: PublicBundleDto[], confirmed: boolean) {
  return vaultSession(keyring).contacts.pin(bundles, confirmed);
}

export function forgetContactsCache() {
  forgetVaultSession();
}
