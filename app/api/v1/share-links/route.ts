import { route } from "@/lib/server/route";
import { createShareLinkRequest } from "@/lib/api/share-link";
import { createShareLink, myShareLinks } from "@/lib/server/share-links/links";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, request }) => ({ links: await myShareLinks(session, request) }),
});

// The link's secret never reaches this route: it receives a ciphertext, the id derived from
// the secret and a hash of the access proof (docs/security.md, "Share links").
export const POST = route({
  access: "session",
  body: createShareLinkRequest,
  status: 201,
  handler: async ({ session, body, request }) => ({
    link: await createShareLink(session, body, request),
  }),
});
