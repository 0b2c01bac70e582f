import { NextResponse, type NextRequest } from "next/server";
import {
  createNonce,
  pageContentSecurityPolicy,
  strictTransportSecurity,
} from "@/lib/server/content-security-policy";

// Read per request, not at build time: one build serves installations with different URLs.
const servedOverHttps = () => (process.env.COFFER_URL ?? "").startsWith("https://");

/**
 * A fresh nonce and Content-Security-Policy for every page. Next.js reads the policy from the
 * request headers and puts the nonce on its own scripts, which is why every page renders
 * dynamically (app/layout.tsx). API routes get a static policy from next.config.js instead.
 */
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(createNonce());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps()) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

export const config = {
  // Not on /api: a proxy in front of route handlers makes Next buffer their request bodies.
  // Static files carry no markup that could run.
  matcher: ["/((?!api/|api$|_next/static/|_next/image|favicon\\.ico).*)"],
};
