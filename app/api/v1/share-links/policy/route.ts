import { route } from "@/lib/server/route";
import { publicPolicy, shareLinkPolicy } from "@/lib/server/share-links/policy";

export const dynamic = "force-dynamic";

// Anyone who may make a link may know the rules it must keep to.
export const GET = route({
  access: "session",
  handler: async () => ({ policy: publicPolicy(await shareLinkPolicy()) }),
});
