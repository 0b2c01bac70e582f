import { route } from "@/lib/server/route";
import { listVaultRevisions } from "@/lib/server/data/items";
import { canManageVault } from "@/lib/server/policies";

export const dynamic = "force-dynamic";

// For rotation only: the managing client re-encrypts all of it under the new key.
export const GET = route({
  access: "session",
  handler: async ({ session, params }) => {
    const vaultId = params.vaultId ?? "";
    await canManageVault(session, vaultId);
    return { revisions: await listVaultRevisions(vaultId) };
  },
});
