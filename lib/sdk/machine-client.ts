import {
  acceptServiceAccountGrant,
  bearerCredential,
  decryptItem,
  decryptTrustedGranters,
  decryptVaultName,
  formatMachineToken,
  machineTokenId,
  authSecretHash,
  newMachineToken,
  parseMachineToken,
  requireSodium,
  unwrapSaKeyForToken,
  unwrapServiceAccountPrivateKey,
  wrapSaKeyForToken,
  type ItemPlaintext,
  type KeyPair,
  type MachineToken,
} from "@/lib/crypto";
import type { MachineAccessResponse, MachineTokenDto } from "@/lib/api/machine";
// The machine routes alone: a program that only reads never builds the people routes' schemas.
import { machineRoutes as routes } from "@/lib/api/routes/machines";
import { call } from "./call";
import { SdkError, type HttpPort } from "./http-port";

export interface MachineSecrets {
  serviceAccount: { id: string; name: string };
  token: MachineTokenDto;
  vaults: Array<{
    id: string;
    name: string;
    environment: string | null;
    scope: "read" | "readwrite";
    keyVersion: number;
    items: Array<{ id: string; revision: number; plaintext: ItemPlaintext }>;
  }>;
}

/**
 * A program holding only a service-account token: it reads what the token covers and decrypts
 * it locally. The server sees the bearer credential (never the tokenKey) and hands over
 * ciphertext and wrapped keys; every key is unwrapped here, and a vault key is accepted only
 * from a granter the account's managers pinned.
 */
export class MachineClient {
  private readonly token: MachineToken;

  constructor(
    private readonly http: HttpPort,
    tokenText: string,
  ) {
    this.token = parseMachineToken(tokenText);
  }

  private authorization() {
    return { authorization: `Bearer ${bearerCredential(this.token)}` };
  }

  /** One request (one use of the token), then everything is decrypted locally. */
  async readAll(): Promise<MachineSecrets> {
    const access = await call(this.http, routes.machineAccess, { headers: this.authorization() });
    return openMachineAccess(this.token, access);
  }

  /**
   * The scheduler → container exchange: a fresh tokenKey and auth secret made here, the saKey
   * re-wrapped under the new tokenKey, and the bootstrap traded for it in one atomic step. The
   * bootstrap's holder (the scheduler) never learns the new token.
   */
  async exchangeBootstrap(ttlSeconds: number): Promise<{ token: string; dto: MachineTokenDto }> {
    if (this.token.kind !== "bt") throw new SdkError("usage", "This is not a bootstrap token.");
    const saKey = await this.ownSaKey();
    const next = newMachineToken("sa");
    const dto = await call(this.http, routes.exchangeBootstrap, {
      headers: this.authorization(),
      body: {
        id: machineTokenId(next),
        authSecretHash: authSecretHash(next.authSecret),
        wrappedSaKey: wrapSaKeyForToken(next, saKey),
        ttlSeconds,
      },
    });
    return { token: formatMachineToken(next), dto };
  }

  /** With a minting token: a one-use bootstrap token for a new container. */
  async mintBootstrap(ttlSeconds: number): Promise<{ token: string; dto: MachineTokenDto }> {
    if (this.token.kind !== "mt") throw new SdkError("usage", "This is not a minting token.");
    const saKey = await this.ownSaKey();
    const bootstrap = newMachineToken("bt");
    const dto = await call(this.http, routes.mintBootstrap, {
      headers: this.authorization(),
      body: {
        id: machineTokenId(bootstrap),
        authSecretHash: authSecretHash(bootstrap.authSecret),
        wrappedSaKey: wrapSaKeyForToken(bootstrap, saKey),
        ttlSeconds,
      },
    });
    return { token: formatMachineToken(bootstrap), dto };
  }

  /** The token's own copy of saKey (no secret ciphertext: minting and bootstrap tokens too). */
  private async ownSaKey(): Promise<Uint8Array> {
    const own = await call(this.http, routes.machineToken, { headers: this.authorization() });
    return unwrapSaKeyForToken(this.token, own.wrappedSaKey);
  }
}

/** Pure: the decryption half of readAll, for callers that fetched the access themselves. */
export function openMachineAccess(
  token: MachineToken,
  access: MachineAccessResponse,
): MachineSecrets {
  const sodium = requireSodium();
  const account = access.serviceAccount;
  const saKey = unwrapSaKeyForToken(token, access.token.wrappedSaKey);
  const boxPrivateKey = unwrapServiceAccountPrivateKey(
    saKey,
    account.wrappedBoxPrivateKey,
    account.id,
    "box",
  );
  // The public half is derived from the private key, never taken from the response: a server
  // that swapped the listed public key would otherwise steer which grants look addressed to us.
  const boxKeyPair: KeyPair = {
    publicKey: sodium.crypto_scalarmult_base(boxPrivateKey),
    privateKey: boxPrivateKey,
  };
  const trustedGranters = decryptTrustedGranters(
    saKey,
    account.trustedGranters,
    account.id,
    account.trustedGrantersRevision,
  );
  return {
    serviceAccount: { id: account.id, name: account.name },
    token: access.token,
    vaults: access.vaults.map((vault) => {
      const vaultKey = acceptServiceAccountGrant({
        grant: {
          vaultId: vault.id,
          serviceAccountId: account.id,
          keyVersion: vault.keyVersion,
          scope: vault.grant.scope,
          boxPublicKey: vault.grant.boxPublicKey,
          sealedKey: vault.grant.sealedKey,
        },
        signature: vault.grant.signature,
        granterId: vault.grant.granterId,
        trustedGranters,
        serviceAccountId: account.id,
        boxKeyPair,
      });
      return {
        id: vault.id,
        name: decryptVaultName(vaultKey, vault.encryptedName, vault.id, vault.keyVersion),
        environment: vault.environment,
        scope: vault.grant.scope,
        keyVersion: vault.keyVersion,
        items: vault.items.map((item) => ({
          id: item.id,
          revision: item.revision,
          plaintext: decryptItem(vaultKey, item.ciphertext, {
            vaultId: vault.id,
            itemId: item.id,
            keyVersion: item.keyVersion,
            revision: item.revision,
          }),
        })),
      };
    }),
  };
}
