import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";
import { signInAttemptGuard } from "@/lib/server/auth/sign-in-guard";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

export const GET = handler;

export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const refused = await signInAttemptGuard(request, context);
  return refused ?? handler(request, context);
}
