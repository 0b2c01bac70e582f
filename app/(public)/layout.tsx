import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="px-4 pt-8 pb-2 text-center print:hidden">
        <Link
          href="/"
          className="inline-block rounded-md focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          <Brand size="lg" />
        </Link>
      </header>
      <main className="flex-1 px-4 py-8">{children}</main>
      <footer className="px-4 pb-8 text-center text-xs text-stone-500 print:hidden">
        End-to-end encrypted. Your master password and Secret Key never leave your device.
      </footer>
    </div>
  );
}
