import { describe, expect, it } from "vitest";
import {
  SHARE_CIPHERTEXT_MAX_CHARS,
  SHARE_FILE_MAX_BYTES,
  SHARE_TEXT_MAX_BYTES,
  decodeSharePayload,
  deriveShareLinkKeys,
  encodeSharePayload,
  formatShareFragment,
  newShareSalt,
  newShareSecret,
  openSharePayload,
  parseShareFragment,
  sealSharePayload,
  shareAccessProof,
  shareFinalKey,
  sharePassphraseHash,
  shareProofHash,
  type SharePayload,
} from "@/lib/crypto/share-link";
import { CryptoError } from "@/lib/crypto/errors";
import { requireSodium } from "@/lib/crypto/sodium";
import { toBase64Url } from "@/lib/crypto/base64url";

// Fast parameters: these tests are about the construction, not Argon2id's cost.
const fastKdf = { alg: "argon2id13", opslimit: 1, memlimit: 8192 * 1024 } as const;

const payloads: Array<[string, SharePayload]> = [
  ["text", { kind: "text", text: "hunter2 — ünïcode ✓", note: "for the vendor" }],
  [
    "file",
    {
      kind: "file",
      name: "cert.pem",
      mimeType: "application/x-pem-file",
      bytes: new Uint8Array([0, 1, 2, 255, 254]),
    },
  ],
  ["field", { kind: "field", text: "s3cr3t", itemTitle: "AWS", fieldName: "secret key" }],
];

function newLink(passphraseHash: Uint8Array | null = null) {
  const secret = newShareSecret();
  const { linkId, linkKey } = deriveShareLinkKeys(secret);
  return { secret, linkId, finalKey: shareFinalKey(linkKey, passphraseHash) };
}

const flip = (text: string, index: number) =>
  text.slice(0, index) + (text[index] === "A" ? "B" : "A") + text.slice(index + 1);

describe("share link keys", () => {
  it("derive the same id and key from the same S, and unrelated ones from another", () => {
    const secret = newShareSecret();
    const again = deriveShareLinkKeys(secret.slice());
    expect(deriveShareLinkKeys(secret)).toEqual(again);
    expect(again.linkId).toHaveLength(22);
    const other = deriveShareLinkKeys(newShareSecret());
    expect(other.linkId).not.toBe(again.linkId);
    // The id the server sees is not the key, nor S.
    expect(again.linkId).not.toBe(toBase64Url(again.linkKey).slice(0, 22));
    expect(again.linkId).not.toBe(formatShareFragment(secret).slice(0, 22));
  });

  it("parse S from a whole URL, a #fragment or S alone, and refuse anything else", () => {
    const secret = newShareSecret();
    const fragment = formatShareFragment(secret);
    expect(parseShareFragment(`https://coffer.example/s#${fragment}`)).toEqual(secret);
    expect(parseShareFragment(`#${fragment}`)).toEqual(secret);
    expect(parseShareFragment(` ${fragment} `)).toEqual(secret);
    for (const bad of ["", "https://coffer.example/s#", fragment.slice(1), `${fragment}A`, "!!"]) {
      expect(() => parseShareFragment(bad), bad).toThrow(CryptoError);
    }
  });

  it("need the passphrase: its hash changes the key and the proof", () => {
    const salt = newShareSalt();
    const right = sharePassphraseHash("correct horse", salt, fastKdf);
    const wrong = sharePassphraseHash("correct hors", salt, fastKdf);
    const { linkKey } = deriveShareLinkKeys(newShareSecret());
    const withRight = shareFinalKey(linkKey, right);
    expect(withRight).not.toEqual(shareFinalKey(linkKey, null));
    expect(withRight).not.toEqual(shareFinalKey(linkKey, wrong));
    expect(shareAccessProof(withRight)).not.toBe(shareAccessProof(shareFinalKey(linkKey, wrong)));
    // The passphrase's hash alone, without the link, is not the key either.
    expect(withRight).not.toEqual(right);
  });

  it("keep the proof apart from the key that seals: the proof is no key", () => {
    const { linkId, finalKey } = newLink();
    const ciphertext = sealSharePayload(finalKey, linkId, payloads[0]![1]);
    const proofBytes = requireSodium().from_base64(
      shareAccessProof(finalKey),
      requireSodium().base64_variants.URLSAFE_NO_PADDING,
    );
    expect(() => openSharePayload(proofBytes, linkId, ciphertext)).toThrow(CryptoError);
  });

  it("store only a hash of the proof: the hash is not a proof that verifies", () => {
    const { finalKey } = newLink();
    const proof = shareAccessProof(finalKey);
    const hash = shareProofHash(proof);
    expect(hash).not.toBe(proof);
    expect(shareProofHash(hash)).not.toBe(hash);
    expect(shareProofHash(proof)).toBe(hash);
  });
});

