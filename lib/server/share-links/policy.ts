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

const inUnit = (unit: "day" | "hour", value: number) =>
  new Intl.NumberFormat("en", { style: "unit", unit, unitDisplay: "long" }).format(value);

/** "1 day", "36 hours": the noun agrees with the count, as in the browser's own wording. */
const duration = (seconds: number) =>
  seconds % 86_400 === 0
    ? inUnit("day", seconds / 86_400)
    : inUnit("hour", Math.round(seconds / 3600));

/** Throws the refusal naming the field when a new link breaks the org's policy. */
export function requireWithinPolicy(body: CreateShareLinkBody, policy: ShareLinkPolicyDto): void {
  if (!policy.linksAllowed) throw linksDisabled();
  if (body.expiresInSeconds > policy.maxExpirySeconds) {
    throw badRequest(
      `A share link may last at most ${duration(policy.maxExpirySeconds)} in this organisation.`,
      "expiresInSeconds",
    );
  }
  if (policy.passphraseRequired && body.passphrase === null) {
    throw badRequest("Your organisation requires a passphrase on every share link.", "passphrase");
  }
}

export async function updateShareLinkPolicy(policy: ShareLinkPolicyDto) {
  const current = await shareLinkPolicy();
  if (!current.orgId) throw notFound("No organisation yet.");
  await setShareLinkPolicy(current.orgId, policy);
  return { before: publicPolicy(current), after: policy };
}
