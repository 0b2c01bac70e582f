import "server-only";
import { fromBase64Url, getSodium, verifyGrant, verifyServiceAccountGrant } from "@/lib/crypto";
import type { GrantInput } from "@/lib/api/vault";
import type { MachineGrantInput } from "@/lib/api/machine-grant";
import { badRequest } from "../errors";
import { findGrantKeys } from "../data/vaults";

export interface GrantToVerify {
  /** Where the grant sits in the request ("grant", "grants.3"): the error names it. */
  field: string;
  vaultId: string;
  userId: string;
  grant: GrantInput;
}

/**
 * DO NOT REMOVE: every grant the server stores names the session user as its granter, so it
 * must carry that user's signature over exactly what is stored — vault, recipient, key version,
 * role, box key and sealed copy, composed from the request by the same lib/crypto function
 * clients verify with. Clients refuse a forged grant on their own; this check makes sure a
 * forgery (or a role or version edited after signing) is never stored for them to meet, and a
 * recipient is never handed a copy sealed to a box key that is not theirs.
 *
 * The caller has already decided that the granter may grant (creator of a new vault, manager of
 * an existing one). One query loads every key involved, however many grants a rotation carries.
 * A recipient with no account is left to the caller, which refuses it in its own terms.
 */
export async function requireGrantsSignedBy(
  granterId: string,
  grants: GrantToVerify[],
): Promise<void> {
  await getSodium();
  const people = await findGrantKeys([granterId, ...grants.map((entry) => entry.userId)]);
  const byId = new Map(people.map((person) => [person.id, person]));
  const granterKey = signKeyOf(byId.get(granterId)?.signPublicKey);
  for (const { field, vaultId, userId, grant } of grants) {
    const signed = {
      vaultId,
      userId,
      keyVersion: grant.keyVersion,
      role: grant.role,
      memberBoxPublicKey: grant.memberBoxPublicKey,
      sealedKey: grant.sealedKey,
    };
    if (!granterKey || !verifyGrant(granterKey, signed, grant.signature)) {
      throw badRequest(
        "The grant is not signed by your identity key over these values.",
        `${field}.signature`,
      );
    }
    const recipient = byId.get(userId);
    if (recipient && recipient.boxPublicKey !== grant.memberBoxPublicKey) {
      // A copy sealed to a key this person no longer has would lock them out: the sharer must
      // re-check their keys.
      throw badRequest("The grant is sealed to another key.", `${field}.memberBoxPublicKey`);
    }
  }
}

function signKeyOf(stored: string | undefined): Uint8Array | null {
  if (!stored) return null;
  try {
    return fromBase64Url(stored);
  } catch {
    return null;
  }
}

export interface MachineGrantToVerify {
  field: string;
  vaultId: string;
  serviceAccountId: string;
  grant: MachineGrantInput;
}

/**
 * DO NOT REMOVE: the same rule for grants to service accounts. The machine refuses a grant
 * not signed by a granter its managers pinned; the server refuses one not signed by the
 * person storing it, so a forgery is never handed to a machine at all.
 */
export async function requireMachineGrantsSignedBy(
  granterId: string,
  grants: MachineGrantToVerify[],
): Promise<void> {
  if (!grants.length) return;
  await getSodium();
  const [granter] = await findGrantKeys([granterId]);
  const granterKey = signKeyOf(granter?.signPublicKey);
  for (const { field, vaultId, serviceAccountId, grant } of grants) {
    const signed = {
      vaultId,
      serviceAccountId,
      keyVersion: grant.keyVersion,
      scope: grant.scope,
      boxPublicKey: grant.boxPublicKey,
      sealedKey: grant.sealedKey,
    };
    if (!granterKey || !verifyServiceAccountGrant(granterKey, signed, grant.signature)) {
      throw badRequest(
        "The grant is not signed by your identity key over these values.",
        `${field}.signature`,
      );
    }
  }
}
