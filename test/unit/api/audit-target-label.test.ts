import { describe, expect, it } from "vitest";
import { auditTargetLabel } from "../../../lib/api/audit";

const event = { targetType: null, targetId: null, targetName: null, vaultId: null } as const;

describe("audit target labels", () => {
  it("uses the vault names the reader's browser could decrypt, and ids for the rest", () => {
    const names = new Map([["v-1", "Payments"]]);
    expect(auditTargetLabel({ ...event, targetType: "vault", targetId: "v-1" }, names)).toBe(
      "vault Payments",
    );
    expect(
      auditTargetLabel({ ...event, targetType: "item", targetId: "i-1", vaultId: "v-1" }, names),
    ).toBe("item i-1 in Payments");
    expect(auditTargetLabel({ ...event, targetType: "vault", targetId: "v-2" }, names)).toBe(
      "vault v-2",
    );
  });

  it("names people, invites and the organisation in words", () => {
    expect(
      auditTargetLabel({ ...event, targetType: "user", targetId: "u-1", targetName: "Colin" }),
    ).toBe("person Colin");
    expect(
      auditTargetLabel({ ...event, targetType: "invite", targetId: "n-1", targetName: "c@x.io" }),
    ).toBe("invite for c@x.io");
    expect(auditTargetLabel({ ...event, targetType: "organization", targetId: "o-1" })).toBe(
      "organisation",
    );
    expect(auditTargetLabel({ ...event, targetType: "user", targetId: "u-9" })).toBe("person u-9");
  });
});
