import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "@/components/brand";

export const metadata: Metadata = { title: "Page not found · Coffer" };

const linkBase =
  "inline-flex items-center justify-center rounded-lg px-4 py-2.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900";

// Our own page rather than Next.js's default, whose inline <style> the page policy refuses, and
// one with a way on: setup and the Emergency Kit exist once, so a reload lands here.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <Brand size="lg" />
      <h1 className="text-xl font-semibold text-stone-900">This page could not be found.</h1>
      <p className="max-w-md text-sm text-stone-600">
        The address may be mistyped, or the page may no longer exist: setup and the Emergency Kit
        are shown only once. If you have just created your account, sign in with your email, master
        password and Secret Key.
      </p>
      <nav aria-label="Ways on" className="mt-2 flex flex-wrap justify-center gap-3">
        <Link href="/signin" className={`${linkBase} bg-stone-900 text-white hover:bg-stone-700`}>
          Sign in
        </Link>
        <Link
          href="/home"
          className={`${linkBase} bg-white text-stone-900 ring-1 ring-stone-300 ring-inset hover:bg-stone-100`}
        >
          Go to Home
        </Link>
      </nav>
    </main>
  );
}
