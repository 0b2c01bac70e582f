/**
 * The one form of an email address that every party uses: trimmed and lower-cased. The login
 * message, the account bundle and the server's lookup all contain it, so client and server must
 * produce byte-identical strings from whatever the person typed.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
