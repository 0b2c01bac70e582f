import { route } from "@/lib/server/route";
import { inspectShareLink } from "@/lib/server/share-links/reveal";

export const dynamic = "force-dynamic";

// Public, for the signed-out reveal page: whether the link is there and needs a passphrase.
// A GET never spends a view, so link previews and crawlers cannot burn a link.
export const GET = route({
  access: "public",
  handler: async ({ params, request }) => inspectShareLink(params.id ?? "", request),
});
