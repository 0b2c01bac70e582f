// The browser's side of the vault protocol, in Node, for integration tests: the same lib/crypto
// calls the vault UI makes, over the real HTTP API. It keeps what a browser keeps — the keys it
// opened, the signers it trusts, a RevisionGuard — so tests can play an honest client against a
// real server, or hand it doctored responses to play a malicious one.
import type { PersonKeys } from "../../lib/sdk/service-accounts";
import {
  acceptGrant,
  buildRotationBatch,
  changedSecretFields,
  decryptItem,
  decryptVaultName,
  encryptItem,
  encryptVaultName,
  fromBase64Url,
  getSodium,
  newVaultKey,
  RevisionGuard,
  sealVaultKey,
  signGrant,
  toBase64Url,
  unwrapPrivateKey,
  unwrapUserKey,
  verifyBundle,
  type Grant,
  type ItemPlaintext,
  type KeyPair,
  type RotationBatch,
  type VaultRole,
} from "../../lib/crypto";
import type {
  GrantInput,
  ItemDto,
  PublicBundleDto,
  VaultDetailResponse,
  VaultEnvironmentDto,
} from "../../lib/api/vault";
import { inviteMember, ownerSecrets } from "./flows";
import type { TestServer } from "./global-servers";
import { ApiClient, type AccountSecrets } from "./protocol-client";

export class ApiStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
    this.name = "ApiStatusError";
  }
}

function expectStatus(
  response: { status: number; body: unknown },
  expected: number,
  what: string,
): void {
  if (response.status !== expected) throw new ApiStatusError(response.status, response.body, what);
}

/** A random client-chosen id, as the browser makes for vaults and items. */
export function randomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export function samplePlaintext(title: string, secret = `pw-${randomId()}`): ItemPlaintext {
  return {
    type: "login",
    title,
    fields: [
      { name: "username", value: "deploy", secret: false, kind: "username" },
      { name: "password", value: secret, secret: true, kind: "password" },
    ],
    notes: `notes for ${title}`,
    urls: ["https://example.test"],
    tags: ["test"],
  };
}

export interface OpenedItem {
  id: string;
  revision: number;
  keyVersion: number;
  plaintext: ItemPlaintext;
}

export interface OpenedVault {
  detail: VaultDetailResponse;
  name: string;
  keyVersion: number;
  key: Uint8Array;
  items: OpenedItem[];
}

export class VaultClient {
  /** Sign keys (base64url) whose grants this client accepts: pinned after a fingerprint check. */
  readonly trustedSigners = new Set<string>();
  readonly guard = new RevisionGuard();
  /** Every vault key this client has held, by vault and version: what it could still use. */
  readonly keys = new Map<string, Map<number, Uint8Array>>();

  private constructor(
    /** What the person typed and kept, so a test can sign the same person in again. */
    readonly credentials: AccountSecrets,
    readonly api: ApiClient,
    readonly userId: string,
    readonly email: string,
    readonly signPublicKey: string,
    readonly signPrivateKey: Uint8Array,
    readonly boxKeyPair: KeyPair,
  ) {
    this.trustedSigners.add(signPublicKey);
  }

  /** Signs in and unlocks the account's private keys, as the browser's keyring does. */
  static async signIn(baseUrl: string, secrets: AccountSecrets): Promise<VaultClient> {
    await getSodium();
    const api = new ApiClient(baseUrl);
    const signedIn = await api.signIn(secrets);
    if (!signedIn.signedIn) {
      throw new Error(`sign-in as ${secrets.email} failed (HTTP ${signedIn.status})`);
    }
    const response = await api.request("/api/v1/account/keys");
    expectStatus(response, 200, "account keys");
    const keys = response.body as {
      userId: string;
      email: string;
      wrappedUserKey: string;
      wrappedBoxPrivateKey: string;
      wrappedSignPrivateKey: string;
      boxPublicKey: string;
      signPublicKey: string;
    };
    const userKey = unwrapUserKey(signedIn.accountUnlockKey, keys.wrappedUserKey, keys.userId);
    return new VaultClient(
      secrets,
      api,
      keys.userId,
      keys.email,
      keys.signPublicKey,
      unwrapPrivateKey(userKey, keys.wrappedSignPrivateKey, keys.userId, "sign"),
      {
        publicKey: fromBase64Url(keys.boxPublicKey),
        privateKey: unwrapPrivateKey(userKey, keys.wrappedBoxPrivateKey, keys.userId, "box"),
      },
    );
  }

