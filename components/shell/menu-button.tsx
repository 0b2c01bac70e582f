"use client";

import type { Ref } from "react";
import { Button } from "../ui/button";

export const MAIN_MENU_ID = "main-menu";

/** Opens the phone menu; its name stays "Menu" and aria-expanded says whether it is open. */
export function MenuButton({
  open,
  onToggle,
  ref,
  className = "",
}: {
  open: boolean;
  onToggle: () => void;
  ref: Ref<HTMLButtonElement>;
  className?: string;
}) {
  return (
    <Button
      ref={ref}
      variant="secondary"
      size="sm"
      aria-expanded={open}
      aria-controls={MAIN_MENU_ID}
      onClick={onToggle}
      className={className}
    >
      <svg viewBox="0 0 20 20" className="size-4" fill="none" aria-hidden="true">
        {open ? (
          <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.5" />
        ) : (
          <path d="M3 6h14M3 10h14M3 14h14" stroke="currentColor" strokeWidth="1.5" />
        )}
      </svg>
      Menu
    </Button>
  );
}
