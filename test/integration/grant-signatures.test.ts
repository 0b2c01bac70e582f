// The server checks grant signatures too (DESIGN.md §8): a grant it stores names the session
// user as granter, so it must carry that user's signature over exactly the values in the
// request, sealed to the recipient's own box key. Anything else answers 400 naming the grant's
// field and changes nothing; clients keep their own check (vault-sharing.test.ts).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { encryptVaultName, newVaultKey, sealVaultKey, signGrant, toBase64Url } from "@/lib/crypto";
import type { GrantInput } from "@/lib/api/vault";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  samplePlaintext,
  type VaultClient,
} from "../support/vault-client";

/** The same grant, its signature replaced by one made with `signer`'s identity key. */
function resigned<T extends GrantInput>(
  signer: VaultClient,
  vaultId: string,
  userId: string,
  grant: T,
): T {
  const signature = signGrant(signer.signPrivateKey, {
    vaultId,
    userId,
    keyVersion: grant.keyVersion,
    role: grant.role,
    memberBoxPublicKey: grant.memberBoxPublicKey,
    sealedKey: grant.sealedKey,
  });
  return { ...grant, signature };
}

const fieldOf = (body: unknown) => (body as { error?: { field?: string } }).error?.field;

describe.each(inject("servers"))("grant signatures on $kind", (server) => {
  let owner: VaultClient;
  /** Shared into every vault below with view: a member, but not a manager. */
  let member: VaultClient;
  /** In no vault here. */
  let outsider: VaultClient;
  /** The person the forged shares try to reach. */
  let recipient: VaultClient;

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    member = await invitedVaultClient(server, owner, { label: "grant-member" });
    outsider = await invitedVaultClient(server, owner, { label: "grant-outsider" });
    recipient = await invitedVaultClient(server, owner, { label: "grant-recipient" });
    for (const person of [member, recipient]) await person.trust(owner.userId);
  }, 120_000);

  const boxKeyOf = (person: VaultClient) => toBase64Url(person.boxKeyPair.publicKey);

  /** A vault of the owner's with one item, shared with `member` as a viewer. */
  async function sharedVault() {
    const { vaultId, key } = await owner.createVault("Signed grants");
    await owner.addItem(vaultId, samplePlaintext("Deploy key"));
    expect((await owner.shareWith(vaultId, member.userId, "view")).status).toBe(201);
    return { vaultId, key };
  }

  async function memberIds(vaultId: string) {
    return (await owner.detail(vaultId)).members.map((person) => person.userId).sort();
  }

  describe("creating a vault", () => {
    function create(vaultId: string, key: Uint8Array, grant: GrantInput) {
      return owner.api.request("/api/v1/vaults", {
        json: { id: vaultId, encryptedName: encryptVaultName(key, "Mine", vaultId, 1), grant },
      });
    }
    const ownGrant = (vaultId: string, key: Uint8Array, boxPublicKey = boxKeyOf(owner)) =>
      owner.signedGrant(vaultId, key, 1, { userId: owner.userId, role: "manage", boxPublicKey });

    it.each([
      [
        "signed by a non-member's key",
        (vaultId: string, key: Uint8Array) =>
          resigned(outsider, vaultId, owner.userId, ownGrant(vaultId, key)),
        "grant.signature",
      ],
      [
        "signed for another vault id",
        (vaultId: string, key: Uint8Array) => ownGrant(randomId(), key),
        "grant.signature",
      ],
      [
        "sealed to a box key that is not the creator's",
        (vaultId: string, key: Uint8Array) => ownGrant(vaultId, key, boxKeyOf(outsider)),
        "grant.memberBoxPublicKey",
      ],
    ])("refuses a grant %s, creating nothing", async (_label, forge, field) => {
      const vaultId = randomId();
      const key = newVaultKey();
      const response = await create(vaultId, key, forge(vaultId, key));
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(fieldOf(response.body)).toBe(field);
      expect((await owner.api.request(`/api/v1/vaults/${vaultId}`)).status).toBe(404);

      // The same vault with the creator's honest grant is made and opens.
      expect((await create(vaultId, key, ownGrant(vaultId, key))).status).toBe(201);
      expect((await owner.openVault(vaultId)).name).toBe("Mine");
    });
  });

  describe("sharing a vault", () => {
    type Forgery = (input: { vaultId: string; key: Uint8Array }) => {
      userId: string;
      grant: GrantInput;
    };
    const honest = (vaultId: string, key: Uint8Array, keyVersion = 1) =>
      owner.signedGrant(vaultId, key, keyVersion, {
        userId: recipient.userId,
        role: "view",
        boxPublicKey: boxKeyOf(recipient),
      });
    const forgeries: Array<[string, Forgery, string]> = [
      [
        "signed by a non-member's key",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: resigned(outsider, vaultId, recipient.userId, honest(vaultId, key)),
        }),
        "grant.signature",
      ],
      [
        "signed by a member who does not manage the vault",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: resigned(member, vaultId, recipient.userId, honest(vaultId, key)),
        }),
        "grant.signature",
      ],
      [
        "whose role was changed after signing",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: { ...honest(vaultId, key), role: "manage" },
        }),
        "grant.signature",
      ],
      [
        "whose key version was changed after signing",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: { ...honest(vaultId, key, 2), keyVersion: 1 },
        }),
        "grant.signature",
      ],
      [
        "signed for another person and sent for this one",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: owner.signedGrant(vaultId, key, 1, {
            userId: outsider.userId,
            role: "view",
            boxPublicKey: boxKeyOf(recipient),
          }),
        }),
        "grant.signature",
      ],
      [
        "whose sealed copy was swapped after signing",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: {
            ...honest(vaultId, key),
            sealedKey: sealVaultKey(newVaultKey(), recipient.boxKeyPair.publicKey),
          },
        }),
        "grant.signature",
      ],
      [
        "signed honestly but sealed to a box key that is not the member's",
        ({ vaultId, key }) => ({
          userId: recipient.userId,
          grant: owner.signedGrant(vaultId, key, 1, {
            userId: recipient.userId,
            role: "view",
            boxPublicKey: boxKeyOf(outsider),
          }),
        }),
        "grant.memberBoxPublicKey",
      ],
    ];

    it.each(forgeries)("refuses a grant %s, changing nothing", async (_label, forge, field) => {
      const vault = await sharedVault();
      const before = await memberIds(vault.vaultId);
      const response = await owner.api.request(`/api/v1/vaults/${vault.vaultId}/members`, {
        json: forge(vault),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(fieldOf(response.body)).toBe(field);
      expect(await memberIds(vault.vaultId)).toEqual(before);
      expect((await recipient.api.request(`/api/v1/vaults/${vault.vaultId}`)).status).toBe(404);
    });

    it("accepts the manager's honest grant, which the recipient then opens", async () => {
      const { vaultId, key } = await sharedVault();
      const response = await owner.api.request(`/api/v1/vaults/${vaultId}/members`, {
        json: { userId: recipient.userId, grant: honest(vaultId, key) },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const opened = await recipient.openVault(vaultId);
      expect(opened.items.map((item) => item.plaintext.title)).toEqual(["Deploy key"]);
      expect(opened.detail.vault.role).toBe("view");
    });
  });

  describe("changing a member's role", () => {
    it("refuses a re-signed grant the manager did not sign, or edited after signing", async () => {
      const { vaultId, key } = await sharedVault();
      const promoted = owner.signedGrant(vaultId, key, 1, {
        userId: member.userId,
        role: "manage",
        boxPublicKey: boxKeyOf(member),
      });
      const attempts: Array<[GrantInput, string]> = [
        // The member signing their own promotion, sent through the manager's session.
        [resigned(member, vaultId, member.userId, promoted), "grant.signature"],
        [{ ...promoted, role: "edit" }, "grant.signature"],
        [
          owner.signedGrant(vaultId, key, 1, {
            userId: member.userId,
            role: "edit",
            boxPublicKey: boxKeyOf(outsider),
          }),
          "grant.memberBoxPublicKey",
        ],
      ];
      for (const [grant, field] of attempts) {
        const response = await owner.api.request(
          `/api/v1/vaults/${vaultId}/members/${member.userId}`,
          { method: "PUT", json: { grant } },
        );
        expect(response.status, JSON.stringify(response.body)).toBe(400);
        expect(fieldOf(response.body)).toBe(field);
        const role = (await member.openVault(vaultId)).detail.vault.role;
        expect(role).toBe("view");
      }
      expect((await owner.changeRole(vaultId, member.userId, "edit")).status).toBe(200);
      expect((await member.openVault(vaultId)).detail.vault.role).toBe("edit");
    });
  });

  describe("rotating a vault key", () => {
    it("refuses a batch with any grant not signed by the rotating manager, changing nothing", async () => {
      const { vaultId } = await sharedVault();
      const before = await owner.openVault(vaultId);
      const { batch } = await owner.prepareRotation(vaultId, []);
      const index = batch.grants.findIndex((grant) => grant.userId === member.userId);
      expect(index).toBeGreaterThanOrEqual(0);
      const original = batch.grants[index]!;
      const withGrant = (grant: (typeof batch.grants)[number]) => ({
        ...batch,
        grants: batch.grants.map((entry, at) => (at === index ? grant : entry)),
      });
      const attempts: Array<[string, ReturnType<typeof withGrant>, string]> = [
        [
          "signed by a non-member's key",
          withGrant(resigned(outsider, vaultId, member.userId, original)),
          `grants.${index}.signature`,
        ],
        [
          "signed by the member it is for",
          withGrant(resigned(member, vaultId, member.userId, original)),
          `grants.${index}.signature`,
        ],
        [
          "with the role changed after signing",
          withGrant({ ...original, role: "manage" }),
          `grants.${index}.signature`,
        ],
        [
          "with the user id changed after signing",
          withGrant({ ...original, userId: outsider.userId }),
          `grants.${index}.signature`,
        ],
        [
          "signed honestly but sealed to a box key that is not the member's",
          withGrant(
            resigned(owner, vaultId, member.userId, {
              ...original,
              memberBoxPublicKey: boxKeyOf(outsider),
              sealedKey: sealVaultKey(newVaultKey(), outsider.boxKeyPair.publicKey),
            }),
          ),
          `grants.${index}.memberBoxPublicKey`,
        ],
      ];
      for (const [label, forged, field] of attempts) {
        const response = await owner.submitRotation(vaultId, forged);
        expect([label, response.status], JSON.stringify(response.body)).toEqual([label, 400]);
        expect([label, fieldOf(response.body)]).toEqual([label, field]);
      }
      const after = await owner.openVault(vaultId);
      expect(after.keyVersion).toBe(1);
      expect(after.key).toEqual(before.key);
      expect(after.detail.items).toEqual(before.detail.items);

      // The honest batch goes through, and the member opens the new key.
      expect((await owner.submitRotation(vaultId, batch)).status).toBe(200);
      expect((await member.openVault(vaultId)).keyVersion).toBe(2);
    });
  });
});
