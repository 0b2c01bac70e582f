// A one-time-code seed is checked before the item is saved: the server sees only ciphertext,
// so an editor that let a bad seed through would store "Not a valid TOTP seed" for good.
import { describe, expect, it } from "vitest";
import { parseTotp, totpSeedProblem } from "@/lib/client/vaults/totp";

describe("totpSeedProblem", () => {
  it.each([
    ["a base32 seed", "JBSWY3DPEHPK3PXP"],
    ["a seed in lower case with spaces", "jbsw y3dp ehpk 3pxp"],
    ["a seed with dashes", "JBSW-Y3DP-EHPK-3PXP"],
    ["a padded 160-bit seed", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"],
    [
      "an otpauth URI",
      "otpauth://totp/Coffer:ada@example.test?secret=JBSWY3DPEHPK3PXP&issuer=Coffer",
    ],
    [
      "an otpauth URI with 8 digits and 60 s",
      "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=8&period=60",
    ],
    ["an empty field", ""],
    ["blank space only", "   "],
  ])("accepts %s", (_case, value) => {
    expect(totpSeedProblem(value)).toBeNull();
  });

  it.each([
    ["characters outside base32", "not a seed!", /not a valid TOTP seed/],
    ["the digits 0, 1, 8 and 9", "JBSWY3DPEHPK3P01", /not a valid TOTP seed/],
    ["a six-digit code pasted instead of the seed", "123456", /not a valid TOTP seed/],
    ["a truncated seed", "JBSWY3DP", /too short/],
    ["an HOTP link", "otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=0", /otpauth:\/\/totp\//],
    ["a link without a secret", "otpauth://totp/x?issuer=Coffer", /otpauth:\/\/totp\//],
    ["a link with a bad secret", "otpauth://totp/x?secret=%21%21", /otpauth:\/\/totp\//],
  ])("refuses %s with a sentence", (_case, value, message) => {
    const problem = totpSeedProblem(value);
    expect(problem).toMatch(message);
    expect(problem).toMatch(/\.$/);
  });

  it("accepts exactly what the item view can turn into a code", () => {
    for (const value of ["JBSWY3DPEHPK3PXP", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"]) {
      expect(totpSeedProblem(value)).toBeNull();
      expect(parseTotp(value)).not.toBeNull();
    }
  });
});
