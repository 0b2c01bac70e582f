import { errorMessage } from "@/lib/client/api";
import { getKeyring, subscribeKeyring, type Keyring } from "@/lib/client/keyring";
import { loadContacts } from "./contacts";
import { decryptItems, memberTrust, openVault, saveRevisions } from "./open-vault";
import { vaultApi } from "./vault-api";
import { VaultStore } from "./vault-store";

let current: { keyring: Keyring; store: VaultStore } | null = null;

// DO NOT REMOVE: locking (idle, "Lock now", sign-out) must drop every decrypted item with the
// keys, not keep them for the next unlock.
subscribeKeyring(() => {
  if (current && current.keyring !== getKeyring()) current = null;
});

/** The one vault store of this tab, for the unlocked keyring. */
export function vaultStore(keyring: Keyring): VaultStore {
  if (current?.keyring !== keyring) {
    current = {
      keyring,
      store: new VaultStore({
        list: async () => (await vaultApi.list()).vaults,
        head: (vaultId) => vaultApi.head(vaultId),
        itemPage: (vaultId, after, limit) => vaultApi.itemPage(vaultId, after, limit),
        itemStream: vaultApi.itemStream ?? undefined,
        open: (summary) => openVault(keyring, summary),
        decrypt: (vaultId, key, items) =>
          decryptItems(keyring, vaultId, key, items, { saveRevisions: false }),
        saveRevisions: () => saveRevisions(keyring),
        trust: (members) => memberTrust(keyring, members),
        prepare: () => loadContacts(keyring),
        errorMessage,
      }),
    };
  }
  return current.store;
}
