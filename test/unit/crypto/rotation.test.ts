import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../lib/crypto/base64url";
import { CryptoError } from "../../../lib/crypto/errors";
import { decryptItem, encryptItem, type ItemPlaintext } from "../../../lib/crypto/items";
import { buildRotationBatch, type RotationInput } from "../../../lib/crypto/rotation";
import { getSodium } from "../../../lib/crypto/sodium";
import { generateUserKeys, type KeyPair } from "../../../lib/crypto/user-keys";
import {
  acceptGrant,
  decryptVaultName,
  encryptVaultName,
  newVaultKey,
} from "../../../lib/crypto/vault-keys";

type Person = { signKeyPair: KeyPair; boxKeyPair: KeyPair };

const vaultId = "vlt_rotation_unit_1";
let manager: Person;
let member: Person;
let departing: Person;
let oldKey: Uint8Array;

const plaintext = (title: string): ItemPlaintext => ({
  type: "login",
  title,
  fields: [{ name: "password", value: `secret of ${title}`, secret: true, kind: "password" }],
  notes: "",
  urls: [],
  tags: [],
});

beforeAll(async () => {
  await getSodium();
  manager = generateUserKeys();
  member = generateUserKeys();
  departing = generateUserKeys();
  oldKey = newVaultKey();
});

/** A vault at key version 3 with `count` items, each at revision 2 with revision 1 in history. */
function vaultAt(count: number): RotationInput {
  const keyVersion = 3;
  const items: RotationInput["items"] = [];
  const revisions: RotationInput["revisions"] = [];
  for (let index = 0; index < count; index++) {
    const id = `item_${index}`;
    for (const revision of [1, 2]) {
      const ciphertext = encryptItem(oldKey, plaintext(`${id} r${revision}`), {
        vaultId,
        itemId: id,
        keyVersion,
        revision,
      });
      revisions.push({ itemId: id, revision, keyVersion, ciphertext });
      if (revision === 2) items.push({ id, revision, keyVersion, ciphertext });
    }
  }
  return {
    vaultId,
    currentKeyVersion: keyVersion,
    currentKey: oldKey,
    vaultName: "Production secrets",
    items,
    revisions,
    remainingMembers: [
      {
        userId: "usr_manager",
        role: "manage",
        boxPublicKey: toBase64Url(manager.boxKeyPair.publicKey),
      },
      {
        userId: "usr_member",
        role: "view",
        boxPublicKey: toBase64Url(member.boxKeyPair.publicKey),
      },
    ],
    removeUserIds: ["usr_departing"],
    granterSignPrivateKey: manager.signKeyPair.privateKey,
  };
}

