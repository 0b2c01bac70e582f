/**
 * Argon2id parameters for new accounts, and the target every existing account is brought up to
 * on its next sign-in. Stored per user next to the salt, so raising them locks nobody out
 * (docs/decisions/0016-kdf-parameters-upgrade.md).
 */
export const KDF_V1 = { alg: "argon2id13", opslimit: 3, memlimit: 67108864 } as const;

export type KdfParams = { alg: "argon2id13"; opslimit: number; memlimit: number };

/**
 * The weakest parameters anyone accepts: the server refuses to store less, and clients refuse
 * to derive with less when a server hands it out. Below it a stolen database together with a
 * stolen Secret Key would be cheap to guess through.
 */
export const KDF_FLOOR = { opslimit: 2, memlimit: 32 * 1024 * 1024 } as const;

/** The strongest parameters accepted: beyond them a browser tab runs out of memory or patience. */
export const KDF_CEILING = { opslimit: 20, memlimit: 1024 * 1024 * 1024 } as const;

type Strength = Pick<KdfParams, "opslimit" | "memlimit"> & { alg: string };

export function isBelowKdfFloor(params: Strength): boolean {
  return params.opslimit < KDF_FLOOR.opslimit || params.memlimit < KDF_FLOOR.memlimit;
}

/**
 * Whether an account's stored parameters fall short of `target` in any dimension. Parameters
 * stronger than the target in every dimension are left alone: an upgrade never weakens.
 */
export function needsKdfUpgrade(stored: Strength, target: KdfParams = KDF_V1): boolean {
  return (
    stored.alg !== target.alg ||
    stored.opslimit < target.opslimit ||
    stored.memlimit < target.memlimit
  );
}

/**
 * What an account below `target` re-derives with: the target, except where the stored value is
 * already higher, so raising one dimension never lowers the other.
 */
export function upgradedKdfParams(stored: Strength, target: KdfParams = KDF_V1): KdfParams {
  if (stored.alg !== target.alg) return { ...target };
  return {
    alg: target.alg,
    opslimit: Math.max(stored.opslimit, target.opslimit),
    memlimit: Math.max(stored.memlimit, target.memlimit),
  };
}
