"use client";

import Link from "next/link";
import type { OrgRole } from "@/lib/api/account";
import type { PersonStatus } from "@/lib/api/checklist";
import { outranks } from "@/lib/api/user";
import { Button } from "@/components/ui/button";
import type { OwnershipHeir } from "./ownership-transfer-dialog";
import type { RoleChange } from "./role-change-dialog";
import type { Person } from "./use-people";

/** Statuses of someone with an account who can still be offboarded (not twice, not the owner). */
const offboardable = new Set<PersonStatus>(["active", "onboarding", "suspended"]);

/**
 * What the viewer may do to one person: offered only on people below the viewer in the role
 * order, as the server would refuse the rest, and for the owner, handing ownership to an admin.
 */
export function PersonActions({
  person,
  currentRole,
  onMakeOwner,
  onChangeRole,
  onChangeStatus,
}: {
  person: Person & { userId: string };
  currentRole: OrgRole;
  onMakeOwner: (heir: OwnershipHeir) => void;
  onChangeRole: (change: RoleChange) => void;
  onChangeStatus: (person: Person) => void;
}) {
  const { userId, email } = person;
  const label = person.name ?? email;
  const outranked = outranks(currentRole, person.role);
  // Someone still onboarding has an active account too.
  const signedUp = person.status === "active" || person.status === "onboarding";
  const mayBecomeOwner = currentRole === "owner" && person.role === "admin" && signedUp;
  if (!outranked && !mayBecomeOwner) return null;
  const roleAction = person.role === "admin" ? "Make member" : "Make admin";
  const statusAction = person.status === "suspended" ? "Reactivate" : "Suspend";

  return (
    <span className="inline-flex gap-2">
      {mayBecomeOwner && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Make owner: ${label}…`}
          onClick={() => onMakeOwner({ userId, label, email })}
        >
          Make owner…
        </Button>
      )}
      {outranked && signedUp && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`${roleAction}: ${label}`}
          onClick={() =>
            onChangeRole({
              userId,
              label,
              email,
              to: person.role === "admin" ? "member" : "admin",
            })
          }
        >
          {roleAction}
        </Button>
      )}
      {outranked && offboardable.has(person.status) && (
        // Another page starts the offboarding (it confirms, suspends and revokes); no
        // prefetch, so nothing is fetched before a click.
        <Link
          prefetch={false}
          href={`/admin/offboard/${encodeURIComponent(userId)}`}
          aria-label={`Offboard ${label}…`}
          className="inline-flex items-center rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-200 ring-inset hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600"
        >
          Offboard…
        </Link>
      )}
      {outranked && offboardable.has(person.status) && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`${statusAction} ${label}`}
          onClick={() => onChangeStatus(person)}
        >
          {statusAction}
        </Button>
      )}
    </span>
  );
}
