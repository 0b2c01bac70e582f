"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";

// The dialog's code (and the search across vaults it starts) loads on the first "/" or Ctrl-K,
// not with every page: most page loads never open it.
const PaletteDialog = dynamic(() => import("./palette-dialog").then((m) => m.PaletteDialog), {
  ssr: false,
});

/** Keys that open the palette: "/" outside a text field, Ctrl-K or ⌘K anywhere. */
function opensPalette(event: KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") return true;
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  return !target?.closest("input, textarea, select, [contenteditable=true]");
}

/** `typed` after the key: a character added, Backspace taking one away, anything else ignored. */
function typeAhead(typed: string, event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === "Backspace") return typed.slice(0, -1);
  return event.key.length === 1 ? typed + event.key : null;
}

/**
 * One search over every vault this person can read, from any page of the unlocked app. The
 * dialog (and the decryption of vaults it needs) mounts only once someone asks for it.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  // What is typed between the opening key and the dialog's arrival (its code loads on that
  // key): the search box starts with it, so a fast typist loses nothing. Null once it is there.
  const [typedAhead, setTypedAhead] = useState<string | null>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (open) {
        if (typedAhead === null) return;
        if (event.key === "Escape") {
          setTypedAhead(null);
          setOpen(false);
          return;
        }
        const typed = typeAhead(typedAhead, event);
        if (typed === null) return;
        event.preventDefault();
        setTypedAhead(typed);
        return;
      }
      if (!opensPalette(event)) return;
      event.preventDefault();
      setTypedAhead("");
      setOpen(true);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, typedAhead]);

  return open ? (
    <PaletteDialog
      initialQuery={typedAhead ?? ""}
      onOpened={() => setTypedAhead(null)}
      onClose={() => setOpen(false)}
    />
  ) : null;
}
