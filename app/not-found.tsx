import Link from "next/link";
import { Brand } from "@/components/brand";

// Our own page rather than Next.js's default, whose inline <style> the page policy refuses.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <Brand size="lg" />
      <h1 className="text-xl font-semibold">This page could not be found.</h1>
      <Link href="/" className="text-sm font-medium text-stone-700 underline hover:text-stone-900">
        Go to Coffer
      </Link>
    </main>
  );
}
