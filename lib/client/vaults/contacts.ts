import { z } from "zod";
import {
  compose,
  openEnvelope,
  requireSodium,
  sealEnvelope,
  toBase64Url,
  verifyBundle,
} from "@/lib/crypto";
import type { Keyring } from "@/lib/client/keyring";
import type { PublicBundleDto } from "@/lib/api/vault";
import { isConflict, vaultApi } from "./vault-api";

/**
 * Pinned public keys of the people this user works with (DESIGN.md §10). Stored on the server
 * encrypted under the userKey, so the server can neither read nor edit the list: a key it swaps
 * in its directory shows up as "changed" here instead of being trusted.
 */
export type Contact = {
  signPublicKey: string;
  boxPublicKey: string;
  email: string;
  confirmed: boolean;
  pinnedAt: string;
};
export type Contacts = Record<string, Contact>;

const contactsSchema = z.record(
  z.string(),
  z.object({
    signPublicKey: z.string(),
    boxPublicKey: z.string(),
    email: z.string(),
    confirmed: z.boolean(),
    pinnedAt: z.string(),
  }),
);

export const contactsAd = (userId: string) => compose("coffer", "contacts", "v1", userId);

type Loaded = { userId: string; contacts: Contacts; revision: number };
let cache: Loaded | null = null;
// Contact writes are serialised: several vaults may pin their granters at the same moment.
let queue: Promise<unknown> = Promise.resolve();

async function fetchContacts(keyring: Keyring): Promise<Loaded> {
  const response = await vaultApi.contacts();
  if (!response.encryptedContacts) {
    return { userId: keyring.userId, contacts: {}, revision: response.revision };
  }
  const bytes = openEnvelope(
    keyring.userKey,
    response.encryptedContacts,
    contactsAd(keyring.userId),
    "contacts",
  );
  const parsed = contactsSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
  return { userId: keyring.userId, contacts: parsed, revision: response.revision };
}

export async function loadContacts(keyring: Keyring, fresh = false): Promise<Contacts> {
  if (!fresh && cache && cache.userId === keyring.userId) return cache.contacts;
  cache = await fetchContacts(keyring);
  return cache.contacts;
}

/** Applies `change` to the latest contacts and saves with compare-and-swap, retrying on 409. */
export function updateContacts(
  keyring: Keyring,
  change: (contacts: Contacts) => Contacts,
): Promise<Contacts> {
  const run = async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!cache || cache.userId !== keyring.userId) cache = await fetchContacts(keyring);
      const next = change({ ...cache.contacts });
      const envelope = sealEnvelope(
        keyring.userKey,
        requireSodium().from_string(JSON.stringify(next)),
        contactsAd(keyring.userId),
      );
      try {
        const saved = await vaultApi.saveContacts(envelope, cache.revision);
        cache = { userId: keyring.userId, contacts: next, revision: saved.revision };
        return next;
      } catch (error) {
        if (!isConflict(error)) throw error;
        cache = null;
      }
    }
    throw new Error("Your contacts keep changing on another device. Try again.");
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}

export function pinContact(keyring: Keyring, bundle: PublicBundleDto, confirmed: boolean) {
  return pinContacts(keyring, [bundle], confirmed);
}

/** Pins several people in one write: a rotation meeting many first-seen members saves once. */
export function pinContacts(keyring: Keyring, bundles: PublicBundleDto[], confirmed: boolean) {
  const pinnedAt = new Date().toISOString();
  return updateContacts(keyring, (contacts) => {
    const next = { ...contacts };
    for (const bundle of bundles) {
      next[bundle.userId] = {
        signPublicKey: bundle.signPublicKey,
        boxPublicKey: bundle.boxPublicKey,
        email: bundle.email,
        confirmed,
        pinnedAt,
      };
    }
    return next;
  });
}

export function forgetContactsCache() {
  cache = null;
}

export type TrustStatus = "self" | "confirmed" | "unconfirmed" | "unknown" | "changed" | "invalid";

export function bundleIsValid(bundle: PublicBundleDto): boolean {
  return verifyBundle(
    {
      userId: bundle.userId,
      email: bundle.email,
      signPublicKey: bundle.signPublicKey,
      boxPublicKey: bundle.boxPublicKey,
    },
    bundle.bundleSignature,
  );
}

/**
 * How far this user trusts a bundle the server handed over. "changed" is a hard stop: nothing
 * is decrypted with, or sealed to, that key until a manager compares fingerprints again.
 */
export function trustStatus(
  keyring: Keyring,
  contacts: Contacts,
  bundle: PublicBundleDto,
): TrustStatus {
  if (bundle.userId === keyring.userId) {
    const own =
      bundle.signPublicKey === toBase64Url(keyring.signKeyPair.publicKey) &&
      bundle.boxPublicKey === toBase64Url(keyring.boxKeyPair.publicKey);
    return own ? "self" : "changed";
  }
  if (!bundleIsValid(bundle)) return "invalid";
  const pinned = contacts[bundle.userId];
  if (!pinned) return "unknown";
  if (
    pinned.signPublicKey !== bundle.signPublicKey ||
    pinned.boxPublicKey !== bundle.boxPublicKey
  ) {
    return "changed";
  }
  return pinned.confirmed ? "confirmed" : "unconfirmed";
}
