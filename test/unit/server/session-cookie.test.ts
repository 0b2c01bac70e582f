// API routes open next-auth's session cookie themselves, with the key derived once: every cookie
// next-auth seals must open to the same session secret, and anything else must not open at all.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const secret = "unit-test-server-secret-of-at-least-32-characters";
process.env.COFFER_SECRET = secret;
const { readSessionCookie, sessionCookieName, sessionSecretOfCookie } =
  await import("@/lib/server/auth/session-cookie");

const sessionToken = "c2Vzc2lvbi1zZWNyZXQtb2YtdGhpcnR5LXR3by1ieXRlcw";
const seal = (token: Record<string, unknown>, options: { maxAge?: number; key?: string } = {}) =>
  encode({ token, secret: options.key ?? secret, maxAge: options.maxAge ?? 3600 });

describe("sessionSecretOfCookie", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await seal({ sessionToken, coffer: { userId: "someone" } });
  });

  it("opens a cookie next-auth sealed to the session secret inside", () => {
    expect(sessionSecretOfCookie(cookie)).toBe(sessionToken);
  });

  it("refuses a cookie sealed under another server's secret", async () => {
    const foreign = await seal(
      { sessionToken },
      { key: "another-server-secret-of-32-characters!!" },
    );
    expect(sessionSecretOfCookie(foreign)).toBeNull();
  });

  it("refuses a cookie with any part altered", () => {
    const parts = cookie.split(".");
    for (const index of [0, 2, 3, 4]) {
      const altered = [...parts];
      const part = altered[index]!;
      altered[index] = (part[0] === "A" ? "B" : "A") + part.slice(1);
      expect(sessionSecretOfCookie(altered.join(".")), `part ${index}`).toBeNull();
    }
  });

  it("refuses a header naming another algorithm, and a token without a header", () => {
    const [, ...rest] = cookie.split(".");
    const header = Buffer.from(JSON.stringify({ alg: "dir", enc: "A128GCM" })).toString(
      "base64url",
    );
    expect(sessionSecretOfCookie([header, ...rest].join("."))).toBeNull();
    expect(sessionSecretOfCookie(rest.join("."))).toBeNull();
  });

  it("refuses an expired cookie, beyond the 15-second tolerance", async () => {
    expect(sessionSecretOfCookie(await seal({ sessionToken }, { maxAge: -60 }))).toBeNull();
    expect(sessionSecretOfCookie(await seal({ sessionToken }, { maxAge: -5 }))).toBe(sessionToken);
  });

  it("refuses a cookie that holds no session secret", async () => {
    expect(sessionSecretOfCookie(await seal({ coffer: {} }))).toBeNull();
    expect(sessionSecretOfCookie("not.a.cookie.at.all")).toBeNull();
    expect(sessionSecretOfCookie("")).toBeNull();
  });
});

describe("readSessionCookie", () => {
  it("finds the session cookie among others", () => {
    expect(readSessionCookie(`a=1; ${sessionCookieName}=abc.def; b=2`)).toBe("abc.def");
  });

  it("joins next-auth's chunks in numeric order", () => {
    const header = [
      `${sessionCookieName}.10=k`,
      `${sessionCookieName}.2=c`,
      `${sessionCookieName}.0=a`,
      `${sessionCookieName}.1=b`,
    ].join("; ");
    expect(readSessionCookie(header)).toBe("abck");
  });

  it("answers null without the cookie, or for a look-alike name", () => {
    expect(readSessionCookie(null)).toBeNull();
    expect(readSessionCookie("other=1")).toBeNull();
    expect(readSessionCookie(`x${sessionCookieName}=1; ${sessionCookieName}.a=2`)).toBeNull();
  });
});
