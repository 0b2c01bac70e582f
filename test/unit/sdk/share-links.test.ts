// The share-link client against a server that records what it is sent and answers what the
// test decides, including what a hostile server would: another link's ciphertext, a tampered
// one, weakened passphrase parameters. The real server is tested in
// test/integration/share-links.test.ts.
import { describe, expect, it } from "vitest";
import {
  deriveShareLinkKeys,
  parseShareFragment,
  shareProofHash,
  toBase64Url,
  SHARE_PASSPHRASE_KDF,
} from "@/lib/crypto";
import type { ShareLinkDto } from "@/lib/api/share-link";
import { SdkError } from "@/lib/sdk/http-port";
import type { KdfRunner } from "@/lib/sdk/kdf-runner";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import {
  createShareLink,
  inspectShareLink,
  revealShareLink,
  type ShareLinkPort,
} from "@/lib/sdk/share-links";

interface Stored {
  ciphertext: string;
  proofHash: string;
  passphrase: { kdf: typeof SHARE_PASSPHRASE_KDF; salt: string } | null;
  viewsLeft: number;
}

/** Files links like the server would and keeps every request body it was sent. */
function recordingServer() {
  const links = new Map<string, Stored>();
  const sent: string[] = [];
  let tamper: ((stored: Stored, id: string) => Partial<Stored>) | null = null;
  const dto = (id: string): ShareLinkDto => ({
    id,
    creator: { id: "u", name: "U", email: "u@example.test" },
    status: "active",
    maxViews: 1,
    viewsLeft: 1,
    viewsUsed: 0,
    passphraseRequired: links.get(id)?.passphrase !== null,
    source: null,
    createdAt: new Date().toISOString(),
    expiresAt: new Date().toISOString(),
    lastViewedAt: null,
    revokedAt: null,
    revokedReason: null,
    frozenAt: null,
    failedAttempts: 0,
  });
  const fail = (status: number, code: string) => {
    throw new SdkError(code, code, status);
  };
  const port: ShareLinkPort = {
    origin: "https://coffer.example",
    async request({ method, path, body }) {
      sent.push(`${method} ${path} ${JSON.stringify(body ?? null)}`);
      if (method === "POST" && path === "/api/v1/share-links") {
        const input = body as Stored & { id: string; maxViews?: number };
        links.set(input.id, { ...input, viewsLeft: input.maxViews ?? 1 });
        return { link: dto(input.id) };
      }
      const match = /^\/api\/v1\/shared\/([^/]+)(\/reveal)?$/.exec(path);
      const id = match?.[1] ?? "";
      const stored = links.get(id);
      if (!stored || stored.viewsLeft <= 0) return fail(410, "gone");
      const shown = { ...stored, ...tamper?.(stored, id) };
      if (!match?.[2]) return { passphrase: shown.passphrase, expiresAt: new Date().toISOString() };
      if (shareProofHash((body as { proof: string }).proof) !== stored.proofHash) {
        return fail(403, "wrong_passphrase");
      }
      stored.viewsLeft -= 1;
      return { ciphertext: shown.ciphertext, viewsLeft: stored.viewsLeft };
    },
  };
  return {
    port,
    links,
    sent,
    tamperWith: (next: typeof tamper) => {
      tamper = next;
    },
  };
}

// Argon2id at its cheapest: the construction is under test here, not the hash's cost.
const cheapKdf: KdfRunner = {
  slowHash: (password, salt) =>
    directKdfRunner.slowHash(password, salt, {
      alg: "argon2id13",
      opslimit: 1,
      memlimit: 8 * 1024 * 1024,
    }),
};

const textPayload = { kind: "text" as const, text: "the secret", note: "for you" };

