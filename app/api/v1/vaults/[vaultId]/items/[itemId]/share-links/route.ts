import { route } from "@/lib/server/route";
import { itemShareLinks } from "@/lib/server/share-links/links";

export const dynamic = "force-dynamic";

// The item's share history: who sent a copy of it out by link, when, and whether it was opened.
export const GET = route({
  access: "session",
  handler: async ({ session, params }) => ({
    links: await itemShareLinks(session, params.vaultId ?? "", params.itemId ?? ""),
  }),
});
