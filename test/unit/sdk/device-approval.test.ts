import { describe, expect, it } from "vitest";
import {
  deviceCode,
  formatDeviceCode,
  newDeviceKeyPair,
  openDeviceUserKey,
  requireSodium,
  toBase64Url,
} from "@/lib/crypto";
import {
  DeviceCodeFormatError,
  DeviceCodeMismatchError,
  sealUserKeyForDevice,
} from "@/lib/sdk/device-approval";

describe("approving a command-line sign-in in the browser", () => {
  const userKey = () => requireSodium().randombytes_buf(32);

  it("seals the userKey to the key whose code the person typed, however they typed it", () => {
    const device = newDeviceKeyPair();
    const key = userKey();
    const typed = formatDeviceCode(deviceCode(device.publicKey)).toLowerCase();
    const sealed = sealUserKeyForDevice({
      typedCode: ` ${typed} `,
      publicKey: toBase64Url(device.publicKey),
      userKey: key,
    });
    expect(openDeviceUserKey(sealed, device)).toEqual(key);
  });

  it("refuses to seal to a key the server swapped in for the terminal's", () => {
    const terminal = newDeviceKeyPair();
    const substituted = newDeviceKeyPair();
    expect(() =>
      sealUserKeyForDevice({
        typedCode: deviceCode(terminal.publicKey),
        publicKey: toBase64Url(substituted.publicKey),
        userKey: userKey(),
      }),
    ).toThrow(DeviceCodeMismatchError);
  });

  it("refuses a public key of the wrong length even before comparing codes", () => {
    const device = newDeviceKeyPair();
    expect(() =>
      sealUserKeyForDevice({
        typedCode: deviceCode(device.publicKey),
        publicKey: toBase64Url(device.publicKey.subarray(0, 31)),
        userKey: userKey(),
      }),
    ).toThrow(DeviceCodeMismatchError);
  });

  it("says so when the typed text cannot be a code", () => {
    expect(() =>
      sealUserKeyForDevice({
        typedCode: "ABC",
        publicKey: toBase64Url(newDeviceKeyPair().publicKey),
        userKey: userKey(),
      }),
    ).toThrow(DeviceCodeFormatError);
  });
});
