import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { LOCKED_DOWN_SIGN_IN_ERROR, SUSPENDED_SIGN_IN_ERROR, signInProof } from "@/lib/api/auth";
import { env } from "../env";
import { serverSecret } from "../server-secret";
import { clientAddress } from "../request-origin";
import { createSession, revokeSession, findSessionByToken } from "../data/sessions";
import { validateSessionToken, type SessionContext } from "../session-validation";
import { useSecureCookies } from "./session-cookie";
import { verifySignInProof } from "./verify-proof";
import { noteSignInFailure, noteSignInSuccess } from "./rate-limit";
import { recordAudit } from "../audit";

declare module "next-auth" {
  interface Session {
    coffer?: SessionContext;
  }
  interface User {
    sessionToken?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionToken?: string;
    coffer?: SessionContext;
  }
}

const sessionLifetimeMs = () => env.COFFER_SESSION_MAX_HOURS * 3_600_000;

export const authOptions: NextAuthOptions = {
  secret: serverSecret,
  // next-auth v4 allows only JWT sessions with credentials; the JWT carries nothing but the
  // session secret, and the database row decides on every request whether it is still valid.
  session: { strategy: "jwt", maxAge: Math.ceil(sessionLifetimeMs() / 1000) },
  // Said here rather than guessed from NEXTAUTH_URL: route handlers read the cookie by this name.
  useSecureCookies,
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Coffer",
      credentials: {
        email: { type: "text" },
        challengeId: { type: "text" },
        signature: { type: "text" },
      },
      async authorize(credentials, request) {
        const proof = signInProof.safeParse(credentials);
        if (!proof.success) return null;
        const headers = (request?.headers ?? {}) as Record<string, string | undefined>;
        const address = clientAddress(headers);
        const result = await verifySignInProof(proof.data);
        if (!result.ok) {
          // A correct proof refused by lockdown or a suspension is no guess: it does not count
          // towards the limit.
          if (result.reason === "invalid") await noteSignInFailure(proof.data.email, address);
          // Recorded against the account it names, when there is one; an unknown email is
          // not written down, since people type passwords into the wrong field.
          await recordAudit({
            action: "auth.signin_failed",
            actorId: result.userId,
            request: headers,
            details: { reason: result.reason },
          });
          // next-auth turns a thrown error into `?error=<message>` on its answer: the sign-in
          // form can say why, where a null would read as a wrong password.
          if (result.reason === "locked_down") throw new Error(LOCKED_DOWN_SIGN_IN_ERROR);
          if (result.reason === "suspended") throw new Error(SUSPENDED_SIGN_IN_ERROR);
          return null;
        }
        await noteSignInSuccess(proof.data.email);
        const session = await createSession({
          userId: result.userId,
          lifetimeMs: sessionLifetimeMs(),
          userAgent: headers["user-agent"] ?? null,
          ipAddress: address,
        });
        await recordAudit({
          action: "auth.signin",
          actorId: result.userId,
          request: headers,
          targetType: "session",
          targetId: session.sessionId,
        });
        return { id: result.userId, sessionToken: session.token };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // At sign-in the token is new; afterwards it comes back in the cookie. Either way the
      // row decides, including whether the second factor is still to come.
      const sessionToken = user?.sessionToken ?? token.sessionToken;
      if (!sessionToken) throw new Error("session missing");
      return { sessionToken, coffer: await validateSessionToken(sessionToken) };
    },
    async session({ session, token }) {
      return { expires: session.expires, coffer: token.coffer };
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sessionToken) return;
      const row = await findSessionByToken(token.sessionToken);
      if (!row) return;
      await revokeSession(row.id);
      await recordAudit({
        action: "auth.signout",
        actorId: row.userId,
        targetType: "session",
        targetId: row.id,
      });
    },
  },
  logger: {
    // Error metadata can carry request details; log the code only.
    error: (code) => console.error(`[auth] ${code}`),
    warn: (code) => console.warn(`[auth] ${code}`),
    debug: () => {},
  },
};