  /** The unlocked keys in the shape lib/sdk takes, for service-account flows. */
  personKeys(): PersonKeys {
    return {
      userId: this.userId,
      boxKeyPair: this.boxKeyPair,
      signKeyPair: {
        publicKey: fromBase64Url(this.signPublicKey),
        privateKey: this.signPrivateKey,
      },
    };
  }

  rememberKey(vaultId: string, keyVersion: number, key: Uint8Array) {
    const versions = this.keys.get(vaultId) ?? new Map<number, Uint8Array>();
    versions.set(keyVersion, key);
    this.keys.set(vaultId, versions);
  }

  keyFor(vaultId: string, keyVersion: number): Uint8Array {
    const key = this.keys.get(vaultId)?.get(keyVersion);
    if (!key) throw new Error(`no key for vault ${vaultId} at version ${keyVersion}`);
    return key;
  }

  /** The person's bundle from the directory, after checking its self-signature. */
  async bundleOf(userId: string): Promise<PublicBundleDto> {
    const response = await this.api.request("/api/v1/directory");
    expectStatus(response, 200, "directory");
    const bundle = (response.body as { users: PublicBundleDto[] }).users.find(
      (user) => user.userId === userId,
    );
    if (!bundle) throw new Error(`${userId} is not in the directory`);
    if (!verifyBundle(bundle, bundle.bundleSignature)) {
      throw new Error(`the bundle of ${userId} does not verify`);
    }
    return bundle;
  }

  /** Pins a person's sign key, standing in for the fingerprint comparison a person makes. */
  async trust(userId: string): Promise<void> {
    this.trustedSigners.add((await this.bundleOf(userId)).signPublicKey);
  }

  async createVault(name: string, environment: VaultEnvironmentDto | null = null) {
    const vaultId = randomId();
    const key = newVaultKey();
    const grant = this.signedGrant(vaultId, key, 1, {
      userId: this.userId,
      role: "manage",
      boxPublicKey: toBase64Url(this.boxKeyPair.publicKey),
    });
    const response = await this.api.request("/api/v1/vaults", {
      json: {
        id: vaultId,
        encryptedName: encryptVaultName(key, name, vaultId, 1),
        environment,
        grant,
      },
    });
    expectStatus(response, 201, "create vault");
    this.rememberKey(vaultId, 1, key);
    return { vaultId, keyVersion: 1, key };
  }

  /** A grant of `key` to a member, sealed to their box key and signed by this client. */
  signedGrant(
    vaultId: string,
    key: Uint8Array,
    keyVersion: number,
    member: { userId: string; role: VaultRole; boxPublicKey: string },
  ): GrantInput {
    const grant: Grant = {
      vaultId,
      userId: member.userId,
      keyVersion,
      role: member.role,
      memberBoxPublicKey: member.boxPublicKey,
      sealedKey: sealVaultKey(key, fromBase64Url(member.boxPublicKey)),
    };
    return {
      keyVersion,
      role: grant.role,
      memberBoxPublicKey: grant.memberBoxPublicKey,
      sealedKey: grant.sealedKey,
      signature: signGrant(this.signPrivateKey, grant),
    };
  }

  /** Shares the vault at its current key version; returns the raw answer (201 expected). */
  async shareWith(vaultId: string, userId: string, role: VaultRole) {
    const opened = await this.openVault(vaultId);
    const bundle = await this.bundleOf(userId);
    const grant = this.signedGrant(vaultId, opened.key, opened.keyVersion, {
      userId,
      role,
      boxPublicKey: bundle.boxPublicKey,
    });
    return this.api.request(`/api/v1/vaults/${vaultId}/members`, { json: { userId, grant } });
  }

