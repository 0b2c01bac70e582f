import { route } from "@/lib/server/route";
import { revokeShareLink } from "@/lib/server/share-links/links";

export const dynamic = "force-dynamic";

export const DELETE = route({
  access: "session",
  handler: async ({ session, params, request }) => ({
    link: await revokeShareLink(session, params.id ?? "", request),
  }),
});
