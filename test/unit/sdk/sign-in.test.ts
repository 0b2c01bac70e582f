// The SDK's half of sign-in: the login message names the transport's origin and the normalised
// email, the KDF parameters a server hands out are bounded before Argon2id runs, and next-auth's
// answers map to the outcome a person is told.
import { describe, expect, it } from "vitest";
import { email as emailSchema } from "@/lib/api/common";
import { signInProof } from "@/lib/api/auth";
import {
  fromBase64Url,
  generateUserKeys,
  KDF_CEILING,
  KDF_FLOOR,
  loginMessage,
  normaliseEmail,
  toBase64Url,
  verifyMessage,
  type KdfParams,
} from "@/lib/crypto";
import { deriveKeys } from "@/lib/sdk/derive-keys";
import type { HttpAnswer, SessionHttpPort } from "@/lib/sdk/http-port";
import type { KdfRunner } from "@/lib/sdk/kdf-runner";
import {
  prelogin,
  proveLoginKey,
  signInWithLoginKey,
  SignInError,
  submitSignInProof,
} from "@/lib/sdk/sign-in";

const challenge = { challengeId: "challenge-0001", nonce: toBase64Url(new Uint8Array(32).fill(9)) };

/** A transport that answers from a table and records what it was sent: no server in unit tests. */
function scriptedPort(
  origin: string,
  answers: { json?: Record<string, unknown>; form?: HttpAnswer } = {},
) {
  const sent: Array<{ path: string; body?: unknown; form?: Record<string, string> }> = [];
  const port: SessionHttpPort = {
    origin,
    async request({ path, body }) {
      sent.push({ path, body });
      if (path === "/api/v1/auth/challenge") return challenge;
      if (path === "/api/auth/csrf") return { csrfToken: "csrf-token" };
      if (answers.json && path in answers.json) return answers.json[path];
      throw new Error(`unexpected request to ${path}`);
    },
    async postForm({ path, form }) {
      sent.push({ path, form });
      return answers.form ?? { status: 200, body: { url: `${origin}/home` }, header: () => null };
    },
  };
  return { port, sent };
}

describe("email normalisation", () => {
  it.each([
    ["  Ada@Example.TEST ", "ada@example.test"],
    ["ADA@EXAMPLE.TEST", "ada@example.test"],
    ["ada@example.test", "ada@example.test"],
  ])("gives client, server schema and login message one form of %j", (typed, normal) => {
    expect(normaliseEmail(typed)).toBe(normal);
    // The server's parse of any email field is the same function's answer.
    expect(emailSchema.parse(typed)).toBe(normal);
    expect(
      signInProof.parse({
        email: typed,
        challengeId: "c",
        signature: toBase64Url(new Uint8Array(64)),
      }).email,
    ).toBe(normal);
  });

  it("signs the normalised email, so a proof typed in capitals verifies on the server", async () => {
    const login = generateUserKeys().signKeyPair;
    const { port } = scriptedPort("https://coffer.example");
    const proof = await proveLoginKey(port, "  Ada@Example.TEST ", login.privateKey);
    expect(proof.email).toBe("ada@example.test");
    const message = loginMessage(
      "https://coffer.example",
      "ada@example.test",
      challenge.challengeId,
      challenge.nonce,
    );
    expect(verifyMessage(login.publicKey, message, fromBase64Url(proof.signature))).toBe(true);
  });
});

describe("the origin in the login message", () => {
  const login = generateUserKeys().signKeyPair;
  const verifiesFor = (origin: string, signature: string) =>
    verifyMessage(
      login.publicKey,
      loginMessage(origin, "ada@example.test", challenge.challengeId, challenge.nonce),
      fromBase64Url(signature),
    );

  it("is the transport's origin, so a proof made through a phishing origin fails at the real one", async () => {
    const real = await proveLoginKey(
      scriptedPort("https://coffer.example").port,
      "ada@example.test",
      login.privateKey,
    );
    const relayed = await proveLoginKey(
      scriptedPort("https://coffer.example.evil").port,
      "ada@example.test",
      login.privateKey,
    );
    expect(verifiesFor("https://coffer.example", real.signature)).toBe(true);
    expect(verifiesFor("https://coffer.example", relayed.signature)).toBe(false);
    expect(verifiesFor("https://coffer.example.evil", relayed.signature)).toBe(true);
  });

  it("is reduced to scheme, host and port when the transport's base has a path", async () => {
    const proof = await proveLoginKey(
      scriptedPort("https://coffer.example:8443/app/").port,
      "ada@example.test",
      login.privateKey,
    );
    expect(verifiesFor("https://coffer.example:8443", proof.signature)).toBe(true);
  });
});

