import { parseSecretKey, SecretKeyFormatError } from "@/lib/crypto";

/** Turns a Secret Key parse failure into a sentence for the field. */
export function secretKeyProblem(text: string): string | null {
  if (!text.trim()) return "Enter the Secret Key from your Emergency Kit.";
  try {
    parseSecretKey(text);
    return null;
  } catch (error) {
    if (error instanceof SecretKeyFormatError) {
      return `That Secret Key is not valid: ${error.message.replace(/^invalid secret key: /, "")}.`;
    }
    return "That Secret Key is not valid.";
  }
}