  /** A role change is a re-signed grant at the current version. */
  async changeRole(vaultId: string, userId: string, role: VaultRole) {
    const opened = await this.openVault(vaultId);
    const bundle = await this.bundleOf(userId);
    const grant = this.signedGrant(vaultId, opened.key, opened.keyVersion, {
      userId,
      role,
      boxPublicKey: bundle.boxPublicKey,
    });
    return this.api.request(`/api/v1/vaults/${vaultId}/members/${userId}`, {
      method: "PUT",
      json: { grant },
    });
  }

  async detail(vaultId: string): Promise<VaultDetailResponse> {
    const response = await this.api.request(`/api/v1/vaults/${vaultId}`);
    expectStatus(response, 200, "vault detail");
    return response.body as VaultDetailResponse;
  }

  /**
   * The vault key at the detail's version, from this member's grant: accepted only when the
   * granter's bundle verifies and its sign key is one this client trusts (acceptGrant throws
   * otherwise).
   */
  openGrant(detail: VaultDetailResponse): Uint8Array {
    const grant = detail.vault.grant;
    if (!grant) throw new Error(`no grant for ${this.userId} in vault ${detail.vault.id}`);
    const granter = grant.granter;
    const trusted =
      verifyBundle(granter, granter.bundleSignature) &&
      this.trustedSigners.has(granter.signPublicKey);
    const key = acceptGrant({
      grant: {
        vaultId: grant.vaultId,
        userId: grant.userId,
        keyVersion: grant.keyVersion,
        role: grant.role,
        memberBoxPublicKey: grant.memberBoxPublicKey,
        sealedKey: grant.sealedKey,
      },
      signature: grant.signature,
      granterSignPublicKey: fromBase64Url(granter.signPublicKey),
      trusted,
      boxKeyPair: this.boxKeyPair,
      expectedUserId: this.userId,
    });
    if (grant.keyVersion !== detail.vault.keyVersion || grant.vaultId !== detail.vault.id) {
      throw new Error("the grant is not for this vault's current key version");
    }
    this.rememberKey(detail.vault.id, grant.keyVersion, key);
    return key;
  }

  /** Decrypts one item DTO and records its revision; throws CryptoError on any mismatch. */
  decryptItemDto(vaultId: string, key: Uint8Array, item: ItemDto): OpenedItem {
    const plaintext = decryptItem(key, item.ciphertext, {
      vaultId,
      itemId: item.id,
      keyVersion: item.keyVersion,
      revision: item.revision,
    });
    this.guard.check(item.id, item.revision);
    return { id: item.id, revision: item.revision, keyVersion: item.keyVersion, plaintext };
  }

  /** Opens a fetched (or doctored) detail: grant, name, every item. */
  openDetail(detail: VaultDetailResponse): OpenedVault {
    const key = this.openGrant(detail);
    const vaultId = detail.vault.id;
    return {
      detail,
      key,
      keyVersion: detail.vault.keyVersion,
      name: decryptVaultName(key, detail.vault.encryptedName, vaultId, detail.vault.keyVersion),
      items: detail.items.map((item) => this.decryptItemDto(vaultId, key, item)),
    };
  }

  async openVault(vaultId: string): Promise<OpenedVault> {
    return this.openDetail(await this.detail(vaultId));
  }

