import { vaultApi as sdkVaultApi } from "@/lib/sdk/vaults/vault-api";
import { vaultHttp } from "./vault-session";

// Every vault call in one place: the SDK's, over this tab's same-origin transport.

export type { VaultRevisionDto } from "@/lib/sdk/vaults/vault-api";
export { isConflict } from "@/lib/sdk/vaults/errors";

export const vaultApi = sdkVaultApi(vaultHttp);

/** Reports a reveal or copy for the audit log without holding up the person. */
export function reportItemEvent(vaultId: string, itemId: string, action: "reveal" | "copy") {
  void vaultApi.event(vaultId, itemId, action).catch(() => {});
}
