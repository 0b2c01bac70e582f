import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { THEME_COOKIE, parseTheme, themeAttribute } from "@/lib/client/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Coffer",
  description: "End-to-end encrypted secret sharing for teams",
  referrer: "no-referrer",
};

export const viewport: Viewport = { themeColor: "#1c1917" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js puts the nonce of this response's
  // Content-Security-Policy (proxy.ts) on its scripts, and a page built ahead has none.
  await connection();
  // The device's colour scheme is rendered into the page, so it is right from the first paint.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        {children}
      </body>
    </html>
  );
}
