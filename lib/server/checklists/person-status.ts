import "server-only";
import type { ChecklistKind, PersonStatus } from "@/lib/api/checklist";

/**
 * Where a person with an account stands, most telling first: an offboarding under way, a
 * finished one (the latest decides, so a cancelled later one does not count as offboarded), a
 * suspension, an onboarding under way, else active. `runs` are the person's, oldest first.
 */
export function personStatusOf(
  user: { status: "active" | "suspended" },
  runs: Array<{ kind: ChecklistKind; status: "open" | "done" | "cancelled" }>,
): PersonStatus {
  const offboardings = runs.filter((run) => run.kind === "offboarding");
  if (offboardings.some((run) => run.status === "open")) return "offboarding";
  if (offboardings.at(-1)?.status === "done") return "offboarded";
  if (user.status === "suspended") return "suspended";
  if (runs.some((run) => run.kind === "onboarding" && run.status === "open")) return "onboarding";
  return "active";
}
