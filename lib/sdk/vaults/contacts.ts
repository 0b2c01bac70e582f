import { z } from "zod";
import {
  compose,
  openEnvelope,
  requireSodium,
  sealEnvelope,
  toBase64Url,
  verifyBundle,
} from "@/lib/crypto";
import type { PublicBundleDto } from "@/lib/api/vault";
import type { PersonKeys } from "../service-accounts";
import { isConflict } from "./errors";
import type { VaultApi } from "./vault-api";

/**
 * Pinned public keys of the people (and service accounts) this person works with (DESIGN.md
 * §10). Stored on the server encrypted under the userKey, so the server can neither read nor
 * edit the list: a key it swaps in its directory shows up as "changed" here instead of being
 * trusted.
 */
export type Contact = {
  signPublicKey: string;
  boxPublicKey: string;
  email: string;
  confirmed: boolean;
  pinnedAt: string;
};
export type Contacts = Record<string, Contact>;

/** The acting person's keys plus the userKey their contacts are encrypted under. */
export interface ContactsOwner extends PersonKeys {
  userKey: Uint8Array;
}

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

const MAX_ATTEMPTS = 5;

/** One person's contacts: read once, then kept; every write is compare-and-swap. */
export class ContactBook {
  private loaded: { contacts: Contacts; revision: number } | null = null;
  // Writes are serialised: several vaults may pin their granters at the same moment.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly api: VaultApi,
    private readonly owner: ContactsOwner,
  ) {}

  private async fetch() {
    const response = await this.api.contacts();
    if (!response.encryptedContacts) return { contacts: {}, revision: response.revision };
    const bytes = openEnvelope(
      this.owner.userKey,
      response.encryptedContacts,
      contactsAd(this.owner.userId),
      "contacts",
    );
    const contacts = contactsSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
    return { contacts, revision: response.revision };
  }

  async load(fresh = false): Promise<Contacts> {
    if (fresh || !this.loaded) this.loaded = await this.fetch();
    return this.loaded.contacts;
  }

  /** Applies `change` to the latest contacts and saves, retrying on 409 from fresh data. */
  update(change: (contacts: Contacts) => Contacts): Promise<Contacts> {
    const run = async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = this.loaded ?? (this.loaded = await this.fetch());
        const next = change({ ...current.contacts });
        const envelope = sealEnvelope(
          this.owner.userKey,
          requireSodium().from_string(JSON.stringify(next)),
          contactsAd(this.owner.userId),
        );
        try {
          const saved = await this.api.saveContacts(envelope, current.revision);
          this.loaded = { contacts: next, revision: saved.revision };
          return next;
        } catch (error) {
          if (!isConflict(error)) throw error;
          this.loaded = null;
        }
      }
      throw new Error("Your contacts keep changing on another device. Try again.");
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  /** Pins exactly these keys, in one write; `confirmed` only after a fingerprint comparison. */
  pin(bundles: PublicBundleDto[], confirmed: boolean): Promise<Contacts> {
    const pinnedAt = new Date().toISOString();
    return this.update((contacts) => {
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

  forget(): void {
    this.loaded = null;
  }
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
 * How far this person trusts a bundle the server handed over. "changed" is a hard stop:
 * nothing is decrypted with, or sealed to, that key until a manager compares fingerprints
 * again.
 */
export function trustStatus(
  person: PersonKeys,
  contacts: Contacts,
  bundle: PublicBundleDto,
): TrustStatus {
  if (bundle.userId === person.userId) {
    const own =
      bundle.signPublicKey === toBase64Url(person.signKeyPair.publicKey) &&
      bundle.boxPublicKey === toBase64Url(person.boxKeyPair.publicKey);
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
