"use client";

import Link from "next/link";
import type { OrgRole } from "@/lib/api/account";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/vaults/select-field";
import { OffboardPlanCard } from "./offboard-plan-card";
import { useOffboardStart } from "./use-offboard-start";

/**
 * Before an offboarding starts (an admin's action): who, what will happen at once and
 * afterwards, which manual steps follow. Starting it is one confirmed request; the step-up
 * dialog asks for a key.
 */
export function OffboardStartView({
  userId,
  currentUserId,
  actorRole,
}: {
  userId: string;
  currentUserId: string;
  actorRole: OrgRole;
}) {
  const offboard = useOffboardStart(userId, currentUserId, actorRole);
  const { loaded, error, person, refusal, templateId, startError, confirming } = offboard;

  if (error) return <Alert title="This person could not be loaded">{error}</Alert>;
  if (!loaded) {
    return (
      <p role="status" className="text-sm text-stone-500">
        Loading…
      </p>
    );
  }
  if (!person) {
    return (
      <Alert title="No such person">
        They may have left already.{" "}
        <Link href="/admin/people" className="underline">
          Back to People
        </Link>
      </Alert>
    );
  }

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href="/admin/people" className="hover:underline">
          People
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Offboard {person.name}</h1>
        <p className="mt-1 text-stone-600">{person.email}</p>
      </div>

      {person.openOffboardingId && (
        <Alert tone="warning" title="An offboarding of this person is already under way">
          <Link
            href={`/offboarding/${encodeURIComponent(person.openOffboardingId)}`}
            className="font-medium underline"
          >
            Continue it
          </Link>
        </Alert>
      )}
      {person.status === "offboarded" && (
        <Alert tone="info" title={`${person.name} has been offboarded already.`} />
      )}
      {refusal && <Alert>{refusal}</Alert>}

      <OffboardPlanCard name={person.name} plan={offboard.plan} />

      <Card>
        <CardHeader
          title="Manual steps"
          description="A template adds the steps Coffer cannot do itself (accounts elsewhere, hardware)."
        />
        {loaded.templates.length === 0 ? (
          <p className="text-sm text-stone-500">No offboarding templates yet.</p>
        ) : (
          <SelectField
            label="Template"
            value={templateId}
            onChange={offboard.setTemplateId}
            className="max-w-md"
            options={loaded.templates.map((template) => ({
              value: template.id,
              label: `${template.name}${template.isDefault ? " (default)" : ""} · ${template.steps.length} ${template.steps.length === 1 ? "step" : "steps"}`,
            }))}
          />
        )}
      </Card>

      {startError && !confirming && <Alert>{startError}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={refusal !== null || person.openOffboardingId !== null}
          onClick={offboard.askToConfirm}
        >
          Offboard {person.name}…
        </Button>
        <Link
          href="/admin/people"
          className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          Cancel
        </Link>
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Offboard ${person.name} now?`}
        confirmLabel="Offboard now"
        busyLabel="Offboarding…"
        busy={offboard.starting}
        error={startError}
        onConfirm={offboard.start}
        onCancel={offboard.cancelConfirm}
      >
        {person.name} is signed out at once and cannot sign in again. Their items are flagged for
        rotation and their vaults wait to be re-keyed. This cannot be undone from here.
      </ConfirmDialog>
    </div>
  );
}
