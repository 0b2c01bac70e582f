"use client";

import { Card, CardHeader } from "@/components/ui/card";
import { useVaultLabels } from "@/components/rotation/use-vault-labels";
import type { OffboardingPlan } from "./use-offboard-start";

/** What an offboarding does at once and afterwards, with the person's vaults listed. */
export function OffboardPlanCard({ name, plan }: { name: string; plan: OffboardingPlan }) {
  const { theirVaults, soloManaged, alone, rekeyCount } = plan;
  const labels = useVaultLabels([]);
  return (
    <Card>
      <CardHeader title="What happens" />
      <ol className="list-decimal space-y-3 pl-5 text-sm text-stone-800">
        <li>
          <span className="font-medium">At once:</span> {name} is suspended and signed out
          everywhere. Their sessions, security keys, machine tokens, share links and the pending
          invites they created are revoked.
        </li>
        <li>
          <span className="font-medium">Flagged:</span> every item they could decrypt needs a new
          value — high priority where the audit log shows they revealed or copied it, medium for the
          rest.
        </li>
        <li>
          <span className="font-medium">Re-keyed:</span>{" "}
          {rekeyCount === 0 ? (
            "they are in no vault shared with anyone else: there is nothing to re-key."
          ) : (
            <>
              {rekeyCount} {rekeyCount === 1 ? "vault gets" : "vaults get"} a new key, made in a
              manager&apos;s browser, without them. Vaults you manage can be re-keyed from the next
              page; the others become tasks for their managers.
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
            {soloManaged.length === 1 ? "vault they manage" : "vaults they manage"} alone need a new
            manager, chosen from its members.
          </li>
        )}
        <li>
          <span className="font-medium">Then:</span> the manual steps of the template below, and a
          report of everything done.
        </li>
      </ol>
    </Card>
  );
}
