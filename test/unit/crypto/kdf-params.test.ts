// When an account's Argon2id parameters are due an upgrade, and what it upgrades to: the
// comparison the client makes after every sign-in (docs/decisions/0016-kdf-parameters-upgrade.md).
import { describe, expect, it } from "vitest";
import {
  KDF_FLOOR,
  KDF_V1,
  isBelowKdfFloor,
  needsKdfUpgrade,
  upgradedKdfParams,
  type KdfParams,
} from "../../../lib/crypto/kdf-params";

const MiB = 1024 * 1024;
const params = (opslimit: number, memlimit: number): KdfParams => ({
  alg: "argon2id13",
  opslimit,
  memlimit,
});
const target = params(4, 128 * MiB);

describe("needsKdfUpgrade", () => {
  it.each<[string, KdfParams, boolean]>([
    ["the target itself", target, false],
    ["stronger in both dimensions", params(6, 256 * MiB), false],
    ["fewer passes", params(3, 128 * MiB), true],
    ["less memory", params(4, 64 * MiB), true],
    ["fewer passes but more memory", params(2, 512 * MiB), true],
    ["more passes but less memory", params(10, 32 * MiB), true],
  ])("%s → %s", (_case, stored, expected) => {
    expect(needsKdfUpgrade(stored, target)).toBe(expected);
  });

  it("wants any other algorithm replaced", () => {
    expect(needsKdfUpgrade({ alg: "scrypt", opslimit: 9, memlimit: 512 * MiB }, target)).toBe(true);
  });

  it("compares with KDF_V1 by default: an account made with it needs nothing", () => {
    expect(needsKdfUpgrade(KDF_V1)).toBe(false);
    expect(needsKdfUpgrade(params(KDF_FLOOR.opslimit, KDF_FLOOR.memlimit))).toBe(true);
  });
});

describe("upgradedKdfParams", () => {
  it("raises each dimension to the target and never lowers one", () => {
    expect(upgradedKdfParams(params(2, 32 * MiB), target)).toEqual(target);
    expect(upgradedKdfParams(params(2, 512 * MiB), target)).toEqual(params(4, 512 * MiB));
    expect(upgradedKdfParams(params(10, 32 * MiB), target)).toEqual(params(10, 128 * MiB));
  });

  it("gives a result that needs no further upgrade", () => {
    for (const stored of [params(2, 32 * MiB), params(2, 512 * MiB), params(10, 32 * MiB)]) {
      expect(needsKdfUpgrade(upgradedKdfParams(stored, target), target)).toBe(false);
    }
  });

  it("replaces another algorithm with the target outright", () => {
    expect(upgradedKdfParams({ alg: "scrypt", opslimit: 9, memlimit: 512 * MiB }, target)).toEqual(
      target,
    );
  });
});

describe("isBelowKdfFloor", () => {
  it.each<[string, KdfParams, boolean]>([
    ["the floor itself", params(KDF_FLOOR.opslimit, KDF_FLOOR.memlimit), false],
    ["KDF_V1", KDF_V1, false],
    ["one pass", params(1, 64 * MiB), true],
    ["16 MiB", params(3, 16 * MiB), true],
  ])("%s → %s", (_case, stored, expected) => {
    expect(isBelowKdfFloor(stored)).toBe(expected);
  });

  it("keeps KDF_V1 above the floor, so new accounts are never refused", () => {
    expect(KDF_V1.opslimit).toBeGreaterThanOrEqual(KDF_FLOOR.opslimit);
    expect(KDF_V1.memlimit).toBeGreaterThanOrEqual(KDF_FLOOR.memlimit);
  });
});
