import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
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
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        {children}
      </body>
    </html>
  );
}
