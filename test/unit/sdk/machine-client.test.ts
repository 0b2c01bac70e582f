import { describe, expect, it } from "vitest";
import {
  encryptItem,
  encryptVaultName,
  fromBase64Url,
  generateUserKeys,
  newVaultKey,
  parseMachineToken,
  sealVaultKey,
  signServiceAccountGrant,
  toBase64Url,
  type ItemPlaintext,
} from "@/lib/crypto";
import type { MachineAccessResponse, ServiceAccountDetailResponse } from "@/lib/api/machine";
import { openMachineAccess } from "@/lib/sdk/machine-client";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
  type PersonKeys,
} from "@/lib/sdk/service-accounts";

const secret: ItemPlaintext = {
  type: "api_key",
  title: "Deploy key",
  fields: [{ name: "API_KEY", value: "sk_live_canary", secret: true, kind: "password" }],
  notes: "",
  urls: [],
  tags: [],
};

function person(): PersonKeys {
  const keys = generateUserKeys();
  return { userId: `user_${Math.random().toString(36).slice(2)}`, ...keys };
}

/** What a server would hold after a manager created an account, granted a vault and a token. */
function scenario() {
  const manager = person();
  const created = buildServiceAccount({
    person: manager,
    name: "ci",
    description: "",
    maxTokenTtlSeconds: 3600,
  });
  const detail: ServiceAccountDetailResponse = {
    serviceAccount: {
      id: created.id,
      name: created.name,
      description: "",
      status: "active",
      maxTokenTtlSeconds: 3600,
      flaggedAt: null,
      flagReason: null,
      vaultCount: 0,
      liveTokenCount: 0,
      createdAt: new Date().toISOString(),
      manages: true,
      ...created.keys,
      trustedGranters: created.trustedGranters,
      trustedGrantersRevision: 1,
    },
    sealedSaKey: created.managers[0]!.sealedSaKey,
    managers: [],
    grants: [],
  };
  const saKey = unsealServiceAccountKey(manager, detail);
  const vaultId = "vault_machine_test_1";
  const vaultKey = newVaultKey();
  const grant = buildServiceAccountGrant({
    person: manager,
    saKey,
    detail,
    accountBoxPublicKey: created.keys.boxPublicKey,
    vaultId,
    vaultKey,
    keyVersion: 1,
    scope: "read",
  });
  const { token, request } = buildMachineToken({ saKey, kind: "sa", ttlSeconds: 600 });
  const now = new Date().toISOString();
  const access: MachineAccessResponse = {
    serviceAccount: {
      id: created.id,
      name: created.name,
      boxPublicKey: created.keys.boxPublicKey,
      signPublicKey: created.keys.signPublicKey,
      wrappedBoxPrivateKey: created.keys.wrappedBoxPrivateKey,
      wrappedSignPrivateKey: created.keys.wrappedSignPrivateKey,
      trustedGranters: created.trustedGranters,
      trustedGrantersRevision: 1,
    },
    token: {
      id: request.id,
      serviceAccountId: created.id,
      kind: "sa",
      name: "",
      expiresAt: now,
      usesLeft: null,
      maxUses: null,
      allowedCidrs: [],
      vaultIds: [],
      readOnly: false,
      createdById: manager.userId,
      parentTokenId: null,
      createdAt: now,
      status: "active",
      lastUsedAt: null,
      lastUsedAddress: null,
      wrappedSaKey: request.wrappedSaKey,
    },
    vaults: [
      {
        id: vaultId,
        encryptedName: encryptVaultName(vaultKey, "Production", vaultId, 1),
        environment: "production",
        keyVersion: 1,
        scope: "read",
        grant: { vaultId, granterId: manager.userId, ...grant.grant },
        items: [
          {
            id: "item_machine_test_1",
            keyVersion: 1,
            revision: 1,
            ciphertext: encryptItem(vaultKey, secret, {
              vaultId,
              itemId: "item_machine_test_1",
              keyVersion: 1,
              revision: 1,
            }),
            createdAt: now,
            updatedAt: now,
          },
        ],
      },
    ],
  };
  return { manager, token, access, created };
}

describe("a machine holding only its token", () => {
  it("decrypts the vaults its grants cover", () => {
    const { token, access } = scenario();
    const opened = openMachineAccess(parseMachineToken(token), access);
    expect(opened.vaults[0]?.name).toBe("Production");
    expect(opened.vaults[0]?.items[0]?.plaintext).toEqual(secret);
  });

  it("cannot open the account's keys with another token", () => {
    const { access } = scenario();
    const other = scenario();
    expect(() => openMachineAccess(parseMachineToken(other.token), access)).toThrow("token key");
  });

  it("refuses a grant the server claims came from someone not on the trusted list", () => {
    const { token, access } = scenario();
    const vault = access.vaults[0]!;
    const tampered = {
      ...access,
      vaults: [{ ...vault, grant: { ...vault.grant, granterId: "user_the_server_made_up" } }],
    };
    expect(() => openMachineAccess(parseMachineToken(token), tampered)).toThrow(
      "untrusted granter",
    );
  });

  it("refuses a vault key the server sealed and signed itself, in a manager's name", () => {
    const { token, access, manager } = scenario();
    const impostor = generateUserKeys().signKeyPair;
    const vault = access.vaults[0]!;
    const forgedGrant = {
      vaultId: vault.id,
      serviceAccountId: access.serviceAccount.id,
      keyVersion: 1,
      scope: "readwrite" as const,
      boxPublicKey: access.serviceAccount.boxPublicKey,
      sealedKey: sealVaultKey(newVaultKey(), fromBase64Url(access.serviceAccount.boxPublicKey)),
    };
    const forged = {
      ...access,
      vaults: [
        {
          ...vault,
          grant: {
            vaultId: vault.id,
            granterId: manager.userId,
            keyVersion: 1,
            scope: forgedGrant.scope,
            boxPublicKey: forgedGrant.boxPublicKey,
            sealedKey: forgedGrant.sealedKey,
            signature: signServiceAccountGrant(impostor.privateKey, forgedGrant),
          },
        },
      ],
    };
    expect(() => openMachineAccess(parseMachineToken(token), forged)).toThrow("grant signature");
  });

  it("ignores a swapped public key in the response: grants must match its own private key", () => {
    const { token, access } = scenario();
    const swapped = {
      ...access,
      serviceAccount: {
        ...access.serviceAccount,
        boxPublicKey: toBase64Url(generateUserKeys().boxKeyPair.publicKey),
      },
    };
    // Still opens: the machine derives its public key from its private key and never trusts
    // the listed one, so the swap changes nothing.
    const opened = openMachineAccess(parseMachineToken(token), swapped);
    expect(opened.vaults[0]?.items[0]?.plaintext).toEqual(secret);
  });
});
