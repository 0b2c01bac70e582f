// A software WebAuthn authenticator for Node tests: it plays the part of the browser *and* a
// security key, answering the JSON options the server hands out (generateRegistrationOptions /
// generateAuthenticationOptions) with the JSON responses @simplewebauthn/browser would post back.
//
// It behaves like a YubiKey without a PIN: ES256 (P-256) keys, attestation "none", user presence
// always asserted, user verification only when asked for. Knobs (overrides) exist to produce the
// responses a server must refuse: wrong origin or RP ID, missing UV, a counter that goes backwards
// (a cloned key), a broken signature.

import {
  createHash,
  createSign,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from "node:crypto";
// tiny-cbor is what @simplewebauthn/server itself decodes with, so what we encode it can read.
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

export interface SoftAuthenticatorOptions {
  /** The page's origin the "browser" reports in clientDataJSON, e.g. "http://localhost:3201". */
  origin: string;
  /** RP ID hashed into authenticator data; default: hostname of origin. */
  rpId?: string;
  /** UV flag in authenticator data; default false (a YubiKey without PIN). */
  userVerified?: boolean;
}

/** The subset of PublicKeyCredentialCreationOptionsJSON the authenticator reads. */
export interface SoftRegistrationOptions {
  challenge: string;
  rp?: { id?: string };
  user: { id: string };
}

/** The subset of PublicKeyCredentialRequestOptionsJSON the authenticator reads. */
export interface SoftAuthenticationOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

interface StoredCredential {
  id: string; // base64url of the raw credential id
  privateKey: KeyObject;
  userHandle: string; // base64url, as given in options.user.id
  counter: number;
}

const FLAG_UP = 0x01; // user present: a finger touched the key
const FLAG_UV = 0x04; // user verified: PIN or biometric
const FLAG_AT = 0x40; // attested credential data follows (registration only)
const COSE_ALG_ES256 = -7;

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string): Buffer => createHash("sha256").update(data).digest();

export class SoftAuthenticator {
  private readonly origin: string;
  private readonly rpId: string;
  private readonly userVerified: boolean;
  private readonly store: StoredCredential[] = [];

  constructor(options: SoftAuthenticatorOptions) {
    this.origin = options.origin;
    this.rpId = options.rpId ?? new URL(options.origin).hostname;
    this.userVerified = options.userVerified ?? false;
  }

  /** Credential ids held with their current sign counters (a snapshot). */
  get credentials(): ReadonlyArray<{ id: string; counter: number }> {
    return this.store.map(({ id, counter }) => ({ id, counter }));
  }

  /** Sets a credential's counter, e.g. lower than the server's to simulate a cloned key. */
  setCounter(credentialId: string, counter: number): void {
    this.find(credentialId).counter = counter;
  }

  /**
   * Answers PublicKeyCredentialCreationOptionsJSON with a RegistrationResponseJSON: attestation
   * "none", a new ES256 credential whose counter starts at 0.
   */
  register(
    options: SoftRegistrationOptions,
    overrides: { origin?: string; rpId?: string; userVerified?: boolean } = {},
  ): RegistrationResponseJSON {
    const rpId = overrides.rpId ?? options.rp?.id ?? this.rpId;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const rawId = randomBytes(32);
    const credential: StoredCredential = {
      id: b64url(rawId),
      privateKey,
      userHandle: options.user.id,
      counter: 0,
    };

    // COSE_Key for an EC2 P-256 key; x and y are the raw 32-byte coordinates.
    const jwk = publicKey.export({ format: "jwk" });
    const cosePublicKey = encodeCBOR(
      new Map<number, CBORType>([
        [1, 2], // kty: EC2
        [3, COSE_ALG_ES256], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, new Uint8Array(Buffer.from(jwk.x ?? "", "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y ?? "", "base64url"))],
      ]),
    );

    const credIdLength = Buffer.alloc(2);
    credIdLength.writeUInt16BE(rawId.length);
    const authData = Buffer.concat([
      this.authDataHeader(rpId, FLAG_AT, overrides.userVerified, credential.counter),
      Buffer.alloc(16), // AAGUID: all zeros, as attestation "none" reports
      credIdLength,
      rawId,
      cosePublicKey,
    ]);

    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", new Uint8Array(authData)],
      ]),
    );

    // Stored only once the response is built, so a throw above leaves no half-made credential.
    this.store.push(credential);
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      response: {
        clientDataJSON: this.clientData("webauthn.create", options.challenge, overrides.origin),
        attestationObject: b64url(attestationObject),
        transports: ["usb"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "cross-platform",
    };
  }

  /**
   * Answers PublicKeyCredentialRequestOptionsJSON with an AuthenticationResponseJSON signed by
   * overrides.credentialId, else the first allowed credential held, else the first held. The
   * credential's counter goes up by 1, or is set to overrides.counter when given.
   */
  authenticate(
    options: SoftAuthenticationOptions,
    overrides: {
      credentialId?: string;
      counter?: number;
      origin?: string;
      rpId?: string;
      userVerified?: boolean;
      tamperSignature?: boolean;
    } = {},
  ): AuthenticationResponseJSON {
    const credential = this.pick(options.allowCredentials, overrides.credentialId);
    const rpId = overrides.rpId ?? options.rpId ?? this.rpId;
    credential.counter = overrides.counter ?? credential.counter + 1;

    const authData = this.authDataHeader(rpId, 0, overrides.userVerified, credential.counter);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, overrides.origin);
    // ES256 in WebAuthn: ECDSA P-256 over authData || SHA-256(clientDataJSON), DER-encoded.
    const signature = createSign("SHA256")
      .update(Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, "base64url"))]))
      .sign(credential.privateKey);
    if (overrides.tamperSignature) {
      // Flip a bit of the last byte (inside s): still well-formed DER, so the server gets as far as
      // checking the signature, and that check fails.
      signature[signature.length - 1]! ^= 0x01;
    }

    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      response: {
        clientDataJSON,
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: "cross-platform",
    };
  }

  /** rpIdHash (32) | flags (1) | signCount (4, big-endian): the part common to both ceremonies. */
  private authDataHeader(
    rpId: string,
    extraFlags: number,
    userVerified: boolean | undefined,
    counter: number,
  ): Buffer {
    const uv = (userVerified ?? this.userVerified) ? FLAG_UV : 0;
    const flagsAndCount = Buffer.alloc(5);
    flagsAndCount.writeUInt8(FLAG_UP | uv | extraFlags, 0);
    flagsAndCount.writeUInt32BE(counter, 1);
    return Buffer.concat([sha256(rpId), flagsAndCount]);
  }

  /** clientDataJSON, base64url: what the browser would hash and send; key order as browsers emit. */
  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin?: string) {
    const json = JSON.stringify({
      type,
      challenge,
      origin: origin ?? this.origin,
      crossOrigin: false,
    });
    return Buffer.from(json, "utf8").toString("base64url");
  }

  private pick(allowCredentials: { id: string }[] | undefined, credentialId?: string) {
    if (credentialId) return this.find(credentialId);
    // Like a real key: with an allow list, only a listed credential may answer.
    const allowed = allowCredentials?.length
      ? this.store.filter((c) => allowCredentials.some((a) => a.id === c.id))
      : this.store;
    const credential = allowed[0];
    if (!credential) throw new Error("SoftAuthenticator: no matching credential held");
    return credential;
  }

  private find(credentialId: string): StoredCredential {
    const credential = this.store.find((c) => c.id === credentialId);
    if (!credential) throw new Error(`SoftAuthenticator: unknown credential ${credentialId}`);
    return credential;
  }
}
