import Link from "next/link";
import { dateTime } from "@/lib/client/format";

/** Shown to admins on every page while a break-glass lockdown is in force. */
export function LockdownBanner({ since }: { since: string }) {
  return (
    <div role="alert" className="bg-red-700 text-white print:hidden">
      <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm sm:px-6">
        <span className="font-semibold">Lockdown in force since {dateTime(since)}.</span>
        <span>Only admins can sign in; every item is flagged for rotation.</span>
        <Link
          href="/admin/security"
          className="font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-white"
        >
          Review or lift it
        </Link>
      </p>
    </div>
  );
}
