import { keyMaterialResponse, type KeyMaterialResponse } from "@/lib/api/account";
import {
  CryptoError,
  fromBase64Url,
  getSodium,
  unwrapPrivateKey,
  unwrapUserKey,
  verifyBundle,
} from "@/lib/crypto";
import { SdkError, type HttpPort } from "./http-port";
import { wipe, type UnlockedAccount } from "./unlocked-account";

/** The AUK cannot open the wrapped userKey: the password (or the Secret Key) is wrong. */
export class WrongPasswordError extends SdkError {
  constructor() {
    super("wrong_password", "That master password is not correct.");
    this.name = "WrongPasswordError";
  }
}

/** The wrapped key material; the server releases it only to a fully signed-in session. */
export async function fetchKeyMaterial(http: HttpPort): Promise<KeyMaterialResponse> {
  return keyMaterialResponse.parse(
    await http.request({ method: "GET", path: "/api/v1/account/keys" }),
  );
}

/**
 * Opens the key material with the AUK. Besides the AEAD checks (the userKey's and private keys'
 * associated data name this user and each key's role), the public keys the server returns must
 * match the unwrapped private keys and the self-signed bundle, so a server cannot pair our
 * private keys with public keys of its choosing.
 */
export async function openKeyMaterial(
  accountUnlockKey: Uint8Array,
  material: KeyMaterialResponse,
  expectedUserId?: string,
): Promise<UnlockedAccount> {
  await getSodium();
  if (expectedUserId !== undefined && material.userId !== expectedUserId) {
    throw new SdkError("key_material_mismatch", "The server returned keys for another account.");
  }
  let userKey: Uint8Array;
  try {
    userKey = unwrapUserKey(accountUnlockKey, material.wrappedUserKey, material.userId);
  } catch (error) {
    if (error instanceof CryptoError) throw new WrongPasswordError();
    throw error;
  }
  return openWithUserKey(userKey, material);
}

/**
 * Opens the private keys with a userKey already in hand (the one a browser sealed to a
 * `coffer login`), with the same consistency checks. Takes ownership of `userKey`: it is wiped
 * when the keys do not match.
 */
export async function openWithUserKey(
  userKey: Uint8Array,
  material: KeyMaterialResponse,
): Promise<UnlockedAccount> {
  const sodium = await getSodium();
  let boxPrivateKey: Uint8Array | undefined;
  let signPrivateKey: Uint8Array | undefined;
  try {
    boxPrivateKey = unwrapPrivateKey(
      userKey,
      material.wrappedBoxPrivateKey,
      material.userId,
      "box",
    );
    signPrivateKey = unwrapPrivateKey(
      userKey,
      material.wrappedSignPrivateKey,
      material.userId,
      "sign",
    );
  } catch (error) {
    wipe(userKey, boxPrivateKey);
    if (error instanceof CryptoError) throw keyMismatch();
    throw error;
  }
  const boxPublicKey = fromBase64Url(material.boxPublicKey);
  const signPublicKey = fromBase64Url(material.signPublicKey);
  const consistent =
    sodium.memcmp(sodium.crypto_scalarmult_base(boxPrivateKey), boxPublicKey) &&
    sodium.memcmp(sodium.crypto_sign_ed25519_sk_to_pk(signPrivateKey), signPublicKey) &&
    verifyBundle(
      {
        userId: material.userId,
        email: material.email,
        boxPublicKey: material.boxPublicKey,
        signPublicKey: material.signPublicKey,
      },
      material.bundleSignature,
    );
  if (!consistent) {
    wipe(userKey, boxPrivateKey, signPrivateKey);
    throw keyMismatch();
  }
  return {
    userId: material.userId,
    email: material.email,
    userKey,
    boxKeyPair: { publicKey: boxPublicKey, privateKey: boxPrivateKey },
    signKeyPair: { publicKey: signPublicKey, privateKey: signPrivateKey },
  };
}

function keyMismatch() {
  return new SdkError(
    "key_material_mismatch",
    "Your account keys do not match their public keys. Contact your admin.",
  );
}
