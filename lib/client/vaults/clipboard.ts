// Secrets copied to the clipboard are cleared after a delay (DESIGN.md, sessions): per device,
// like auto-lock, because how long a clipboard may hold a secret depends on the machine.
export const CLIPBOARD_CLEAR_STORAGE_KEY = "coffer.clipboardClearSeconds";
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

export function readClipboardClearSeconds(): number {
  if (typeof window === "undefined") return DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  try {
    const raw = window.localStorage.getItem(CLIPBOARD_CLEAR_STORAGE_KEY);
    const seconds = raw === null ? NaN : Number(raw);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  } catch {
    return DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  }
}

/** 0 means "never clear". */
export function writeClipboardClearSeconds(seconds: number): void {
  window.localStorage.setItem(CLIPBOARD_CLEAR_STORAGE_KEY, String(seconds));
}

let pendingClear: ReturnType<typeof setTimeout> | null = null;

/** Copies text; for a secret, schedules clearing it if the clipboard still holds it then. */
export async function copyText(text: string, secret: boolean): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (!secret) return;
  const seconds = readClipboardClearSeconds();
  if (seconds <= 0) return;
  if (pendingClear) clearTimeout(pendingClear);
  pendingClear = setTimeout(() => {
    pendingClear = null;
    void clearIfUnchanged(text);
  }, seconds * 1000);
}

async function clearIfUnchanged(copied: string) {
  let current: string | null = null;
  try {
    current = await navigator.clipboard.readText();
  } catch {
    // Reading needs a permission the browser may refuse. Leaving a secret behind is the worse
    // failure, so an unreadable clipboard is cleared anyway.
    current = copied;
  }
  if (current !== copied) return;
  try {
    await navigator.clipboard.writeText("");
  } catch {
    // The page lost focus: browsers refuse clipboard writes from background tabs.
  }
}
