import {
  digestHexGroups,
  digestWords,
  serviceAccountFingerprint,
  verifyServiceAccountBundle,
  type ServiceAccountBundle,
} from "@/lib/crypto";
import type { ContactBook, Contacts } from "./contacts";

/**
 * Service accounts are pinned in the same encrypted contacts as people (DESIGN.md §10), under a
 * prefixed key so an account id can never stand for a person. The server cannot read or edit
 * the list, so a box key it swaps shows up here as "changed" instead of receiving a vault key.
 */
const pinKey = (serviceAccountId: string) => `serviceAccount:${serviceAccountId}`;

/** The public half of an account as any server answer carries it. */
export type AccountKeys = {
  id: string;
  name: string;
  boxPublicKey: string;
  signPublicKey: string;
  bundleSignature: string;
};

export type AccountTrust = "confirmed" | "unconfirmed" | "unknown" | "changed" | "invalid";

export function accountBundle(account: AccountKeys): ServiceAccountBundle {
  return {
    serviceAccountId: account.id,
    signPublicKey: account.signPublicKey,
    boxPublicKey: account.boxPublicKey,
  };
}

/** What a manager reads aloud or compares with the account's creator, before pinning it. */
export function accountFingerprint(account: AccountKeys): { hex: string; words: string[] } | null {
  const bundle = accountBundle(account);
  if (!verifyServiceAccountBundle(bundle, account.bundleSignature)) return null;
  const digest = serviceAccountFingerprint(bundle);
  return { hex: digestHexGroups(digest), words: digestWords(digest) };
}

export function accountTrust(contacts: Contacts, account: AccountKeys): AccountTrust {
  if (!verifyServiceAccountBundle(accountBundle(account), account.bundleSignature)) {
    return "invalid";
  }
  const pinned = contacts[pinKey(account.id)];
  if (!pinned) return "unknown";
  if (
    pinned.signPublicKey !== account.signPublicKey ||
    pinned.boxPublicKey !== account.boxPublicKey
  ) {
    return "changed";
  }
  return pinned.confirmed ? "confirmed" : "unconfirmed";
}

/** Pins exactly the keys shown; `confirmed` only after a fingerprint comparison. */
export function pinServiceAccounts(
  contacts: ContactBook,
  accounts: AccountKeys[],
  confirmed: boolean,
): Promise<Contacts> {
  const pinnedAt = new Date().toISOString();
  return contacts.update((current) => {
    const next = { ...current };
    for (const account of accounts) {
      next[pinKey(account.id)] = {
        signPublicKey: account.signPublicKey,
        boxPublicKey: account.boxPublicKey,
        email: account.name,
        confirmed,
        pinnedAt,
      };
    }
    return next;
  });
}

/**
 * The box key to seal a vault key to, from this person's own pin. DO NOT fall back to the
 * server's copy: that is the key an attacker holding the server would hand over.
 */
export function pinnedAccountBoxKey(
  contacts: Contacts,
  account: AccountKeys,
  require: "confirmed" | "pinned",
): string {
  const status = accountTrust(contacts, account);
  const pinned = contacts[pinKey(account.id)];
  if (status === "changed" || status === "invalid") {
    throw new Error(
      `The keys of the service account "${account.name}" changed — compare its fingerprint again before sealing anything to it.`,
    );
  }
  if (!pinned || status === "unknown" || (require === "confirmed" && status !== "confirmed")) {
    throw new Error(
      `Compare the fingerprint of "${account.name}" and confirm it before granting it a vault.`,
    );
  }
  return pinned.boxPublicKey;
}
