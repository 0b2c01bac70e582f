import type { MachineScopeDto, MachineTokenDto } from "@/lib/api/machine";
import { TOKEN_STATUS } from "@/lib/client/service-accounts/labels";

const base =
  "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

/** Marks a principal that is a program, not a person, wherever the two are listed together. */
export function MachineBadge() {
  return (
    <span className={`${base} bg-indigo-50 text-indigo-800 ring-indigo-200`} title="A program">
      Machine
    </span>
  );
}

export function AccountStatusBadge({ status }: { status: "active" | "disabled" }) {
  return status === "active" ? null : (
    <span className={`${base} bg-stone-200 text-stone-700 ring-stone-300`}>Disabled</span>
  );
}

export const SCOPE_LABELS: Record<MachineScopeDto, string> = {
  read: "Read",
  readwrite: "Read and write",
};

export function ScopeBadge({ scope }: { scope: MachineScopeDto }) {
  return (
    <span className={`${base} bg-stone-100 text-stone-700 ring-stone-200`}>
      {SCOPE_LABELS[scope]}
    </span>
  );
}

export function TokenStatusBadge({ status }: { status: MachineTokenDto["status"] }) {
  const tone =
    status === "active"
      ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
      : "bg-stone-100 text-stone-600 ring-stone-200";
  return <span className={`${base} ${tone}`}>{TOKEN_STATUS[status]}</span>;
}
