import { Secret, TOTP, URI } from "otpauth";

/** A TOTP from what people paste: an otpauth:// URI or a bare base32 seed (spaces allowed). */
export function parseTotp(value: string): TOTP | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    if (trimmed.toLowerCase().startsWith("otpauth://")) {
      const parsed = URI.parse(trimmed);
      return parsed instanceof TOTP ? parsed : null;
    }
    return new TOTP({ secret: Secret.fromBase32(trimmed.replace(/[\s-]/g, "").toUpperCase()) });
  } catch {
    return null;
  }
}

export function totpNow(totp: TOTP, now = Date.now()): { code: string; remaining: number } {
  const seconds = Math.floor(now / 1000);
  return {
    code: totp.generate({ timestamp: now }),
    remaining: totp.period - (seconds % totp.period),
  };
}
