import { route } from "@/lib/server/route";
import { shareLinkPolicy as policySchema } from "@/lib/api/share-link";
import { recordAudit } from "@/lib/server/audit";
import {
  publicPolicy,
  shareLinkPolicy,
  updateShareLinkPolicy,
} from "@/lib/server/share-links/policy";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => ({ policy: publicPolicy(await shareLinkPolicy()) }),
});

// Links already made keep their expiry and passphrase: the policy rules what is made next.
export const PUT = route({
  access: "admin",
  body: policySchema,
  handler: async ({ session, body, request }) => {
    const { before, after } = await updateShareLinkPolicy(body);
    await recordAudit({
      action: "policy.share_links_change",
      actorId: session.userId,
      request,
      details: {
        linksAllowedBefore: before.linksAllowed,
        linksAllowed: after.linksAllowed,
        maxExpirySecondsBefore: before.maxExpirySeconds,
        maxExpirySeconds: after.maxExpirySeconds,
        passphraseRequiredBefore: before.passphraseRequired,
        passphraseRequired: after.passphraseRequired,
      },
    });
    return { policy: after };
  },
});
