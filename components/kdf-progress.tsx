"use client";

import { useEffect, useState } from "react";

// Argon2id with 64 MiB takes about this long on a typical laptop; the bar eases towards 95 %
// so a slower device never sees it stall at 100 % before the work is done.
const EXPECTED_MS = 1500;

/** Visible progress while the worker derives keys (it cannot report progress itself). */
export function KdfProgress({ label = "Deriving keys…" }: { label?: string }) {
  const [percent, setPercent] = useState(0);

  useEffect(() => {
    const started = performance.now();
    const timer = window.setInterval(() => {
      const elapsed = performance.now() - started;
      setPercent(Math.min(95, Math.round(95 * (1 - Math.exp(-elapsed / EXPECTED_MS)))));
    }, 80);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <div className="space-y-1.5" aria-live="polite">
      <div className="flex items-center justify-between text-xs text-stone-600">
        <span>{label}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 overflow-hidden rounded-full bg-stone-200"
      >
        <div
          className="h-full rounded-full bg-amber-500 transition-[width] duration-100 ease-linear"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
