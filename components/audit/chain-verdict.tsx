import type { AuditVerifyResponse } from "@/lib/api/audit";
import { countOf } from "@/lib/client/format";
import { Alert } from "../ui/alert";

export function ChainVerdict({ verdict }: { verdict: AuditVerifyResponse }) {
  if (verdict.ok) {
    return (
      <Alert tone="success">
        The audit chain is intact: {countOf(verdict.checked, "event")} verified.
      </Alert>
    );
  }
  const problem = verdict.problem;
  const description =
    problem?.kind === "edited"
      ? `Event ${problem.seq} was edited after it was written.`
      : problem?.kind === "missing"
        ? `Event ${problem.expectedSeq} is missing: it was deleted.`
        : `Events after ${problem?.lastSeq} are missing: the log was cut short.`;
  return (
    <Alert>
      The audit chain is broken. {description} {countOf(verdict.checked, "earlier event")} verified.
    </Alert>
  );
}
