"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { OrgRole } from "@/lib/api/account";
import type { TemplateDto } from "@/lib/api/checklist";
import { outranks } from "@/lib/api/user";
import type { AdminVaultDto } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { offboardingApi } from "@/lib/client/offboarding";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/vaults/select-field";
import { useVaultLabels } from "@/components/rotation/use-vault-labels";

interface Person {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "member";
  /** Where the person stands and their open offboarding, if any. */
  status: string | null;
  openOffboardingId: string | null;
}

interface Loaded {
  person: Person | null;
  /** Every vault's membership, as admins see it. */
  vaults: AdminVaultDto[];
  templates: TemplateDto[];
}

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
  const router = useRouter();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    loadPerson(userId)
      .then((result) => {
        if (!current) return;
        setLoaded(result);
        setTemplateId(result.templates.find((template) => template.isDefault)?.id ?? "");
      })
      .catch((caught) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [userId]);

  const theirVaults = useMemo(
    () =>
      (loaded?.vaults ?? []).filter((vault) =>
        vault.members.some((member) => member.userId === userId),
      ),
    [loaded, userId],
  );
  const labels = useVaultLabels([]);

  if (error) return <Alert title="This person could not be loaded">{error}</Alert>;
  if (!loaded) {
    return (
      <p role="status" className="text-sm text-stone-500">
        Loading…
      </p>
    );
  }
  const { person } = loaded;
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

  const soloManaged = theirVaults.filter((vault) => {
    const others = vault.members.filter((member) => member.userId !== userId);
    const theyManage = vault.members.some(
      (member) => member.userId === userId && member.role === "manage",
    );
    return theyManage && others.length > 0 && !others.some((member) => member.role === "manage");
  });
  const alone = theirVaults.filter((vault) => vault.members.length === 1);
  const rekeyCount = theirVaults.length - alone.length;
  const refusal =
    person.userId === currentUserId
      ? "You cannot offboard yourself."
      : person.role === "owner"
        ? "Nobody can offboard the owner: the owner hands ownership to an admin first."
        : !outranks(actorRole, person.role)
          ? "Only the owner can offboard an admin."
          : null;

  async function start() {
    if (!person) return;
    setBusy(true);
    setStartError(null);
    // Read by the offboarding benchmark: from here to the last vault re-keyed.
    performance.mark("coffer:offboard-start");
    try {
      const run = await offboardingApi.start(person.userId, templateId || undefined);
      router.push(`/offboarding/${encodeURIComponent(run.id)}`);
    } catch (caught) {
      setStartError(errorMessage(caught));
      setBusy(false);
    }
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

      <Card>
        <CardHeader title="What happens" />
        <ol className="list-decimal space-y-3 pl-5 text-sm text-stone-800">
          <li>
            <span className="font-medium">At once:</span> {person.name} is suspended and signed out
            everywhere. Their sessions, security keys, machine tokens, share links and the pending
            invites they created are revoked.
          </li>
          <li>
            <span className="font-medium">Flagged:</span> every item they could decrypt needs a new
            value — high priority where the audit log shows they revealed or copied it, medium for
            the rest.
          </li>
          <li>
            <span className="font-medium">Re-keyed:</span>{" "}
            {rekeyCount === 0 ? (
              "they are in no vault shared with anyone else: there is nothing to re-key."
            ) : (
              <>
                {rekeyCount} {rekeyCount === 1 ? "vault gets" : "vaults get"} a new key, made in a
                manager&apos;s browser, without them. Vaults you manage can be re-keyed from the
                next page; the others become tasks for their managers.
              </>
            )}
            {theirVaults.length > 0 && (
              <ul aria-label="Their vaults" className="mt-2 space-y-1 text-stone-700">
                {theirVaults.map((vault) => (
                  <li key={vault.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{labels.vaultName(vault.id)}</span>
                    <span className="text-xs text-stone-500">
                      {vault.itemCount} {vault.itemCount === 1 ? "item" : "items"} ·{" "}
                      {vault.members.length} {vault.members.length === 1 ? "member" : "members"}
                      {soloManaged.includes(vault) && " · they are its only manager"}
                      {alone.includes(vault) && " · nobody else is in it"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
          {soloManaged.length > 0 && (
            <li>
              <span className="font-medium">Handed over:</span> {soloManaged.length}{" "}
              {soloManaged.length === 1 ? "vault they manage" : "vaults they manage"} alone need a
              new manager, chosen from its members.
            </li>
          )}
          <li>
            <span className="font-medium">Then:</span> the manual steps of the template below, and a
            report of everything done.
          </li>
        </ol>
      </Card>

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
            onChange={setTemplateId}
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
          onClick={() => {
            setStartError(null);
            setConfirming(true);
          }}
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
        busy={busy}
        error={startError}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      >
        {person.name} is signed out at once and cannot sign in again. Their items are flagged for
        rotation and their vaults wait to be re-keyed. This cannot be undone from here.
      </ConfirmDialog>
    </div>
  );
}

async function loadPerson(userId: string): Promise<Loaded> {
  const [{ people }, { vaults }, { templates }] = await Promise.all([
    checklistApi.people(),
    offboardingApi.adminVaults(),
    checklistApi.templates(),
  ]);
  const found = people.find((entry) => entry.userId === userId);
  return {
    person: found
      ? {
          userId,
          name: found.name ?? found.email,
          email: found.email,
          role: found.role,
          status: found.status,
          openOffboardingId:
            found.openChecklists.find((checklist) => checklist.kind === "offboarding")?.id ?? null,
        }
      : null,
    vaults,
    templates: templates.filter((template) => template.kind === "offboarding"),
  };
}
