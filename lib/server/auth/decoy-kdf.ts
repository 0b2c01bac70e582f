import "server-only";
import { isBelowKdfFloor, KDF_CEILING, KDF_V1, type KdfParams } from "@/lib/crypto";

export interface KdfParameterSet {
  alg: string;
  opslimit: number;
  memlimit: number;
  accounts: number;
}

/**
 * The KDF parameters a decoy prelogin answer gives: one of the sets real accounts use, chosen
 * with probability proportional to how many accounts use it, at `point` in [0, 1) (a keyed hash
 * of the email, so one email always gets the same set). Answering KDF_V1 to everyone unknown
 * would mark every account still on older parameters as real once KDF_V1 is raised.
 */
export function pickDecoyKdf(sets: readonly KdfParameterSet[], point: number): KdfParams {
  const usable = sets
    .filter(
      (set) =>
        set.alg === KDF_V1.alg &&
        set.accounts > 0 &&
        !isBelowKdfFloor(set) &&
        set.opslimit <= KDF_CEILING.opslimit &&
        set.memlimit <= KDF_CEILING.memlimit,
    )
    // A fixed order, so the same email lands on the same set however the database lists them.
    .sort((a, b) => a.opslimit - b.opslimit || a.memlimit - b.memlimit);
  const total = usable.reduce((sum, set) => sum + set.accounts, 0);
  if (total === 0) return { ...KDF_V1 };
  let remaining = Math.min(Math.max(point, 0), 1 - Number.EPSILON) * total;
  const chosen = usable.find((set) => (remaining -= set.accounts) < 0) ?? usable.at(-1) ?? KDF_V1;
  return { alg: KDF_V1.alg, opslimit: chosen.opslimit, memlimit: chosen.memlimit };
}