describe("share links in the SDK", () => {
  it("round-trips, and the server is never sent S, the key, the passphrase or the plaintext", async () => {
    const server = recordingServer();
    const made = await createShareLink(
      server.port,
      { payload: textPayload, passphrase: "open sesame" },
      cheapKdf,
    );
    expect(made.url).toMatch(/^https:\/\/coffer\.example\/s#[A-Za-z0-9_-]{43}$/);
    const secret = parseShareFragment(made.url);
    expect(made.id).toBe(deriveShareLinkKeys(secret).linkId);
    const revealed = await revealShareLink(server.port, made.url, "open sesame", cheapKdf);
    expect(revealed).toEqual({ status: "revealed", payload: textPayload, viewsLeft: 0 });
    const traffic = server.sent.join("\n");
    for (const needle of [
      toBase64Url(secret),
      toBase64Url(deriveShareLinkKeys(secret).linkKey),
      "open sesame",
      "the secret",
      "for you",
    ]) {
      expect(traffic).not.toContain(needle);
    }
  });

  it("reports a wrong passphrase without a view spent, and a used link as gone", async () => {
    const server = recordingServer();
    const made = await createShareLink(
      server.port,
      { payload: textPayload, passphrase: "right" },
      cheapKdf,
    );
    expect((await revealShareLink(server.port, made.url, "wrong", cheapKdf)).status).toBe(
      "wrong_passphrase",
    );
    expect((await revealShareLink(server.port, made.url, undefined, cheapKdf)).status).toBe(
      "wrong_passphrase",
    );
    expect(server.links.get(made.id)?.viewsLeft).toBe(1);
    expect((await revealShareLink(server.port, made.url, "right", cheapKdf)).status).toBe(
      "revealed",
    );
    expect(await revealShareLink(server.port, made.url, "right", cheapKdf)).toEqual({
      status: "gone",
    });
    expect(await inspectShareLink(server.port, made.url)).toEqual({ status: "gone" });
  });

  it("refuses a ciphertext the server altered or took from another link", async () => {
    const server = recordingServer();
    const first = await createShareLink(server.port, { payload: textPayload }, cheapKdf);
    const second = await createShareLink(
      server.port,
      { payload: { kind: "text", text: "other" } },
      cheapKdf,
    );
    server.tamperWith((_stored, id) =>
      id === second.id ? { ciphertext: server.links.get(first.id)!.ciphertext } : {},
    );
    const swapped = await revealShareLink(server.port, second.url, undefined, cheapKdf).catch(
      (error: unknown) => error,
    );
    expect(swapped).toMatchObject({ code: "tampered" });
    server.tamperWith((stored) => ({
      ciphertext:
        stored.ciphertext.slice(0, -3) + (stored.ciphertext.endsWith("AAA") ? "BBB" : "AAA"),
    }));
    const flipped = await revealShareLink(server.port, first.url, undefined, cheapKdf).catch(
      (error: unknown) => error,
    );
    expect(flipped).toMatchObject({ code: "tampered" });
  });

  it("refuses passphrase parameters below the floor, before any hash is run", async () => {
    const server = recordingServer();
    const made = await createShareLink(
      server.port,
      { payload: textPayload, passphrase: "p" },
      cheapKdf,
    );
    server.tamperWith((stored) => ({
      passphrase: {
        kdf: { ...SHARE_PASSPHRASE_KDF, memlimit: 1024 * 1024 },
        salt: stored.passphrase!.salt,
      },
    }));
    let hashed = 0;
    const counting: KdfRunner = { slowHash: (...args) => (hashed++, cheapKdf.slowHash(...args)) };
    const refused = await revealShareLink(server.port, made.url, "p", counting).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "server" });
    expect(hashed).toBe(0);
  });

  it("says a cut-off link is incomplete, and checks sizes before sealing", async () => {
    const server = recordingServer();
    const made = await createShareLink(server.port, { payload: textPayload }, cheapKdf);
    const cut = made.url.slice(0, -2);
    await expect(inspectShareLink(server.port, cut)).rejects.toMatchObject({ code: "bad_link" });
    await expect(
      createShareLink(
        server.port,
        { payload: { kind: "text", text: "é".repeat(32 * 1024 + 1) } },
        cheapKdf,
      ),
    ).rejects.toMatchObject({ field: "text", status: 400 });
    await expect(
      createShareLink(server.port, { payload: { kind: "text", text: "" } }, cheapKdf),
    ).rejects.toMatchObject({ field: "text" });
    expect(server.links.size).toBe(1);
  });
});
