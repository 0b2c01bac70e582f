import { beforeAll, describe, expect, it } from "vitest";
import {
  generateServiceAccountKeys,
  getSodium,
  signServiceAccountBundle,
  toBase64Url,
} from "@/lib/crypto";
import {
  accountTrust,
  pinnedAccountBoxKey,
  type AccountKeys,
} from "@/lib/client/service-accounts/pins";
import type { Contacts } from "@/lib/client/vaults/contacts";

function makeAccount(id = "sa-1"): AccountKeys {
  const keys = generateServiceAccountKeys();
  const bundle = {
    serviceAccountId: id,
    signPublicKey: toBase64Url(keys.signKeyPair.publicKey),
    boxPublicKey: toBase64Url(keys.boxKeyPair.publicKey),
  };
  return {
    id,
    name: "ci-deploy",
    ...bundle,
    bundleSignature: signServiceAccountBundle(keys.signKeyPair.privateKey, bundle),
  };
}

function pinned(account: AccountKeys, confirmed: boolean): Contacts {
  return {
    [`serviceAccount:${account.id}`]: {
      signPublicKey: account.signPublicKey,
      boxPublicKey: account.boxPublicKey,
      email: account.name,
      confirmed,
      pinnedAt: new Date().toISOString(),
    },
  };
}

beforeAll(async () => {
  await getSodium();
});

describe("service account pins", () => {
  it("seals to the pinned box key once the fingerprint was confirmed", () => {
    const account = makeAccount();
    const contacts = pinned(account, true);
    expect(accountTrust(contacts, account)).toBe("confirmed");
    expect(pinnedAccountBoxKey(contacts, account, "confirmed")).toBe(account.boxPublicKey);
  });

  it("refuses a key the server swapped in after pinning (same id, new self-signed keys)", () => {
    const account = makeAccount();
    const contacts = pinned(account, true);
    const swapped = { ...makeAccount(account.id), name: account.name };
    expect(accountTrust(contacts, swapped)).toBe("changed");
    expect(() => pinnedAccountBoxKey(contacts, swapped, "pinned")).toThrow(/changed/);
  });

  it("refuses an account nobody on this device pinned, and an unconfirmed pin for a grant", () => {
    const account = makeAccount();
    expect(accountTrust({}, account)).toBe("unknown");
    expect(() => pinnedAccountBoxKey({}, account, "pinned")).toThrow(/Compare the fingerprint/);
    const firstUse = pinned(account, false);
    expect(() => pinnedAccountBoxKey(firstUse, account, "confirmed")).toThrow(/Compare/);
    expect(pinnedAccountBoxKey(firstUse, account, "pinned")).toBe(account.boxPublicKey);
  });

  it("refuses keys that are not self-signed", () => {
    const account = makeAccount();
    const forged = { ...account, boxPublicKey: makeAccount().boxPublicKey };
    expect(accountTrust(pinned(forged, true), forged)).toBe("invalid");
    expect(() => pinnedAccountBoxKey(pinned(forged, true), forged, "pinned")).toThrow(/changed/);
  });

  it("keeps a person and an account with the same id apart", () => {
    const account = makeAccount("u-1");
    const person: Contacts = {
      "u-1": {
        signPublicKey: account.signPublicKey,
        boxPublicKey: account.boxPublicKey,
        email: "someone@acme.test",
        confirmed: true,
        pinnedAt: new Date().toISOString(),
      },
    };
    expect(accountTrust(person, account)).toBe("unknown");
  });
});
