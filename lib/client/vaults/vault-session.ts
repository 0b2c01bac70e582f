import type { HttpPort } from "@/lib/sdk/http-port";
import { VaultSession } from "@/lib/sdk/vaults/vault-session";
import { browserHttpPort } from "@/lib/client/http-port";
import { idbKeyValueStore } from "@/lib/client/idb-key-value-store";
import type { Keyring } from "@/lib/client/keyring";

/**
 * The vault calls' transport: the browser's same-origin port, made per request because this
 * module also loads during server rendering, where there is no window to take an origin from.
 */
export const vaultHttp: HttpPort = {
  request: (input) => browserHttpPort().request(input),
  lines: (input) => browserHttpPort().lines(input),
};

let current: { keyring: Keyring; session: VaultSession } | null = null;

/**
 * The SDK's vault session for the unlocked keyring: pins and the contacts cache live as long
 * as the keyring does, revision marks in IndexedDB. A first-seen granter is pinned unconfirmed
 * (trust on first use), as the vault screens have always done.
 */
export function vaultSession(keyring: Keyring): VaultSession {
  if (current?.keyring !== keyring) {
    current = {
      keyring,
      session: new VaultSession(keyring, { http: vaultHttp, store: idbKeyValueStore }),
    };
  }
  return current.session;
}

/** Drops the cached contacts, so the next read fetches them again. */
export function forgetVaultSession(): void {
  current = null;
}
