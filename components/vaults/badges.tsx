import type { VaultEnvironmentDto, VaultRoleDto } from "@/lib/api/vault";
import type { TrustStatus } from "@/lib/client/vaults/contacts";
import { ENVIRONMENT_LABELS } from "@/lib/client/vaults/templates";

const base =
  "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const environmentTones: Record<VaultEnvironmentDto, string> = {
  production: "bg-red-50 text-red-800 ring-red-200",
  staging: "bg-amber-50 text-amber-900 ring-amber-200",
  development: "bg-sky-50 text-sky-900 ring-sky-200",
  other: "bg-stone-100 text-stone-700 ring-stone-200",
};

export function EnvironmentBadge({ environment }: { environment: VaultEnvironmentDto | null }) {
  if (!environment) return null;
  return (
    <span className={`${base} ${environmentTones[environment]}`}>
      {ENVIRONMENT_LABELS[environment]}
    </span>
  );
}

export const ROLE_LABELS: Record<VaultRoleDto, string> = {
  manage: "Manager",
  edit: "Editor",
  view: "Viewer",
};

export function RoleBadge({ role }: { role: VaultRoleDto }) {
  return (
    <span className={`${base} bg-stone-100 text-stone-700 ring-stone-200`}>
      {ROLE_LABELS[role]}
    </span>
  );
}

const trustView: Record<TrustStatus, { label: string; tone: string; title: string }> = {
  self: {
    label: "You",
    tone: "bg-stone-100 text-stone-700 ring-stone-200",
    title: "Your own keys",
  },
  confirmed: {
    label: "Confirmed",
    tone: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    title: "A fingerprint comparison confirmed these keys",
  },
  unconfirmed: {
    label: "Unconfirmed",
    tone: "bg-amber-50 text-amber-900 ring-amber-200",
    title: "Pinned on first use; nobody on this account has compared the fingerprint yet",
  },
  unknown: {
    label: "Unconfirmed",
    tone: "bg-amber-50 text-amber-900 ring-amber-200",
    title: "Not pinned yet; compare the fingerprint",
  },
  changed: {
    label: "Keys changed",
    tone: "bg-red-50 text-red-800 ring-red-200",
    title: "This person's keys changed — a manager must re-confirm them",
  },
  invalid: {
    label: "Keys changed",
    tone: "bg-red-50 text-red-800 ring-red-200",
    title: "This person's key bundle does not verify",
  },
};

export function TrustBadge({ status }: { status: TrustStatus }) {
  const view = trustView[status];
  return (
    <span className={`${base} ${view.tone}`} title={view.title}>
      {view.label}
    </span>
  );
}
