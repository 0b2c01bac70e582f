import "server-only";
import type { z } from "zod";
import type { createShareLinkRequest, ShareLinkPolicyDto } from "@/lib/api/share-link";
import { badRequest, HttpError, notFound } from "../errors";
import { getShareLinkPolicy, setShareLinkPolicy } from "../data/share-links";

export type CreateShareLinkBody = z.output<typeof createShareLinkRequest>;

/** The org's rules for links; the schema's defaults before the organisation exists. */
export async function shareLinkPolicy(): Promise<ShareLinkPolicyDto & { orgId: string | null }> {
  const org = await getShareLinkPolicy();
  return {
    orgId: org?.id ?? null,
    linksAllowed: org?.shareLinksAllowed ?? true,
    maxExpirySeconds: org?.shareLinkMaxExpirySeconds ?? 30 * 86_400,
    passphraseRequired: org?.shareLinkPassphraseRequired ?? false,
  };
}

/** The policy as the API shows it, without the organisation's id. */
export const publicPolicy = (policy: ShareLinkPolicyDto): ShareLinkPolicyDto => ({
  linksAllowed: policy.linksAllowed,
  maxExpirySeconds: policy.maxExpirySeconds,
  passphraseRequired: policy.passphraseRequired,
});

const linksDisabled = () =>
  new HttpError(403, "links_disabled", "Your organisation does not allow share links.");

const duration = (seconds: number) =>
  seconds % 86_400 === 0
    ? `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`
    : `${Math.round(seconds / 3600)} hours`;

/** Throws the refusal naming the field when a new link breaks the org's policy. */
export function requireWithinPolicy(body: CreateShareLinkBody, policy: ShareLinkPolicyDto): void {
  if (!policy.linksAllowed) throw linksDisabled();
  if (body.expiresInSeconds > policy.maxExpirySeconds) {
    throw badRequest(
      `expiresInSeconds may be at most ${duration(policy.maxExpirySeconds)} in this organisation.`,
      "expiresInSeconds",
    );
  }
  if (policy.passphraseRequired && body.passphrase === null) {
    throw badRequest("passphrase is required for share links in this organisation.", "passphrase");
  }
}

export async function updateShareLinkPolicy(policy: ShareLinkPolicyDto) {
  const current = await shareLinkPolicy();
  if (!current.orgId) throw notFound("No organisation yet.");
  await setShareLinkPolicy(current.orgId, policy);
  return { before: publicPolicy(current), after: policy };
}