  async addItem(vaultId: string, plaintext: ItemPlaintext) {
    const { keyVersion, key } = await this.current(vaultId);
    const itemId = randomId();
    const ciphertext = encryptItem(key, plaintext, { vaultId, itemId, keyVersion, revision: 1 });
    const response = await this.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: { id: itemId, keyVersion, ciphertext },
    });
    expectStatus(response, 201, "create item");
    this.guard.check(itemId, 1);
    return { itemId, revision: 1, keyVersion, ciphertext };
  }

  /**
   * Saves a new revision on top of `base` (what the editor started from); the raw answer is
   * returned so tests can see a 409. By default the key and version are the vault's current.
   */
  async updateItem(
    vaultId: string,
    base: OpenedItem,
    next: ItemPlaintext,
    options: { keyVersion?: number; key?: Uint8Array } = {},
  ) {
    const current = options.key ? null : await this.current(vaultId);
    const keyVersion = options.keyVersion ?? current?.keyVersion ?? base.keyVersion;
    const key = options.key ?? current?.key ?? this.keyFor(vaultId, keyVersion);
    const revision = base.revision + 1;
    const ciphertext = encryptItem(key, next, { vaultId, itemId: base.id, keyVersion, revision });
    return this.api.request(`/api/v1/vaults/${vaultId}/items/${base.id}`, {
      method: "PUT",
      json: {
        keyVersion,
        baseRevision: base.revision,
        ciphertext,
        changedSecretFields: changedSecretFields(base.plaintext, next).length,
      },
    });
  }

  /** The vault's current key version and key, from this member's grant. */
  async current(vaultId: string) {
    const detail = await this.detail(vaultId);
    return { keyVersion: detail.vault.keyVersion, key: this.openGrant(detail), detail };
  }

  /**
   * Everything a rotation needs, from fresh data: the current key from our grant, every item
   * and stored revision, and the remaining members' verified bundles.
   */
  async prepareRotation(
    vaultId: string,
    removeUserIds: string[],
  ): Promise<{ newKey: Uint8Array; batch: RotationBatch; keyVersion: number }> {
    const opened = await this.openVault(vaultId);
    const history = await this.api.request(`/api/v1/vaults/${vaultId}/revisions`);
    expectStatus(history, 200, "vault revisions");
    const revisions = (
      history.body as {
        revisions: Array<{
          itemId: string;
          revision: number;
          keyVersion: number;
          ciphertext: string;
        }>;
      }
    ).revisions;
    const removed = new Set(removeUserIds);
    const remainingMembers = opened.detail.members
      .filter((member) => !removed.has(member.userId))
      .map((member) => {
        if (!verifyBundle(member, member.bundleSignature)) {
          throw new Error(`the bundle of ${member.userId} does not verify`);
        }
        return { userId: member.userId, role: member.role, boxPublicKey: member.boxPublicKey };
      });
    const { newKey, batch } = await buildRotationBatch({
      vaultId,
      currentKeyVersion: opened.keyVersion,
      currentKey: opened.key,
      vaultName: opened.name,
      items: opened.detail.items,
      revisions,
      remainingMembers,
      removeUserIds,
      granterSignPrivateKey: this.signPrivateKey,
    });
    this.rememberKey(vaultId, opened.keyVersion + 1, newKey);
    return { newKey, batch, keyVersion: opened.keyVersion + 1 };
  }

  submitRotation(vaultId: string, batch: RotationBatch) {
    return this.api.request(`/api/v1/vaults/${vaultId}/rotate`, { json: batch });
  }

  /** Rotates the vault key, removing `removeUserIds`; on 409 rebuilds from fresh data once. */
  async rotate(vaultId: string, removeUserIds: string[] = []) {
    let attempt = await this.prepareRotation(vaultId, removeUserIds);
    let response = await this.submitRotation(vaultId, attempt.batch);
    if (response.status === 409) {
      attempt = await this.prepareRotation(vaultId, removeUserIds);
      response = await this.submitRotation(vaultId, attempt.batch);
    }
    return { response, ...attempt };
  }
}

/** The global server's owner, signed in with keys unlocked. */
export function ownerVaultClient(server: TestServer): Promise<VaultClient> {
  return VaultClient.signIn(server.url, ownerSecrets(server));
}

/**
 * A new person invited by `admin` and signed up through the protocol, signed in with keys
 * unlocked. They trust nobody yet: tests call `trust()` for the granters they pin.
 */
export async function invitedVaultClient(
  server: { url: string },
  admin: VaultClient,
  options: { label?: string; role?: "admin" | "member" } = {},
): Promise<VaultClient> {
  const made = await inviteMember(admin.api, options);
  return VaultClient.signIn(server.url, made.secrets);
}
