// The SDK's vault-opening rules against a server that lies (DESIGN.md §8–§10): a grant is
// accepted only when its signature verifies under a pinned granter key, a changed key stops
// everything, and items or vaults rolled back to what the device has already seen past are
// refused — across restarts, because the marks live in the device's KeyValueStore. The server
// here is an in-memory HttpPort serving fixtures a test can doctor.
import { describe, expect, it } from "vitest";
import {
  CryptoError,
  encryptItem,
  encryptVaultName,
  generateUserKeys,
  newVaultKey,
  signBundle,
  toBase64Url,
  type ItemPlaintext,
} from "@/lib/crypto";
import type { ItemDto, MemberDto, PublicBundleDto, VaultDetailResponse } from "@/lib/api/vault";
import { SdkError, type HttpPort } from "@/lib/sdk/http-port";
import { memoryKeyValueStore, type KeyValueStore } from "@/lib/sdk/key-value-store";
import {
  acceptVault,
  buildGrant,
  decryptItems,
  INTEGRITY_MESSAGE,
  openVault,
  prepareRotation,
  VaultAccessError,
  VaultSession,
  type FirstSeenKeys,
} from "@/lib/sdk/vaults";

type Person = ReturnType<typeof generateUserKeys> & { userId: string; email: string };

function newPerson(name: string): Person {
  return { ...generateUserKeys(), userId: `user_${name}`, email: `${name}@example.test` };
}

function bundleOf(person: Pick<Person, "userId" | "email" | "signKeyPair" | "boxKeyPair">) {
  const bundle = {
    userId: person.userId,
    email: person.email,
    signPublicKey: toBase64Url(person.signKeyPair.publicKey),
    boxPublicKey: toBase64Url(person.boxKeyPair.publicKey),
  };
  return {
    ...bundle,
    name: person.email,
    bundleSignature: signBundle(person.signKeyPair.privateKey, bundle),
  } satisfies PublicBundleDto;
}

const plaintext = (title: string): ItemPlaintext => ({
  type: "login",
  title,
  fields: [{ name: "password", value: `pw-${title}`, secret: true, kind: "password" }],
  notes: "",
  urls: [],
  tags: [],
});

/** A server holding one vault the owner shared with the member, and the member's contacts. */
function fakeServer(owner: Person, member: Person) {
  const vaultId = "vault_1";
  const keys = new Map<number, Uint8Array>([[1, newVaultKey()]]);
  let contacts: { encryptedContacts: string | null; revision: number } = {
    encryptedContacts: null,
    revision: 0,
  };
  const rotations: unknown[] = [];

  function item(itemId: string, revision: number, keyVersion = 1, forVault = vaultId): ItemDto {
    return {
      id: itemId,
      keyVersion,
      revision,
      ciphertext: encryptItem(keys.get(keyVersion)!, plaintext(`${itemId}@${revision}`), {
        vaultId: forVault,
        itemId,
        keyVersion,
        revision,
      }),
      createdAt: "2026-12-01T00:00:00.000Z",
      updatedAt: "2026-12-01T00:00:00.000Z",
    };
  }

  /** The member's view of the vault at `keyVersion`, its grant signed by `granter`. */
  function detail(
    keyVersion = 1,
    granter: Pick<Person, "userId" | "email" | "signKeyPair" | "boxKeyPair"> = owner,
  ): VaultDetailResponse {
    if (!keys.has(keyVersion)) keys.set(keyVersion, newVaultKey());
    const vaultKey = keys.get(keyVersion)!;
    const grant = buildGrant({
      person: { ...granter, userId: granter.userId },
      vaultId,
      userId: member.userId,
      keyVersion,
      role: "edit",
      vaultKey,
      memberBoxPublicKey: toBase64Url(member.boxKeyPair.publicKey),
    });
    const members: MemberDto[] = [owner, member].map((person, index) => ({
      ...bundleOf(person),
      role: index === 0 ? "manage" : "edit",
      grantKeyVersion: keyVersion,
      grantedById: owner.userId,
    }));
    return {
      vault: {
        id: vaultId,
        encryptedName: encryptVaultName(vaultKey, "Payments", vaultId, keyVersion),
        environment: null,
        keyVersion,
        role: "edit",
        itemCount: 1,
        memberCount: 2,
        updatedAt: "2026-12-01T00:00:00.000Z",
        grant: { ...grant, vaultId, userId: member.userId, granter: bundleOf(granter) },
      },
      items: [item("item_1", 1, keyVersion)],
      members,
    };
  }

  let served = detail();
  const http: HttpPort = {
    async request({ method, path, body }) {
      const route = `${method} ${path}`;
      if (route === "GET /api/v1/contacts") return contacts;
      if (route === "PUT /api/v1/contacts") {
        const update = body as { encryptedContacts: string; baseRevision: number };
        if (update.baseRevision !== contacts.revision) {
          throw new SdkError("conflict", "Contacts changed.", 409);
        }
        contacts = { encryptedContacts: update.encryptedContacts, revision: contacts.revision + 1 };
        return contacts;
      }
      if (route === `GET /api/v1/vaults/${vaultId}`) return served;
      if (route === `GET /api/v1/vaults/${vaultId}/revisions`) return { revisions: [] };
      if (route === `GET /api/v1/vaults/${vaultId}/service-accounts`) {
        return { serviceAccounts: [] };
      }
      if (route === `POST /api/v1/vaults/${vaultId}/rotate`) {
        rotations.push(body);
        return { keyVersion: served.vault.keyVersion + 1 };
      }
      throw new SdkError("not_found", `No fixture for ${route}.`, 404);
    },
  };
  return {
    http,
    item,
    detail,
    vaultKey: (keyVersion: number) => keys.get(keyVersion)!,
    rotations,
    serve: (next: VaultDetailResponse) => {
      served = next;
    },
  };
}