describe("buildRotationBatch", () => {
  it("re-encrypts every item, revision and the name under a new key at version k+1", async () => {
    const input = vaultAt(5);
    const { newKey, batch } = await buildRotationBatch(input);
    expect(newKey).not.toEqual(oldKey);
    expect(batch.expectedKeyVersion).toBe(3);
    expect(batch.removeUserIds).toEqual(["usr_departing"]);
    expect(batch.items).toHaveLength(5);
    expect(batch.revisions).toHaveLength(10);

    for (const item of batch.items) {
      const context = { vaultId, itemId: item.id, keyVersion: 4, revision: item.revision };
      expect(decryptItem(newKey, item.ciphertext, context).title).toBe(`${item.id} r2`);
      // The departing member's copy of the old key opens nothing in the new batch.
      expect(() => decryptItem(oldKey, item.ciphertext, context)).toThrow(CryptoError);
      expect(() => decryptItem(oldKey, item.ciphertext, { ...context, keyVersion: 3 })).toThrow(
        CryptoError,
      );
    }
    for (const revision of batch.revisions) {
      const context = {
        vaultId,
        itemId: revision.itemId,
        keyVersion: 4,
        revision: revision.revision,
      };
      expect(decryptItem(newKey, revision.ciphertext, context).title).toBe(
        `${revision.itemId} r${revision.revision}`,
      );
      expect(() => decryptItem(oldKey, revision.ciphertext, context)).toThrow(CryptoError);
    }
    expect(decryptVaultName(newKey, batch.encryptedName, vaultId, 4)).toBe("Production secrets");
    expect(() => decryptVaultName(oldKey, batch.encryptedName, vaultId, 4)).toThrow(CryptoError);
  });

  it("grants the new key, signed, to each remaining member and to nobody else", async () => {
    const { newKey, batch } = await buildRotationBatch(vaultAt(1));
    expect(batch.grants.map((grant) => [grant.userId, grant.role, grant.keyVersion])).toEqual([
      ["usr_manager", "manage", 4],
      ["usr_member", "view", 4],
    ]);
    const memberGrant = batch.grants.find((grant) => grant.userId === "usr_member");
    if (!memberGrant) throw new Error("no grant for the member");
    const opened = acceptGrant({
      grant: { vaultId, ...memberGrant },
      signature: memberGrant.signature,
      granterSignPublicKey: manager.signKeyPair.publicKey,
      trusted: true,
      boxKeyPair: member.boxKeyPair,
      expectedUserId: "usr_member",
    });
    expect(opened).toEqual(newKey);
    expect(() =>
      acceptGrant({
        grant: { vaultId, ...memberGrant, userId: "usr_departing" },
        signature: memberGrant.signature,
        granterSignPublicKey: manager.signKeyPair.publicKey,
        trusted: true,
        boxKeyPair: departing.boxKeyPair,
        expectedUserId: "usr_departing",
      }),
    ).toThrow(CryptoError);
  });

  it("refuses an item whose ciphertext was tampered with, rather than dropping it", async () => {
    const input = vaultAt(3);
    const victim = input.items[1];
    if (!victim) throw new Error("fixture");
    const [prefix, nonce, body] = victim.ciphertext.split(".");
    const bytes = fromBase64Url(body ?? "");
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    victim.ciphertext = `${prefix}.${nonce}.${toBase64Url(bytes)}`;
    await expect(buildRotationBatch(input)).rejects.toThrow(CryptoError);
  });

  it("refuses an item served under another item's id, or at the wrong revision", async () => {
    const swapped = vaultAt(2);
    const [first, second] = swapped.items;
    if (!first || !second) throw new Error("fixture");
    [first.ciphertext, second.ciphertext] = [second.ciphertext, first.ciphertext];
    await expect(buildRotationBatch(swapped)).rejects.toThrow(CryptoError);

    const rolledBack = vaultAt(1);
    const [revisionOne] = rolledBack.revisions;
    if (!revisionOne) throw new Error("fixture");
    rolledBack.revisions[1] = { ...revisionOne, revision: 2 };
    await expect(buildRotationBatch(rolledBack)).rejects.toThrow(CryptoError);
  });

  it("refuses an item under a key it was not written with", async () => {
    const input = vaultAt(1);
    const foreign = newVaultKey();
    input.items[0] = {
      id: "item_0",
      revision: 2,
      keyVersion: 3,
      ciphertext: encryptItem(foreign, plaintext("x"), {
        vaultId,
        itemId: "item_0",
        keyVersion: 3,
        revision: 2,
      }),
    };
    await expect(buildRotationBatch(input)).rejects.toThrow(CryptoError);
  });

  it("reports progress up to the total, yielding between chunks", async () => {
    const input = vaultAt(7); // 7 items + 14 revisions
    const seen: Array<[number, number]> = [];
    let macrotasks = 0;
    const ticker = setInterval(() => macrotasks++, 0);
    try {
      await buildRotationBatch(input, {
        yieldEvery: 5,
        onProgress: (done, total) => seen.push([done, total]),
      });
    } finally {
      clearInterval(ticker);
    }
    expect(seen[0]).toEqual([0, 21]);
    expect(seen.at(-1)).toEqual([21, 21]);
    expect(seen.map(([done]) => done)).toEqual([0, 5, 10, 15, 20, 21]);
    expect(macrotasks).toBeGreaterThan(0);

    const empty: Array<[number, number]> = [];
    await buildRotationBatch(vaultAt(0), {
      onProgress: (done, total) => empty.push([done, total]),
    });
    expect(empty.at(-1)).toEqual([0, 0]);
  });

  it("refuses a member who is both kept and removed", async () => {
    const input = vaultAt(1);
    input.removeUserIds = ["usr_member"];
    await expect(buildRotationBatch(input)).rejects.toThrow(/both remain and be removed/);
  });

  it("keeps the vault name readable only at the new version", async () => {
    const { newKey, batch } = await buildRotationBatch(vaultAt(0));
    expect(() => decryptVaultName(newKey, batch.encryptedName, vaultId, 3)).toThrow(CryptoError);
    expect(batch.encryptedName).not.toBe(
      encryptVaultName(oldKey, "Production secrets", vaultId, 3),
    );
  });
});
