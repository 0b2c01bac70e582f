import { describe, expect, it } from "vitest";
import { CryptoError } from "../../../lib/crypto/errors";
import { RevisionGuard } from "../../../lib/crypto/revision-guard";

describe("RevisionGuard: the server cannot roll an item back unnoticed", () => {
  it("accepts a first sighting, an equal revision and a newer one", () => {
    const guard = new RevisionGuard();
    guard.check("itm_1", 3);
    guard.check("itm_1", 3);
    guard.check("itm_1", 7);
    expect(guard.highest("itm_1")).toBe(7);
  });

  it("refuses an older revision with CryptoError 'item rollback', and keeps the highest", () => {
    const guard = new RevisionGuard();
    guard.check("itm_1", 7);
    expect(() => guard.check("itm_1", 6)).toThrow("decryption failed: item rollback");
    expect(() => guard.check("itm_1", 0)).toThrow(CryptoError);
    expect(guard.highest("itm_1")).toBe(7);
  });

  it("tracks items independently", () => {
    const guard = new RevisionGuard();
    guard.check("itm_1", 9);
    guard.check("itm_2", 1);
    expect(guard.highest("itm_2")).toBe(1);
    expect(guard.highest("itm_3")).toBeUndefined();
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
    "a malformed revision (%s) → CryptoError 'item revision'",
    (revision) => {
      expect(() => new RevisionGuard().check("itm_1", revision)).toThrow(
        "decryption failed: item revision",
      );
    },
  );

  it("writes through to a store the caller owns", () => {
    const store = new Map([["itm_1", 4]]);
    const guard = new RevisionGuard(store);
    expect(() => guard.check("itm_1", 3)).toThrow("item rollback");
    guard.check("itm_2", 2);
    expect(store.get("itm_2")).toBe(2);
  });

  it("survives a round trip through JSON, so a restart still refuses old revisions", () => {
    const guard = new RevisionGuard();
    guard.check("itm_1", 5);
    guard.check("itm_2", 8);
    const restored = RevisionGuard.fromJSON(JSON.parse(JSON.stringify(guard)));
    expect(restored.toJSON()).toEqual({ itm_1: 5, itm_2: 8 });
    expect(() => restored.check("itm_2", 7)).toThrow("item rollback");
  });

  it.each([null, [], "x", { itm_1: "5" }, { itm_1: -1 }, { itm_1: 1.5 }])(
    "fromJSON refuses malformed state %j",
    (json) => {
      expect(() => RevisionGuard.fromJSON(json)).toThrow(/RevisionGuard\.fromJSON/);
    },
  );
});