function setup(options: { firstSeen?: FirstSeenKeys } = {}) {
  const owner = newPerson("owner");
  const member = newPerson("member");
  const server = fakeServer(owner, member);
  const store = memoryKeyValueStore();
  const session = (device: KeyValueStore = store) =>
    new VaultSession(member, { http: server.http, store: device }, options);
  return { owner, member, server, store, session };
}

describe("opening a vault with the SDK", () => {
  it("opens a grant signed by a pinned granter, and names the vault", async () => {
    const { owner, server, session } = setup();
    const member = session();
    await member.contacts.pin([bundleOf(owner)], true);
    const opened = await acceptVault(member, server.detail().vault);
    expect(opened.name).toBe("Payments");
    expect(opened.granterUnconfirmed).toBe(false);
  });

  it("refuses a grant whose signature does not cover what it says (role raised after signing)", async () => {
    const { owner, server, session } = setup();
    const member = session();
    await member.contacts.pin([bundleOf(owner)], true);
    const detail = server.detail();
    const tampered = {
      ...detail.vault,
      grant: { ...detail.vault.grant!, role: "manage" as const },
    };
    await expect(acceptVault(member, tampered)).rejects.toThrow(new CryptoError("grant signature"));
    expect((await openVault(member, tampered)).problem).toEqual({ kind: "integrity" });
    expect((await openVault(member, tampered)).key).toBeNull();
  });

  it("refuses a granter whose keys differ from the pinned ones, though their bundle is self-consistent", async () => {
    const { owner, server, session } = setup();
    const member = session();
    await member.contacts.pin([bundleOf(owner)], true);
    // The server's own keypairs under the owner's id and email, signing a key it knows.
    const substitute = { ...generateUserKeys(), userId: owner.userId, email: owner.email };
    const forged = server.detail(1, substitute);
    await expect(acceptVault(member, forged.vault)).rejects.toThrow(VaultAccessError);
    expect((await openVault(member, forged.vault)).problem).toEqual({
      kind: "keys-changed",
      email: owner.email,
    });
  });

  it("pins a first-seen granter unconfirmed, then refuses a later key change", async () => {
    const { owner, server, session } = setup();
    const member = session();
    expect((await acceptVault(member, server.detail().vault)).granterUnconfirmed).toBe(true);
    const substitute = { ...generateUserKeys(), userId: owner.userId, email: owner.email };
    await expect(acceptVault(member, server.detail(1, substitute).vault)).rejects.toThrow(
      VaultAccessError,
    );
  });

  it("refuses a first-seen granter outright when the session pins nothing on first use", async () => {
    const { server, session } = setup({ firstSeen: "refuse" });
    await expect(acceptVault(session(), server.detail().vault)).rejects.toThrow(
      new CryptoError("untrusted granter"),
    );
  });

  it("refuses a vault served at an older key version than this device has seen, after a restart too", async () => {
    const { owner, server, session, store } = setup();
    const before = server.detail(1);
    const member = session();
    await member.contacts.pin([bundleOf(owner)], true);
    await acceptVault(member, server.detail(2).vault);
    // Version 1 is authentic (signed, sealed to us): only the high-water mark refuses it.
    await expect(acceptVault(member, before.vault)).rejects.toThrow(
      new CryptoError("vault key rollback"),
    );
    await expect(acceptVault(session(store), before.vault)).rejects.toThrow(
      new CryptoError("vault key rollback"),
    );
    // A device that never saw version 2 has nothing to compare against.
    await expect(acceptVault(session(memoryKeyValueStore()), before.vault)).resolves.toMatchObject({
      name: "Payments",
    });
  });
});

