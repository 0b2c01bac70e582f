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

// 80 bits: the shortest secret services hand out in practice; anything shorter is a truncated paste.
const MIN_SECRET_BYTES = 10;

/**
 * Why a one-time-code field cannot be saved as it is, in a sentence for the person editing it,
 * or null when it can (an empty field is allowed: the item simply has no code). Checked before
 * saving because the server only ever sees ciphertext and cannot refuse a bad seed itself.
 */
export function totpSeedProblem(value: string): string | null {
  if (!value.trim()) return null;
  const totp = parseTotp(value);
  if (!totp) {
    return value.trim().toLowerCase().startsWith("otpauth://")
      ? "This link is not a valid otpauth://totp/ link. Copy it again from the service's set-up page."
      : "This is not a valid TOTP seed. Paste the base32 secret (letters A–Z and digits 2–7) or the otpauth:// link the service showed.";
  }
  if (totp.secret.bytes.length < MIN_SECRET_BYTES) {
    return "This TOTP seed is too short to be complete. Paste the whole secret the service showed.";
  }
  return null;
}
