"use client";

import { useRouter } from "next/navigation";
import type { OrgRole } from "@/lib/api/account";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { PersonTable } from "@/components/ui/person-table";
import { OwnershipTransferDialog } from "./ownership-transfer-dialog";
import { PersonActions } from "./person-actions";
import { PersonRow } from "./person-row";
import { RoleChangeDialog } from "./role-change-dialog";
import { StatusChangeDialog } from "./status-change-dialog";
import type { People, PeopleFilter } from "./use-people";

const filters: Array<{ value: PeopleFilter; label: string }> = [
  { value: "all", label: "All" },
  { value: "invited", label: "Invited" },
  { value: "onboarding", label: "Onboarding" },
  { value: "active", label: "Active" },
  { value: "offboarding", label: "Offboarding" },
  { value: "offboarded", label: "Offboarded" },
  { value: "suspended", label: "Suspended" },
];

const columns = ["Role", "Status", "Open checklists"];

/**
 * Everyone the organisation knows — invitees before they have an account included — with where
 * they stand and their open checklists, and the actions an admin takes on a person.
 */
export function PeoplePanel({
  people,
  currentUserId,
  currentRole,
}: {
  people: People;
  currentUserId: string;
  currentRole: OrgRole;
}) {
  const router = useRouter();
  const { shown, reload } = people;

  return (
    <Card>
      <CardHeader
        title="Everyone"
        description="Each person with where they stand, and the checklists still open for them."
      />
      <FilterButtons
        label="Show people"
        options={filters}
        value={people.filter}
        onChange={people.setFilter}
        counts={people.counts}
        className="mb-4 flex flex-wrap gap-2"
      />
      {people.error && <Alert className="mb-4">{people.error}</Alert>}
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          {people.people.length ? "Nobody matches this filter." : "Nobody here yet."}
        </p>
      ) : (
        <PersonTable columns={columns} label="People">
          {shown.map((person) => {
            const self = person.userId === currentUserId;
            const { userId } = person;
            return (
              <PersonRow
                key={userId ?? `invite:${person.email}`}
                person={person}
                self={self}
                actions={
                  userId &&
                  !self && (
                    <PersonActions
                      person={{ ...person, userId }}
                      currentRole={currentRole}
                      onMakeOwner={people.setHeir}
                      onChangeRole={people.setRoleChange}
                      onChangeStatus={people.setStatusTarget}
                    />
                  )
                }
              />
            );
          })}
        </PersonTable>
      )}
      <StatusChangeDialog
        person={people.statusTarget}
        onCancel={() => people.setStatusTarget(null)}
        onDone={async () => {
          people.setStatusTarget(null);
          await reload();
        }}
      />
      <RoleChangeDialog
        change={people.roleChange}
        onCancel={() => people.setRoleChange(null)}
        onDone={() => {
          people.setRoleChange(null);
          void reload();
        }}
      />
      <OwnershipTransferDialog
        heir={people.heir}
        onCancel={() => people.setHeir(null)}
        onDone={() => {
          people.setHeir(null);
          // The viewer is an admin now: the server-rendered shell and this panel both change.
          router.refresh();
          void reload();
        }}
      />
    </Card>
  );
}
