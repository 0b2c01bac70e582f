import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Coffer",
  description: "End-to-end encrypted secret sharing for teams",
  referrer: "no-referrer",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
