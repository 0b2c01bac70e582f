/** The Coffer mark: a small strongbox. */
export function Brand({ size = "md" }: { size?: "md" | "lg" }) {
  const box = size === "lg" ? "size-9" : "size-7";
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-stone-900">
      <span
        className={`flex ${box} items-center justify-center rounded-lg bg-stone-900 text-amber-400`}
      >
        <svg viewBox="0 0 24 24" className="size-4/6" fill="none" aria-hidden="true">
          <rect x="3" y="6" width="18" height="14" rx="2" stroke="currentColor" strokeWidth="2" />
          <path d="M3 11h18" stroke="currentColor" strokeWidth="2" />
          <rect x="10" y="9" width="4" height="4" rx="1" fill="currentColor" />
        </svg>
      </span>
      <span className={size === "lg" ? "text-xl" : "text-lg"}>Coffer</span>
    </span>
  );
}
