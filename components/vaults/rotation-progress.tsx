export function RotationProgress({ done, total }: { done: number; total: number }) {
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="space-y-1.5">
      <div
        role="progressbar"
        aria-label="Rotating the vault key"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-2 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full bg-stone-900 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" className="text-xs text-stone-600">
        {total === 0
          ? "Sealing the new key for each member…"
          : `Re-encrypting ${done} of ${total} items…`}
      </p>
    </div>
  );
}