describe("decrypting items with the SDK", () => {
  async function opened() {
    const context = setup();
    const member = context.session();
    await member.contacts.pin([bundleOf(context.owner)], true);
    const { key } = await acceptVault(member, context.server.detail().vault);
    return { ...context, member, key };
  }

  it("refuses an item rolled back to an older authentic revision, after a restart too", async () => {
    const { server, member, key, session, store } = await opened();
    const [current] = await decryptItems(member, "vault_1", key, [server.item("item_1", 2)]);
    expect(current?.plaintext?.title).toBe("item_1@2");
    const rolledBack = server.item("item_1", 1);
    const [refused] = await decryptItems(member, "vault_1", key, [rolledBack]);
    expect(refused).toMatchObject({ plaintext: null, error: INTEGRITY_MESSAGE });
    const [afterRestart] = await decryptItems(session(store), "vault_1", key, [rolledBack]);
    expect(afterRestart).toMatchObject({ plaintext: null, error: INTEGRITY_MESSAGE });
  });

  it("refuses an item encrypted for another vault (its AD names a different vault id)", async () => {
    const { server, member, key } = await opened();
    const elsewhere = server.item("item_2", 1, 1, "vault_other");
    const [refused, honest] = await decryptItems(member, "vault_1", key, [
      elsewhere,
      server.item("item_3", 1),
    ]);
    expect(refused).toMatchObject({ plaintext: null, error: INTEGRITY_MESSAGE });
    expect(honest?.plaintext?.title).toBe("item_3@1");
  });

  it("refuses a vault name encrypted for another vault", async () => {
    const { owner, server, session } = setup();
    const member = session();
    await member.contacts.pin([bundleOf(owner)], true);
    const detail = server.detail();
    const { key } = await acceptVault(member, detail.vault);
    const renamed = {
      ...detail.vault,
      encryptedName: encryptVaultName(key, "Payments", "vault_other", 1),
    };
    await expect(acceptVault(member, renamed)).rejects.toThrow(CryptoError);
  });
});

describe("rotating with the SDK", () => {
  it("refuses to re-seal the new key to a member whose key was substituted, sending nothing", async () => {
    const { owner, member, server } = setup();
    const ownerSession = new VaultSession(owner, {
      http: server.http,
      store: memoryKeyValueStore(),
    });
    // The owner's view, with the member pinned as compared.
    const honest = server.detail();
    const ownGrant = buildGrant({
      person: owner,
      vaultId: "vault_1",
      userId: owner.userId,
      keyVersion: 1,
      role: "manage",
      vaultKey: server.vaultKey(1),
      memberBoxPublicKey: toBase64Url(owner.boxKeyPair.publicKey),
    });
    const ownersView = (members: MemberDto[]): VaultDetailResponse => ({
      ...honest,
      vault: {
        ...honest.vault,
        role: "manage",
        grant: { ...ownGrant, vaultId: "vault_1", userId: owner.userId, granter: bundleOf(owner) },
      },
      members,
    });
    await ownerSession.contacts.pin([bundleOf(member)], true);
    const substitute = { ...generateUserKeys(), userId: member.userId, email: member.email };
    server.serve(
      ownersView([
        honest.members[0]!,
        { ...honest.members[1]!, ...bundleOf(substitute), name: member.email },
      ]),
    );
    await expect(
      prepareRotation(ownerSession, { vaultId: "vault_1", removeUserIds: [] }),
    ).rejects.toThrow(/keys changed/);
    expect(server.rotations).toEqual([]);

    // With the member's real keys the same rotation is built, sealed to the pinned key.
    server.serve(ownersView(honest.members));
    const prepared = await prepareRotation(ownerSession, { vaultId: "vault_1", removeUserIds: [] });
    expect(prepared.batch.grants.find((grant) => grant.userId === member.userId)).toMatchObject({
      memberBoxPublicKey: toBase64Url(member.boxKeyPair.publicKey),
    });
  });
});
