import type { ManualStep } from "@/lib/api/checklist";

/** Who a manual step falls to, as the template editor and its cards name them. */
export const assigneeLabels: Record<ManualStep["assigneeRole"], string> = {
  admin: "Admins",
  vault_manager: "Vault managers",
};

export const assigneeOptions = Object.entries(assigneeLabels).map(([value, label]) => ({
  value,
  label,
}));
