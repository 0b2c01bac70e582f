import type { HttpPort } from "@/lib/sdk/http-port";
import { VaultSession } from "@/lib/sdk/vaults/vault-session";
import { api, ApiError, toApiError } from "@/lib/client/api";
import { idbKeyValueStore } from "@/lib/client/idb-key-value-store";
import type { Keyring } from "@/lib/client/keyring";
import { z } from "zod";

const anyBody = z.unknown();

/**
 * Same-origin requests with the session cookie, through api() so step-up and an expired
 * session behave as on every other call. The shared helper speaks GET/POST/PUT/DELETE only;
 * renaming a vault is a PATCH.
 */
export const vaultHttp: HttpPort = {
  async request({ method, path, body }) {
    if (method !== "PATCH") return api(path, { method, json: body, schema: anyBody });
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: { accept: "application/json", "content-type": "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        body: JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "network", "Cannot reach Coffer. Check your connection and try again.");
    }
    if (!response.ok) throw await toApiError(response);
    return null;
  },
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
