"use client";

import { useEffect, useState } from "react";
import { parseTotp, totpNow } from "@/lib/client/vaults/totp";
import { Button } from "@/components/ui/button";

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The current one-time code with its countdown; the seed itself only once revealed. */
export function TotpValue({ seed, revealed }: { seed: string; revealed: boolean }) {
  const now = useNow(1000);
  const totp = parseTotp(seed);
  if (!seed) return <p className="mt-1 text-sm text-stone-400">—</p>;
  if (!totp) return <p className="mt-1 text-sm text-red-700">Not a valid TOTP seed</p>;
  const { code, remaining } = totpNow(totp, now);
  return (
    <div className="mt-1">
      <p className="flex items-center gap-3">
        {/* One unit: split over two lines on a phone, the halves read as two codes. */}
        <span
          data-testid="totp-code"
          className="font-mono text-xl tracking-widest whitespace-nowrap text-stone-900"
        >
          {code.slice(0, 3)} {code.slice(3)}
        </span>
        <span
          className="relative size-6 shrink-0"
          role="timer"
          aria-label={`Code changes in ${remaining} seconds`}
        >
          <svg viewBox="0 0 24 24" className="size-6 -rotate-90" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill="none" stroke="#e7e5e4" strokeWidth="3" />
            <circle
              cx="12"
              cy="12"
              r="10"
              fill="none"
              stroke={remaining <= 5 ? "#dc2626" : "#1c1917"}
              strokeWidth="3"
              strokeDasharray={`${(remaining / totp.period) * 62.8} 62.8`}
            />
          </svg>
          <span className="absolute inset-0 flex items-center justify-center text-[0.55rem] font-semibold text-stone-600">
            {remaining}
          </span>
        </span>
      </p>
      {revealed && <p className="mt-1 font-mono text-xs break-all text-stone-600">{seed}</p>}
    </div>
  );
}

export function TotpCopy({
  seed,
  onCopy,
}: {
  seed: string;
  onCopy: (text: string) => Promise<void>;
}) {
  const totp = parseTotp(seed);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={!totp}
      onClick={() => totp && void onCopy(totpNow(totp).code)}
    >
      Copy code
    </Button>
  );
}
