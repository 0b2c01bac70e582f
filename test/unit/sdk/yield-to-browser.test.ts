import { afterEach, describe, expect, it, vi } from "vitest";
import { yieldToBrowser } from "@/lib/sdk/yield-to-browser";

const holder = globalThis as { scheduler?: unknown };

describe("yieldToBrowser", () => {
  afterEach(() => {
    delete holder.scheduler;
    vi.useRealTimers();
  });

  it("takes scheduler.yield() where the engine has it", async () => {
    const yielded = vi.fn(async () => {});
    holder.scheduler = { yield: yielded };
    await yieldToBrowser();
    expect(yielded).toHaveBeenCalledTimes(1);
  });

  it("falls back to a timer turn, resolving only once the timer fires", async () => {
    vi.useFakeTimers();
    let done = false;
    const pause = yieldToBrowser().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    await pause;
    expect(done).toBe(true);
  });
});
