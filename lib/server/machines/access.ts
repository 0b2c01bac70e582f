import "server-only";
import type { MachineAccessResponse } from "@/lib/api/machine";
import { forbidden, notFound } from "../errors";
import { findMachineGrant, loadMachineVaults } from "../data/machine-vaults";
import type { MachinePrincipal } from "./authenticate-token";
import { machineTokenToDto } from "./tokens";

/**
 * DO NOT RELAX: only a session token reads. A minting token exists to make bootstrap tokens
 * and a bootstrap token to be exchanged; neither is ever handed ciphertext, so intercepting one
 * in transit to a scheduler or a container yields nothing to decrypt offline.
 */
export function requireReadingToken(principal: MachinePrincipal) {
  if (principal.tokenKind === "mt") {
    throw forbidden("A minting token can only create bootstrap tokens; it reads nothing.");
  }
  if (principal.tokenKind === "bt") {
    throw forbidden("Exchange this bootstrap token for a session token first.");
  }
}

/**
 * Everything a reading token covers, as the JSON text of `MachineAccessResponse`. Each vault's
 * items arrive as JSON the database wrote and go out as they came, spliced in after the vault's
 * other fields: parsing them only to write them again was most of the work of a large read.
 */
export async function machineAccessJson(principal: MachinePrincipal): Promise<string> {
  requireReadingToken(principal);
  const { token } = principal;
  const vaults = await loadMachineVaults(principal);
  const account = token.serviceAccount;
  const shell: Omit<MachineAccessResponse, "vaults"> = {
    serviceAccount: {
      id: account.id,
      name: account.name,
      boxPublicKey: account.boxPublicKey,
      signPublicKey: account.signPublicKey,
      wrappedBoxPrivateKey: account.wrappedBoxPrivateKey,
      wrappedSignPrivateKey: account.wrappedSignPrivateKey,
      trustedGranters: account.trustedGranters,
      trustedGrantersRevision: account.trustedGrantersRevision,
    },
    // As it is after the use this request took.
    token: { ...machineTokenToDto(token), wrappedSaKey: token.wrappedSaKey },
  };
  const vaultsJson = vaults.map((vault) => {
    const fields: Omit<MachineAccessResponse["vaults"][number], "items"> = {
      id: vault.id,
      encryptedName: vault.encryptedName,
      environment: vault.environment,
      keyVersion: vault.keyVersion,
      scope: vault.scope,
      grant: {
        vaultId: vault.id,
        keyVersion: vault.keyVersion,
        scope: vault.scope,
        boxPublicKey: vault.boxPublicKey,
        sealedKey: vault.sealedKey,
        signature: vault.signature,
        granterId: vault.granterId,
      },
    };
    return `${JSON.stringify(fields).slice(0, -1)},"items":${vault.itemsJson}}`;
  });
  return `${JSON.stringify(shell).slice(0, -1)},"vaults":[${vaultsJson.join(",")}]}`;
}

/**
 * A machine writes to a vault only when its token is not read-only, its scope covers the
 * vault, and the account's live grant there is read-write. Out of scope reads as absent.
 */
export async function requireMachineWrite(principal: MachinePrincipal, vaultId: string) {
  requireReadingToken(principal);
  if (principal.vaultIds.length && !principal.vaultIds.includes(vaultId)) {
    throw notFound("No such vault.");
  }
  const grant = await findMachineGrant(principal.serviceAccountId, vaultId);
  if (!grant) throw notFound("No such vault.");
  if (principal.readOnly) throw forbidden("This token is read-only.");
  if (grant.scope !== "readwrite") {
    throw forbidden("This service account may only read this vault.");
  }
  return grant;
}
