import { deviceCode, fromBase64Url, normaliseDeviceCode, sealUserKeyToDevice } from "@/lib/crypto";
import { SdkError } from "./http-port";

/** The code the person typed is not one a command line could show. */
export class DeviceCodeFormatError extends SdkError {
  constructor() {
    super("device_code_format", "Type the ten characters your terminal shows, like ABCDE-FGHJK.");
    this.name = "DeviceCodeFormatError";
  }
}

/**
 * The public key the server handed over does not produce the code on the terminal. Either the
 * code was mistyped onto someone else's request, or the server swapped in a key of its own to
 * receive the userKey: in both cases nothing may be sealed.
 */
export class DeviceCodeMismatchError extends SdkError {
  constructor() {
    super(
      "device_code_mismatch",
      "This request's key does not match the code you typed, so nothing was shared. Check the code in your terminal; if it matches, do not approve and tell your administrator.",
    );
    this.name = "DeviceCodeMismatchError";
  }
}

/**
 * The one check that makes a device login safe (DESIGN, People on the command line): recompute
 * the code from the public key the server returned and seal the userKey to that key only when
 * it equals the code the person read off their own terminal.
 * DO NOT REMOVE: without it the server could substitute its own key and receive the userKey.
 */
export function sealUserKeyForDevice(input: {
  typedCode: string;
  publicKey: string;
  userKey: Uint8Array;
}): string {
  const typed = normaliseDeviceCode(input.typedCode);
  if (!typed) throw new DeviceCodeFormatError();
  const publicKey = fromBase64Url(input.publicKey);
  if (publicKey.length !== 32 || deviceCode(publicKey) !== typed) {
    throw new DeviceCodeMismatchError();
  }
  return sealUserKeyToDevice(input.userKey, publicKey);
}
