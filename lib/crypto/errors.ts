/**
 * The only error a failed decryption or verification may raise. The context is a fixed label
 * chosen by the caller ("user key", "item") — never key material, plaintext or ids — so the
 * message is safe to log and to show.
 */
export class CryptoError extends Error {
  readonly context: string;

  constructor(context: string) {
    super(`decryption failed: ${context}`);
    this.name = "CryptoError";
    this.context = context;
  }
}
