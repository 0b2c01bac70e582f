/**
 * A pause between slices of long work on the main thread, so the page can paint and answer
 * input, after which the work goes on at once: `scheduler.yield()` where the engine has it
 * (Chromium), whose continuation runs before other waiting tasks and is never clamped, where a
 * chain of `setTimeout(0)` is held to 4 ms a turn after its fifth. Node (the CLI) takes the
 * timer.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
