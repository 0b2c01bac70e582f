// The KDF parameters prelogin gives an unknown email: drawn from those real accounts use,
// weighted by how many use them, so old parameters do not mark an account as real.
import { describe, expect, it, vi } from "vitest";
import { KDF_V1 } from "@/lib/crypto";

// The module is server-only; here it is a pure function under test.
vi.mock("server-only", () => ({}));
const { pickDecoyKdf } = await import("@/lib/server/auth/decoy-kdf");

const MiB = 1024 * 1024;
const old = { alg: "argon2id13", opslimit: 2, memlimit: 32 * MiB };
const current = { ...KDF_V1 };

describe("pickDecoyKdf", () => {
  it("falls back to KDF_V1 when no account exists yet", () => {
    expect(pickDecoyKdf([], 0.3)).toEqual(KDF_V1);
  });

  it("answers the only set in use, whatever the point", () => {
    for (const point of [0, 0.5, 0.999999]) {
      expect(pickDecoyKdf([{ ...old, accounts: 4 }], point)).toEqual({
        alg: "argon2id13",
        opslimit: 2,
        memlimit: 32 * MiB,
      });
    }
  });

  it("weighs each set by the accounts using it", () => {
    const sets = [
      { ...current, accounts: 3 },
      { ...old, accounts: 1 },
    ];
    const draws = Array.from({ length: 1000 }, (_, index) => pickDecoyKdf(sets, index / 1000));
    const oldDraws = draws.filter((kdf) => kdf.opslimit === old.opslimit).length;
    expect(oldDraws).toBe(250);
    expect(draws.length - oldDraws).toBe(750);
  });

  it("gives the same answer however the database orders the sets", () => {
    const sets = [
      { ...current, accounts: 3 },
      { ...old, accounts: 1 },
    ];
    for (const point of [0, 0.2, 0.26, 0.9]) {
      expect(pickDecoyKdf([...sets].reverse(), point)).toEqual(pickDecoyKdf(sets, point));
    }
  });

  it("never draws a set a client would refuse", () => {
    const sets = [
      { alg: "scrypt", opslimit: 9, memlimit: 256 * MiB, accounts: 50 },
      { alg: "argon2id13", opslimit: 1, memlimit: 8 * MiB, accounts: 50 },
      { ...current, accounts: 1 },
    ];
    for (const point of [0, 0.5, 0.99]) expect(pickDecoyKdf(sets, point)).toEqual(KDF_V1);
  });

  it("stays within [0, 1) for points at and beyond its ends", () => {
    const sets = [
      { ...old, accounts: 1 },
      { ...current, accounts: 1 },
    ];
    expect(pickDecoyKdf(sets, -1).opslimit).toBe(old.opslimit);
    expect(pickDecoyKdf(sets, 1).opslimit).toBe(current.opslimit);
  });
});
