import { describe, expect, it } from "vitest";
import {
  newDeviceKeyPair,
  openDeviceUserKey,
  sealUserKeyToDevice,
} from "@/lib/crypto/device-login";
import { fromBase64Url, toBase64Url } from "@/lib/crypto/base64url";
import { CryptoError } from "@/lib/crypto/errors";
import { requireSodium } from "@/lib/crypto/sodium";

const userKey = () => requireSodium().randombytes_buf(32);

describe("the userKey sealed to a command-line device", () => {
  it("opens with the device's keypair and gives back the same userKey", () => {
    const device = newDeviceKeyPair();
    const key = userKey();
    expect(openDeviceUserKey(sealUserKeyToDevice(key, device.publicKey), device)).toEqual(key);
  });

  it("does not open with another device's keypair", () => {
    const sealed = sealUserKeyToDevice(userKey(), newDeviceKeyPair().publicKey);
    expect(() => openDeviceUserKey(sealed, newDeviceKeyPair())).toThrow(CryptoError);
  });

  it("does not open after one flipped byte", () => {
    const device = newDeviceKeyPair();
    const bytes = fromBase64Url(sealUserKeyToDevice(userKey(), device.publicKey));
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openDeviceUserKey(toBase64Url(bytes), device)).toThrow(CryptoError);
  });

  it("refuses a sealed value of another length than a userKey", () => {
    const device = newDeviceKeyPair();
    const sealed = toBase64Url(
      requireSodium().crypto_box_seal(new Uint8Array(16), device.publicKey),
    );
    expect(() => openDeviceUserKey(sealed, device)).toThrow(CryptoError);
    expect(() => sealUserKeyToDevice(new Uint8Array(16), device.publicKey)).toThrow();
  });
});
