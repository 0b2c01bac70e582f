import type { HttpPort } from "../http-port";
import type { KeyValueStore } from "../key-value-store";
import { ContactBook, type ContactsOwner } from "./contacts";
import { RevisionLedger } from "./revision-ledger";
import { vaultApi, type VaultApi } from "./vault-api";

/**
 * What a client does with a key nobody has shown it before (a granter, or a member a rotation
 * re-seals to): "pin" trusts it on first use, unconfirmed, and hard-fails on any later change —
 * the browser's rule; "refuse" accepts only keys pinned after a fingerprint comparison.
 */
export type FirstSeenKeys = "pin" | "refuse";

/**
 * One person's vault protocol state on one device: their unlocked keys, the server (through
 * HttpPort), their pinned contacts and the revision high-water marks (through KeyValueStore).
 * Every vault operation in lib/sdk/vaults takes one.
 */
export class VaultSession {
  readonly api: VaultApi;
  readonly contacts: ContactBook;
  readonly revisions: RevisionLedger;
  readonly firstSeen: FirstSeenKeys;

  constructor(
    readonly person: ContactsOwner,
    ports: { http: HttpPort; store: KeyValueStore },
    options: { firstSeen?: FirstSeenKeys } = {},
  ) {
    this.api = vaultApi(ports.http);
    this.contacts = new ContactBook(this.api, person);
    this.revisions = new RevisionLedger(ports.store, person.userId);
    this.firstSeen = options.firstSeen ?? "pin";
  }
}
