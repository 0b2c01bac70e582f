"use client";

import { lock } from "@/lib/client/keyring";
import { Button } from "../ui/button";

/** Lock now and Sign out: in the header on wide screens, at the foot of the phone menu. */
export function ShellActions({
  onSignOut,
  signingOut,
  className = "",
}: {
  onSignOut: () => void;
  signingOut: boolean;
  className?: string;
}) {
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <Button variant="secondary" size="sm" onClick={() => lock()}>
        <svg viewBox="0 0 20 20" className="size-4" fill="none" aria-hidden="true">
          <rect
            x="4"
            y="9"
            width="12"
            height="8"
            rx="1.5"
            stroke="currentColor"
            strokeWidth="1.5"
          />
          <path d="M7 9V6.5a3 3 0 1 1 6 0V9" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        Lock now
      </Button>
      <Button
        variant="ghost"
        size="sm"
        onClick={onSignOut}
        busy={signingOut}
        busyLabel="Signing out…"
        className="whitespace-nowrap"
      >
        Sign out
      </Button>
    </div>
  );
}
