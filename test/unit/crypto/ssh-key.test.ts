import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getSodium } from "../../../lib/crypto/sodium";
import { generateSshKey, sshKeyFromSeed } from "../../../lib/crypto/ssh-key";

function findSshKeygen(): string | null {
  try {
    return execFileSync("which", ["ssh-keygen"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

const sshKeygen = findSshKeygen();

beforeAll(async () => {
  await getSodium();
});

/** Minimal reader of the SSH wire format, independent of the code under test. */
class WireReader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}
  uint32(): number {
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  bytesOf(length: number): Buffer {
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  string(): Buffer {
    return this.bytesOf(this.uint32());
  }
  rest(): Buffer {
    return this.bytes.subarray(this.offset);
  }
}

function privateKeyBytes(privateKey: string): Buffer {
  const lines = privateKey.trimEnd().split("\n");
  expect(lines[0]).toBe("-----BEGIN OPENSSH PRIVATE KEY-----");
  expect(lines.at(-1)).toBe("-----END OPENSSH PRIVATE KEY-----");
  return Buffer.from(lines.slice(1, -1).join(""), "base64");
}

describe("sshKeyFromSeed / generateSshKey", () => {
  it("public key line: ssh-ed25519, base64 of the wire blob, comment", async () => {
    const sodium = await getSodium();
    const seed = new Uint8Array(32).fill(9);
    const key = sshKeyFromSeed(seed, "ada@coffer");
    const [type, body, comment] = key.publicKey.split(" ");
    expect(type).toBe("ssh-ed25519");
    expect(comment).toBe("ada@coffer");
    const blob = new WireReader(Buffer.from(body ?? "", "base64"));
    expect(blob.string().toString()).toBe("ssh-ed25519");
    expect(new Uint8Array(blob.string())).toEqual(sodium.crypto_sign_seed_keypair(seed).publicKey);
    expect(blob.rest()).toHaveLength(0);
  });

  it("fingerprint is SHA256: + unpadded standard base64 of SHA-256(blob)", () => {
    const key = generateSshKey("x");
    const blob = Buffer.from(key.publicKey.split(" ")[1] ?? "", "base64");
    // node:crypto as an SHA-256 implementation independent of libsodium
    const digest = createHash("sha256").update(blob).digest();
    expect(key.fingerprint).toBe(`SHA256:${digest.toString("base64").replace(/=+$/, "")}`);
  });

  it("private key: openssh-key-v1 container, cipher none, equal check values, matching keys", () => {
    const key = generateSshKey("ops key");
    const reader = new WireReader(privateKeyBytes(key.privateKey));
    expect(reader.bytesOf(15).toString("latin1")).toBe("openssh-key-v1\0");
    expect(reader.string().toString()).toBe("none");
    expect(reader.string().toString()).toBe("none");
    expect(reader.string()).toHaveLength(0);
    expect(reader.uint32()).toBe(1);
    const publicBlob = reader.string();
    expect(publicBlob.toString("base64")).toBe(key.publicKey.split(" ")[1]);
    const section = reader.string();
    expect(reader.rest()).toHaveLength(0);
    expect(section.length % 8).toBe(0);

    const inner = new WireReader(section);
    expect(inner.uint32()).toBe(inner.uint32());
    expect(inner.string().toString()).toBe("ssh-ed25519");
    const publicKey = inner.string();
    const privateKey = inner.string();
    expect(privateKey).toHaveLength(64);
    expect(privateKey.subarray(32)).toEqual(publicKey);
    expect(inner.string().toString()).toBe("ops key");
    const padding = [...inner.rest()];
    expect(padding).toEqual(padding.map((_, index) => index + 1));
  });

  it("PEM body lines are 70 characters (the last may be shorter)", () => {
    const lines = generateSshKey("a long comment to make several lines").privateKey.split("\n");
    const body = lines.slice(1, -2);
    expect(lines.at(-1)).toBe("");
    for (const line of body.slice(0, -1)) {
      expect(line).toHaveLength(70);
    }
    expect((body.at(-1) ?? "").length).toBeLessThanOrEqual(70);
  });

  it("is deterministic for a fixed seed and check value, random otherwise", () => {
    const seed = new Uint8Array(32).fill(1);
    expect(sshKeyFromSeed(seed, "c", 7)).toEqual(sshKeyFromSeed(seed, "c", 7));
    expect(generateSshKey("c").publicKey).not.toBe(generateSshKey("c").publicKey);
  });

  it("an empty comment leaves the public key line at two parts", () => {
    expect(sshKeyFromSeed(new Uint8Array(32), "").publicKey.split(" ")).toHaveLength(2);
  });

  it("refuses a seed that is not 32 bytes, a comment with a line break, a bad check value", () => {
    expect(() => sshKeyFromSeed(new Uint8Array(31), "c")).toThrow(/32 bytes/);
    expect(() => sshKeyFromSeed(new Uint8Array(32), "a\nssh-ed25519 AAAA evil")).toThrow(
      /control characters/,
    );
    expect(() => sshKeyFromSeed(new Uint8Array(32), "c", -1)).toThrow(/uint32/);
  });

  it.skipIf(sshKeygen === null)("ssh-keygen derives the same public key and fingerprint", () => {
    const directory = mkdtempSync(join(tmpdir(), "coffer-ssh-"));
    try {
      const key = generateSshKey("ada@coffer");
      const file = join(directory, "id_ed25519");
      writeFileSync(file, key.privateKey, { mode: 0o600 });
      const derived = execFileSync(sshKeygen ?? "ssh-keygen", ["-y", "-f", file], {
        encoding: "utf8",
      });
      expect(derived.trim()).toBe(key.publicKey);
      const listed = execFileSync(sshKeygen ?? "ssh-keygen", ["-l", "-f", file], {
        encoding: "utf8",
      });
      expect(listed).toContain(key.fingerprint);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
