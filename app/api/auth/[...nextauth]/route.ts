import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { defaultBodyLimit } from "@/lib/api/transport";
import { authOptions } from "@/lib/server/auth/options";
import { signInAttemptGuard } from "@/lib/server/auth/sign-in-guard";
import { badRequest, HttpError } from "@/lib/server/errors";
import { appOrigin } from "@/lib/server/env";
import { assertSameOrigin } from "@/lib/server/request-origin";
import { errorResponse, readBody } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

// next-auth answers 500 to much that is merely malformed (a JSON body, a callbackUrl that is
// no URL, a GET to a POST-only callback); what it is given here is shaped as it expects.

export async function GET(request: NextRequest, context: Context) {
  try {
    const { nextauth } = await context.params;
    if (nextauth.join("/") === "callback/credentials") {
      throw new HttpError(405, "method_not_allowed", "Sign in with a POST.", undefined, {
        Allow: "POST",
      });
    }
    refuseBadFields(request.nextUrl.searchParams);
    return await handler(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: NextRequest, context: Context) {
  try {
    assertSameOrigin(request);
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw badRequest("The request body must be a form (application/x-www-form-urlencoded).");
    }
    const text = await readBody(request, defaultBodyLimit);
    const form = new URLSearchParams(text);
    refuseBadFields(request.nextUrl.searchParams);
    refuseBadFields(form);
    const forwarded = new NextRequest(request.url, {
      method: "POST",
      headers: request.headers,
      body: text,
    });
    const refused = await signInAttemptGuard(forwarded, context);
    return refused ?? (await handler(forwarded, context));
  } catch (error) {
    return errorResponse(error);
  }
}

function refuseBadFields(fields: URLSearchParams) {
  for (const [name, value] of fields) {
    if (value.includes("\u0000") || name.includes("\u0000")) {
      throw badRequest(`${name} must not contain a NUL character.`, name);
    }
  }
  const callbackUrl = fields.get("callbackUrl");
  if (callbackUrl !== null && !isOwnAddress(callbackUrl)) {
    throw badRequest("callbackUrl must be a path or an address on this site.", "callbackUrl");
  }
}

/** A path on this site (`/vaults`, not `//evil.example`) or an absolute URL of our origin. */
function isOwnAddress(value: string): boolean {
  if (/^\/(?![/\\])/.test(value)) return true;
  try {
    return new URL(value).origin === appOrigin;
  } catch {
    return false;
  }
}