describe("KDF parameters from the server", () => {
  const salt = new Uint8Array(16).fill(1);
  const calls: KdfParams[] = [];
  const countingRunner: KdfRunner = {
    async slowHash(_password, _salt, params) {
      calls.push(params);
      return new Uint8Array(32).fill(3);
    },
  };
  const derive = (params: KdfParams) =>
    deriveKeys(countingRunner, { password: "pw", secretKey: new Uint8Array(16), salt, params });

  it.each([
    [
      "opslimit below the floor",
      { alg: "argon2id13", opslimit: KDF_FLOOR.opslimit - 1, memlimit: KDF_FLOOR.memlimit },
    ],
    [
      "memlimit below the floor",
      { alg: "argon2id13", opslimit: KDF_FLOOR.opslimit, memlimit: KDF_FLOOR.memlimit - 1 },
    ],
  ] as Array<[string, KdfParams]>)("refuses %s before Argon2id runs", async (_label, params) => {
    calls.length = 0;
    await expect(derive(params)).rejects.toMatchObject({ code: "weak_kdf" });
    expect(calls).toEqual([]);
  });

  it("refuses parameters beyond the ceiling before Argon2id runs", async () => {
    calls.length = 0;
    const params: KdfParams = {
      alg: "argon2id13",
      opslimit: KDF_CEILING.opslimit + 1,
      memlimit: KDF_FLOOR.memlimit,
    };
    await expect(derive(params)).rejects.toMatchObject({ code: "kdf_too_costly" });
    expect(calls).toEqual([]);
  });

  it("runs at the floor itself", async () => {
    calls.length = 0;
    const params: KdfParams = { alg: "argon2id13", ...KDF_FLOOR };
    const keys = await derive(params);
    expect(calls).toEqual([params]);
    expect(keys.accountUnlockKey).toHaveLength(32);
  });

  it("refuses a prelogin answer below the floor", async () => {
    const { port } = scriptedPort("https://coffer.example", {
      json: {
        "/api/v1/auth/prelogin": {
          salt: toBase64Url(salt),
          kdf: { alg: "argon2id13", opslimit: 1, memlimit: 8 * 1024 * 1024 },
        },
      },
    });
    await expect(prelogin(port, "ada@example.test")).rejects.toThrow();
  });
});

describe("the credentials callback's answers", () => {
  const login = generateUserKeys().signKeyPair;
  const answer = (status: number, body: unknown, retryAfter?: string): HttpAnswer => ({
    status,
    body,
    header: (name) => (name === "retry-after" ? (retryAfter ?? null) : null),
  });
  const proof = {
    email: "ada@example.test",
    challengeId: "c1",
    signature: toBase64Url(new Uint8Array(64)),
  };

  it("posts the proof with the CSRF token and json=true", async () => {
    const { port, sent } = scriptedPort("https://coffer.example");
    expect((await submitSignInProof(port, proof)).result).toBe("signed-in");
    expect(sent.at(-1)).toEqual({
      path: "/api/auth/callback/credentials",
      form: { ...proof, csrfToken: "csrf-token", json: "true" },
    });
  });

  it.each([
    [
      "wrong-credentials",
      answer(401, { url: "https://coffer.example/api/auth/error?error=CredentialsSignin" }),
    ],
    ["locked-down", answer(401, { url: "https://coffer.example/api/auth/error?error=LockedDown" })],
    ["suspended", answer(401, { url: "https://coffer.example/api/auth/error?error=Suspended" })],
    [
      "rate-limited",
      answer(429, { error: { code: "rate_limited", message: "Slow down." } }, "120"),
    ],
    ["failed", answer(502, "<html>Bad gateway</html>")],
  ] as const)("maps to %s", async (result, form) => {
    const { port } = scriptedPort("https://coffer.example", { form });
    const outcome = await submitSignInProof(port, proof);
    expect(outcome.result).toBe(result);
    await expect(signInWithLoginKey(port, proof.email, login.privateKey)).rejects.toEqual(
      expect.objectContaining({ name: "SignInError", reason: result }),
    );
  });

  it("tells a rate-limited person how long to wait", async () => {
    const { port } = scriptedPort("https://coffer.example", {
      form: answer(429, { error: { code: "rate_limited", message: "Slow down." } }, "120"),
    });
    const refusal = await signInWithLoginKey(port, proof.email, login.privateKey).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SignInError);
    expect((refusal as Error).message).toBe("Too many attempts, try again in 2 minutes.");
  });
});
