// The browser's side of the vault protocol, in Node, for integration tests and benchmarks: the
// SDK's vault code (lib/sdk/vaults) over the real HTTP API, with Node adapters — this client's
// cookie jar as transport, an in-memory KeyValueStore as the device. It keeps what a browser
// keeps — pinned contacts, revision and key-version high-water marks — so tests can play an
// honest client against a real server, or hand it doctored responses to play a malicious one.
import type { PersonKeys } from "../../lib/sdk/service-accounts";
import { memoryKeyValueStore } from "../../lib/sdk/key-value-store";
import {
  acceptVault,
  buildGrant,
  createVault,
  grantAfterComparison,
  itemUpdateRequest,
  newItemRequest,
  openItem,
  prepareRotation,
  rememberRevision,
  roleChangeGrant,
  VaultSession,
  type FirstSeenKeys,
} from "../../lib/sdk/vaults";
import {
  fromBase64Url,
  getSodium,
  toBase64Url,
  unwrapPrivateKey,
  unwrapUserKey,
  verifyBundle,
  type ItemPlaintext,
  type KeyPair,
  type RevisionGuard,
  type VaultRole,
} from "../../lib/crypto";
import type {
  GrantInput,
  ItemDto,
  PublicBundleDto,
  RotateVaultInput,
  VaultDetailResponse,
  VaultEnvironmentDto,
} from "../../lib/api/vault";
import { inviteMember, ownerSecrets } from "./flows";
import type { TestServer } from "./global-servers";
import { ApiClient, cookieJarHttpPort, type AccountSecrets } from "./protocol-client";

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

export interface VaultClientOptions {
  /**
   * What this client does with a granter or member it has never pinned: "pin" trusts it on
   * first use, as the browser does (the default); "refuse" accepts only people `trust()`ed.
   */
  firstSeen?: FirstSeenKeys;
}

