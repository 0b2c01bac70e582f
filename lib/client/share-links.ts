import type { ShareLinkPolicyDto, SharePassphraseKdfDto } from "@/lib/api/share-link";
import {
  createShareLink,
  getShareLinkPolicy,
  inspectShareLink,
  listMyShareLinks,
  listOrgShareLinks,
  revealShareLink,
  revokeShareLink,
  setShareLinkPolicy,
  shareLinkRules,
  type CreateShareLinkInput,
  type InspectedShareLink,
  type RevealedShareLink,
} from "@/lib/sdk/share-links";
import { browserHttpPort } from "./http-port";
import { workerKdfRunner } from "./kdf-runner";

/**
 * The browser's side of share links: the SDK (lib/sdk/share-links.ts) over same-origin fetch,
 * with Argon2id of a passphrase in the KDF worker so the page stays responsive.
 */
const signedIn = () => browserHttpPort();

export const shareLinksApi = {
  create: (input: CreateShareLinkInput) => createShareLink(signedIn(), input, workerKdfRunner),
  mine: () => listMyShareLinks(signedIn()),
  revoke: (id: string) => revokeShareLink(signedIn(), id),
  rules: () => shareLinkRules(signedIn()),
  orgLinks: () => listOrgShareLinks(signedIn()),
  policy: () => getShareLinkPolicy(signedIn()),
  savePolicy: (policy: ShareLinkPolicyDto) => setShareLinkPolicy(signedIn(), policy),
};

/**
 * The recipient is signed out (or signed in as anyone): a 401 from these public routes is an
 * answer to show, never a reason to send them to the sign-in page.
 */
const recipient = () => browserHttpPort({ redirectOnUnauthorized: false });

export const inspectLink = (fragment: string): Promise<InspectedShareLink> =>
  inspectShareLink(recipient(), fragment);

export const revealLink = (
  fragment: string,
  passphrase: string | undefined,
  settings: SharePassphraseKdfDto | null,
): Promise<RevealedShareLink> =>
  revealShareLink(recipient(), fragment, passphrase, workerKdfRunner, settings);
