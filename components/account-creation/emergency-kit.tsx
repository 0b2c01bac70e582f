"use client";

import { useId, useState, type ReactNode } from "react";
import { downloadEmergencyKit, type EmergencyKitDetails } from "@/lib/client/emergency-kit-text";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useKitLeaveWarning } from "./use-kit-leave-warning";

function KitRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{label}</dt>
      <dd className="text-sm break-all text-stone-900">{children}</dd>
    </div>
  );
}

/**
 * The one moment the Secret Key is shown in full. With `onContinue`, the account is not usable
 * until the person confirms they saved the kit.
 */
export function EmergencyKit({
  kit,
  onContinue,
  continuing = false,
  error,
}: {
  kit: EmergencyKitDetails;
  onContinue?: () => void;
  continuing?: boolean;
  error?: string | null;
}) {
  const [saved, setSaved] = useState(false);
  const checkboxId = useId();
  // Only the kit shown at sign-up is the last copy; one opened later can be opened again.
  useKitLeaveWarning(Boolean(onContinue) && !saved && !continuing);

  return (
    <div className="space-y-6">
      <section className="print-kit rounded-2xl border-2 border-stone-900 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex items-start justify-between gap-4">
          <div>
            <p className="text-xs font-semibold tracking-widest text-amber-700 uppercase">Coffer</p>
            <h1 className="mt-1 text-2xl font-semibold text-stone-900">Emergency Kit</h1>
          </div>
          <LockIcon />
        </div>
        <p className="mt-3 text-sm text-stone-600">
          You need your master password and this Secret Key to sign in on a new device. Coffer never
          receives either, so nobody can recover them for you.
        </p>
        <dl className="mt-4 divide-y divide-stone-200 border-y border-stone-200">
          <KitRow label="Organisation">{kit.organizationName}</KitRow>
          <KitRow label="Sign-in URL">{kit.signInUrl}</KitRow>
          <KitRow label="Email">{kit.email}</KitRow>
          <KitRow label="Secret Key">
            <span
              data-testid="secret-key"
              className="inline-block rounded-md bg-amber-50 px-2 py-1 font-mono text-base tracking-wide text-stone-900 ring-1 ring-amber-200"
            >
              {kit.secretKey}
            </span>
          </KitRow>
          <KitRow label="Master password">
            <span
              className="block h-8 border-b border-dashed border-stone-400"
              aria-hidden="true"
            />
            <span className="mt-1 block text-xs text-stone-500">
              Write it here by hand, never type it into a file.
            </span>
          </KitRow>
        </dl>
        <p className="mt-4 text-xs text-stone-500">
          Keep this kit private and safe, for example printed in a locked drawer. Anyone holding it
          and your master password can read your secrets.
        </p>
      </section>

      <div className="flex flex-wrap gap-3 print:hidden">
        <Button variant="secondary" onClick={() => window.print()}>
          <PrinterIcon />
          Print
        </Button>
        <Button variant="secondary" onClick={() => downloadEmergencyKit(kit)}>
          <DownloadIcon />
          Download as text
        </Button>
      </div>

      {onContinue && (
        <form
          className="space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm print:hidden"
          onSubmit={(event) => {
            event.preventDefault();
            if (saved && !continuing) onContinue();
          }}
        >
          <div className="flex items-start gap-3">
            <input
              id={checkboxId}
              type="checkbox"
              checked={saved}
              onChange={(event) => setSaved(event.target.checked)}
              disabled={continuing}
              className="mt-0.5 size-4 rounded border-stone-400 accent-stone-900"
            />
            <label htmlFor={checkboxId} className="text-sm text-stone-800">
              I have saved my Emergency Kit
            </label>
          </div>
          {error && <Alert>{error}</Alert>}
          <Button type="submit" disabled={!saved} busy={continuing} busyLabel="Signing in…">
            Continue
          </Button>
        </form>
      )}
    </div>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-10 text-stone-900" fill="none" aria-hidden="true">
      <rect x="4" y="10" width="16" height="11" rx="2" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 10V7a4 4 0 1 1 8 0v3" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="12" cy="15.5" r="1.5" fill="currentColor" />
    </svg>
  );
}

function PrinterIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="none" aria-hidden="true">
      <path
        d="M5 7V3h10v4M5 14H3V8a1 1 0 0 1 1-1h12a1 1 0 0 1 1 1v6h-2M5 11h10v6H5z"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="none" aria-hidden="true">
      <path
        d="M10 3v10m0 0-4-4m4 4 4-4M4 16h12"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
