import { route } from "@/lib/server/route";
import { listItemRevisions } from "@/lib/server/data/items";
import { canReadVault } from "@/lib/server/policies";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, params }) => {
    const vaultId = params.vaultId ?? "";
    await canReadVault(session, vaultId);
    const revisions = await listItemRevisions(vaultId, params.itemId ?? "");
    if (!revisions) throw notFound("No such item.");
    return {
      revisions: revisions.map((revision) => ({
        ...revision,
        createdAt: revision.createdAt.toISOString(),
      })),
    };
  },
});