describe.each(payloads)("a %s payload", (_name, payload) => {
  it("round-trips", () => {
    const { linkId, finalKey } = newLink();
    expect(openSharePayload(finalKey, linkId, sealSharePayload(finalKey, linkId, payload))).toEqual(
      payload,
    );
  });

  it("fails under the wrong key, the wrong passphrase or another link's id (AD)", () => {
    const salt = newShareSalt();
    const { secret, linkId, finalKey } = newLink(sharePassphraseHash("pass", salt, fastKdf));
    const ciphertext = sealSharePayload(finalKey, linkId, payload);
    const { linkKey } = deriveShareLinkKeys(secret);
    const wrongPassphrase = shareFinalKey(linkKey, sharePassphraseHash("Pass", salt, fastKdf));
    expect(() => openSharePayload(wrongPassphrase, linkId, ciphertext)).toThrow(CryptoError);
    expect(() => openSharePayload(shareFinalKey(linkKey, null), linkId, ciphertext)).toThrow(
      CryptoError,
    );
    expect(() => openSharePayload(newLink().finalKey, linkId, ciphertext)).toThrow(CryptoError);
    const otherId = newLink().linkId;
    expect(() => openSharePayload(finalKey, otherId, ciphertext)).toThrow(CryptoError);
  });

  it("fails when a byte is flipped, the nonce truncated or the version changed", () => {
    const { linkId, finalKey } = newLink();
    const ciphertext = sealSharePayload(finalKey, linkId, payload);
    const [, nonce, body] = ciphertext.split(".");
    expect(() =>
      openSharePayload(finalKey, linkId, flip(ciphertext, ciphertext.length - 5)),
    ).toThrow(CryptoError);
    expect(() => openSharePayload(finalKey, linkId, `v1.${nonce!.slice(2)}.${body}`)).toThrow(
      CryptoError,
    );
    expect(() => openSharePayload(finalKey, linkId, `v2.${nonce}.${body}`)).toThrow(CryptoError);
    expect(() => openSharePayload(finalKey, linkId, "")).toThrow(CryptoError);
  });
});

describe("the payload format", () => {
  it("refuses text over 64 KiB and files over 1 MiB, and fits the largest in the server's limit", () => {
    expect(() =>
      encodeSharePayload({ kind: "text", text: "x".repeat(SHARE_TEXT_MAX_BYTES + 1) }),
    ).toThrow();
    const largest: SharePayload = {
      kind: "file",
      name: "n".repeat(255),
      mimeType: "application/octet-stream",
      bytes: new Uint8Array(SHARE_FILE_MAX_BYTES),
      note: "é".repeat(1000),
    };
    expect(() =>
      encodeSharePayload({ ...largest, bytes: new Uint8Array(SHARE_FILE_MAX_BYTES + 1) }),
    ).toThrow();
    const { linkId, finalKey } = newLink();
    expect(sealSharePayload(finalKey, linkId, largest).length).toBeLessThanOrEqual(
      SHARE_CIPHERTEXT_MAX_CHARS,
    );
  });

  it("refuses a header that is not what encodeSharePayload writes", () => {
    const encoded = encodeSharePayload(payloads[1]![1]);
    expect(() => decodeSharePayload(encoded.slice(0, 3))).toThrow(CryptoError);
    const lying = encoded.slice();
    new DataView(lying.buffer).setUint32(0, encoded.length);
    expect(() => decodeSharePayload(lying)).toThrow(CryptoError);
    const header = (value: unknown) => {
      const bytes = new TextEncoder().encode(JSON.stringify(value));
      const out = new Uint8Array(4 + bytes.length);
      new DataView(out.buffer).setUint32(0, bytes.length);
      out.set(bytes, 4);
      return out;
    };
    expect(() => decodeSharePayload(header({ kind: "file", name: 1 }))).toThrow(CryptoError);
    expect(() => decodeSharePayload(header({ kind: "script" }))).toThrow(CryptoError);
    expect(() => decodeSharePayload(header([1]))).toThrow(CryptoError);
    expect(decodeSharePayload(header({ kind: "text" }))).toEqual({ kind: "text", text: "" });
  });
});
