"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import type { OrgRole } from "@/lib/api/account";
import type { TemplateDto } from "@/lib/api/checklist";
import { outranks } from "@/lib/api/user";
import type { AdminVaultDto } from "@/lib/api/vault";
import { checklistApi } from "@/lib/client/checklists";
import { offboardingApi } from "@/lib/client/offboarding";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";

export interface Person {
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

/** What an offboarding of this person touches: their vaults, sorted by what each needs. */
export interface OffboardingPlan {
  theirVaults: AdminVaultDto[];
  /** Vaults they manage alone while others are in it: these need a new manager. */
  soloManaged: AdminVaultDto[];
  /** Vaults nobody else is in: nothing to re-key. */
  alone: AdminVaultDto[];
  rekeyCount: number;
}

/**
 * The person, their vaults and the offboarding templates; why this admin may not offboard
 * them; and the start itself, which leads to the run's page.
 */
export function useOffboardStart(userId: string, currentUserId: string, actorRole: OrgRole) {
  const router = useRouter();
  const load = useCallback(() => loadPerson(userId), [userId]);
  const { data: loaded, error } = useResource(load);
  const [chosenTemplateId, setTemplateId] = useState<string | null>(null);
  const templateId =
    chosenTemplateId ?? loaded?.templates.find((template) => template.isDefault)?.id ?? "";
  const [confirming, setConfirming] = useState(false);
  // The action ends when the run's page is asked for; the dialog stays busy while it loads.
  const [leaving, setLeaving] = useState(false);

  const plan = useMemo(() => planFor(loaded?.vaults ?? [], userId), [loaded, userId]);

  const person = loaded?.person ?? null;
  const begin = useCallback(
    async (target: Person, template: string) => {
      // Read by the offboarding benchmark: from here to the last vault re-keyed.
      performance.mark("coffer:offboard-start");
      const run = await offboardingApi.start(target.userId, template || undefined);
      setLeaving(true);
      router.push(`/offboarding/${encodeURIComponent(run.id)}`);
    },
    [router],
  );
  const start = useAction(begin);

  const refusal = !person
    ? null
    : person.userId === currentUserId
      ? "You cannot offboard yourself."
      : person.role === "owner"
        ? "Nobody can offboard the owner: the owner hands ownership to an admin first."
        : !outranks(actorRole, person.role)
          ? "Only the owner can offboard an admin."
          : null;

  return {
    loaded,
    error,
    person,
    plan,
    refusal,
    templateId,
    setTemplateId,
    confirming,
    askToConfirm() {
      start.clearError();
      setConfirming(true);
    },
    cancelConfirm: () => setConfirming(false),
    starting: start.pending || leaving,
    startError: start.error?.message ?? null,
    start() {
      if (person) void start.run(person, templateId);
    },
  };
}

function planFor(vaults: AdminVaultDto[], userId: string): OffboardingPlan {
  const theirVaults = vaults.filter((vault) =>
    vault.members.some((member) => member.userId === userId),
  );
  const soloManaged = theirVaults.filter((vault) => {
    const others = vault.members.filter((member) => member.userId !== userId);
    const theyManage = vault.members.some(
      (member) => member.userId === userId && member.role === "manage",
    );
    return theyManage && others.length > 0 && !others.some((member) => member.role === "manage");
  });
  const alone = theirVaults.filter((vault) => vault.members.length === 1);
  return { theirVaults, soloManaged, alone, rekeyCount: theirVaults.length - alone.length };
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
