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

/**
 * One search over every vault this person can read, from any page of the unlocked app. The
 * dialog (and the decryption of vaults it needs) mounts only once someone asks for it.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (open || !opensPalette(event)) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}
