import { route } from "@/lib/server/route";
import { revealShareLinkRequest } from "@/lib/api/share-link";
import { revealShareLink } from "@/lib/server/share-links/reveal";

export const dynamic = "force-dynamic";

// DO NOT ADD GET: only a POST, sent after the person presses Reveal, spends a view; GET and
// HEAD answer 405. Public: the recipient has no account (same-origin checks still apply to
// browsers, and the page is ours).
export const POST = route({
  access: "public",
  body: revealShareLinkRequest,
  handler: async ({ params, body, request }) =>
    revealShareLink(params.id ?? "", body.proof, request),
});
