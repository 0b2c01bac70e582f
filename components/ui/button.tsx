import type { ButtonHTMLAttributes, Ref } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const variants: Record<Variant, string> = {
  primary:
    "bg-stone-900 text-white shadow-xs hover:bg-stone-700 focus-visible:outline-stone-900 disabled:bg-stone-400",
  secondary:
    "bg-white text-stone-900 shadow-xs ring-1 ring-inset ring-stone-300 hover:bg-stone-100 focus-visible:outline-stone-900 disabled:text-stone-400",
  danger:
    "bg-red-600 text-white shadow-xs hover:bg-red-500 focus-visible:outline-red-600 disabled:bg-red-300",
  ghost:
    "text-stone-700 hover:bg-stone-100 hover:text-stone-900 focus-visible:outline-stone-900 disabled:text-stone-400",
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
  /** While true the button is disabled and shows `busyLabel` with a spinner. */
  busy?: boolean;
  busyLabel?: string;
  /** React 19 passes refs as props: lets a caller put the focus back after an error. */
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = "primary",
  size = "md",
  busy = false,
  busyLabel,
  disabled,
  className = "",
  children,
  type = "button",
  ...props
}: ButtonProps) {
  const sizing = size === "sm" ? "px-2.5 py-1.5 text-sm" : "px-4 py-2.5 text-sm";
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed ${sizing} ${variants[variant]} ${className}`}
      {...props}
    >
      {busy && <Spinner />}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

export function Spinner() {
  return (
    <svg className="size-4 animate-spin" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
      <path
        d="M22 12a10 10 0 0 0-10-10"
        stroke="currentColor"
        strokeWidth="4"
        strokeLinecap="round"
      />
    </svg>
  );
}
