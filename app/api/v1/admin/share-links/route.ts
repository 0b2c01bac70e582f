import { route } from "@/lib/server/route";
import { orgShareLinks } from "@/lib/server/share-links/links";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async ({ request }) => ({ links: await orgShareLinks(request) }),
});