export class VaultClient {
  /** The SDK's vault state for this person on this "device". */
  readonly session: VaultSession;
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
    userKey: Uint8Array,
    options: VaultClientOptions,
  ) {
    this.session = new VaultSession(
      { userId, userKey, boxKeyPair, signKeyPair: this.signKeyPair() },
      { http: cookieJarHttpPort(api), store: memoryKeyValueStore() },
      options,
    );
  }

  /** Signs in and unlocks the account's private keys, as the browser's keyring does. */
  static async signIn(
    baseUrl: string,
    secrets: AccountSecrets,
    options: VaultClientOptions = {},
  ): Promise<VaultClient> {
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
      userKey,
      options,
    );
  }

  private signKeyPair(): KeyPair {
    return { publicKey: fromBase64Url(this.signPublicKey), privateKey: this.signPrivateKey };
  }

  /** The unlocked keys in the shape lib/sdk takes, for service-account flows. */
  personKeys(): PersonKeys {
    return { userId: this.userId, boxKeyPair: this.boxKeyPair, signKeyPair: this.signKeyPair() };
  }

  /** The highest revision this client has seen per item (what refuses a rollback). */
  revisionGuard(): Promise<RevisionGuard> {
    return this.session.revisions.items();
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
    const { users } = await this.session.api.directory();
    const bundle = users.find((user) => user.userId === userId);
    if (!bundle) throw new Error(`${userId} is not in the directory`);
    if (!verifyBundle(bundle, bundle.bundleSignature)) {
      throw new Error(`the bundle of ${userId} does not verify`);
    }
    return bundle;
  }

  /**
   * Pins a person's keys as confirmed in this person's encrypted contacts, standing in for the
   * fingerprint comparison a person makes.
   */
  async trust(userId: string): Promise<void> {
    await this.session.contacts.pin([await this.bundleOf(userId)], true);
  }

  async createVault(name: string, environment: VaultEnvironmentDto | null = null) {
    const created = await createVault(this.session, name, environment);
    this.rememberKey(created.vaultId, 1, created.key);
    return created;
  }

  /** A grant of `key` to a member, sealed to the box key given and signed by this client. */
  signedGrant(
    vaultId: string,
    key: Uint8Array,
    keyVersion: number,
    member: { userId: string; role: VaultRole; boxPublicKey: string },
  ): GrantInput {
    return buildGrant({
      person: this.personKeys(),
      vaultId,
      userId: member.userId,
      keyVersion,
      role: member.role,
      vaultKey: key,
      memberBoxPublicKey: member.boxPublicKey,
    });
  }

  /**
   * Shares the vault at its current key version, as the share dialog does after the
   * fingerprint comparison: the recipient's keys are pinned confirmed and the key sealed to the
   * pin. Returns the raw answer (201 expected).
   */
  async shareWith(vaultId: string, userId: string, role: VaultRole) {
    const opened = await this.openVault(vaultId);
    const grant = await grantAfterComparison(this.session, {
      vaultId,
      vaultKey: opened.key,
      keyVersion: opened.keyVersion,
      bundle: await this.bundleOf(userId),
      role,
    });
    return this.api.request(`/api/v1/vaults/${vaultId}/members`, { json: { userId, grant } });
  }

  /** A role change is a re-signed grant at the current version, sealed to the member's pin. */
  async changeRole(vaultId: string, userId: string, role: VaultRole) {
    const opened = await this.openVault(vaultId);
    const member = opened.detail.members.find((person) => person.userId === userId);
    if (!member) throw new Error(`${userId} is not a member of ${vaultId}`);
    const grant = await roleChangeGrant(this.session, {
      vaultId,
      vaultKey: opened.key,
      keyVersion: opened.keyVersion,
      member,
      role,
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
   * The vault key at the detail's version, from this member's grant, by the SDK's rules: the
   * granter must be pinned (or, if this client allows it, first seen) with unchanged keys, the
   * signature must verify, and the key version must not be older than one seen. Throws
   * VaultAccessError or CryptoError otherwise.
   */
  async openGrant(detail: VaultDetailResponse): Promise<Uint8Array> {
    const { key } = await acceptVault(this.session, detail.vault);
    this.rememberKey(detail.vault.id, detail.vault.keyVersion, key);
    return key;
  }

  /** Decrypts one item DTO and records its revision; throws CryptoError on any mismatch. */
  async decryptItemDto(vaultId: string, key: Uint8Array, item: ItemDto): Promise<OpenedItem> {
    const plaintext = openItem(await this.revisionGuard(), vaultId, key, item);
    await this.session.revisions.save();
    return { id: item.id, revision: item.revision, keyVersion: item.keyVersion, plaintext };
  }

  /** Opens a fetched (or doctored) detail: grant, name, every item. */
  async openDetail(detail: VaultDetailResponse): Promise<OpenedVault> {
    const { key, name } = await acceptVault(this.session, detail.vault);
    const vaultId = detail.vault.id;
    this.rememberKey(vaultId, detail.vault.keyVersion, key);
    const guard = await this.revisionGuard();
    const items = detail.items.map((item) => ({
      id: item.id,
      revision: item.revision,
      keyVersion: item.keyVersion,
      plaintext: openItem(guard, vaultId, key, item),
    }));
    await this.session.revisions.save();
    return { detail, key, keyVersion: detail.vault.keyVersion, name, items };
  }

  async openVault(vaultId: string): Promise<OpenedVault> {
    return this.openDetail(await this.detail(vaultId));
  }

  async addItem(vaultId: string, plaintext: ItemPlaintext) {
    const { keyVersion, key } = await this.current(vaultId);
    const request = newItemRequest({ vaultId, key, keyVersion }, plaintext);
    const response = await this.api.request(`/api/v1/vaults/${vaultId}/items`, { json: request });
    expectStatus(response, 201, "create item");
    await rememberRevision(this.session, request.id, 1);
    return { itemId: request.id, revision: 1, keyVersion, ciphertext: request.ciphertext };
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
    return this.api.request(`/api/v1/vaults/${vaultId}/items/${base.id}`, {
      method: "PUT",
      json: itemUpdateRequest({ vaultId, key, keyVersion }, base, next),
    });
  }

  /** The vault's current key version and key, from this member's grant. */
  async current(vaultId: string) {
    const detail = await this.detail(vaultId);
    return { keyVersion: detail.vault.keyVersion, key: await this.openGrant(detail), detail };
  }

  /**
   * One rotation attempt from fresh data, by the SDK: every item and stored revision
   * re-encrypted, the new key sealed to every remaining member and service account as this
   * person pinned them.
   */
  async prepareRotation(
    vaultId: string,
    removeUserIds: string[],
    removeServiceAccountIds: string[] = [],
  ): Promise<{ newKey: Uint8Array; batch: RotateVaultInput; keyVersion: number }> {
    const prepared = await prepareRotation(this.session, {
      vaultId,
      removeUserIds,
      removeServiceAccountIds,
    });
    this.rememberKey(vaultId, prepared.keyVersion, prepared.newKey);
    return prepared;
  }

  submitRotation(vaultId: string, batch: RotateVaultInput) {
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
 * unlocked. They have pinned nobody yet: tests call `trust()` for the granters they compare,
 * and anyone else is pinned on first use unless `firstSeen` is "refuse".
 */
export async function invitedVaultClient(
  server: { url: string },
  admin: VaultClient,
  options: { label?: string; role?: "admin" | "member" } & VaultClientOptions = {},
): Promise<VaultClient> {
  const { firstSeen, ...invite } = options;
  const made = await inviteMember(admin.api, invite);
  return VaultClient.signIn(server.url, made.secrets, { firstSeen });
}
