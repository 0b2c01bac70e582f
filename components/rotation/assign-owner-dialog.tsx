"use client";

import { useCallback, useState } from "react";
import type { ItemFlagDto } from "@/lib/api/rotation";
import type { MemberDto } from "@/lib/api/vault";
import { offboardingApi } from "@/lib/client/offboarding";
import { rotationApi } from "@/lib/client/rotation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { SelectField } from "@/components/vaults/select-field";

type Candidate = { userId: string; name: string; email: string };

/**
 * Chooses who gives a flagged item its new value: a member of the item's vault (the server
 * refuses anyone else). `members` come from the viewer's own copy of the vault when they are
 * in it; an admin who is not sees the membership the admin vault list shows.
 */
export function AssignOwnerDialog({
  flag,
  itemTitle,
  members,
  isAdmin,
  onClose,
  onDone,
}: {
  flag: ItemFlagDto;
  itemTitle: string;
  members: MemberDto[] | null;
  isAdmin: boolean;
  onClose: () => void;
  onDone: (flag: ItemFlagDto) => void;
}) {
  // An admin outside the vault asks the admin vault list; everyone else has the members.
  const loadCandidates = useCallback(async () => {
    const { vaults } = await offboardingApi.adminVaults();
    const vault = vaults.find((entry) => entry.id === flag.vaultId);
    return toCandidates(vault?.members ?? [], flag);
  }, [flag]);
  const { data: candidates, error: loadError } = useResource(
    members || !isAdmin ? null : loadCandidates,
    members ? toCandidates(members, flag) : undefined,
  );
  const [ownerId, setOwnerId] = useState(flag.owner?.id ?? "");
  // On success the dialog closes, so pending is only ever cleared by a failure.
  const assign = useAction(
    useCallback(
      async (chosen: string | null) => onDone(await rotationApi.assignOwner(flag.id, chosen)),
      [flag.id, onDone],
    ),
  );
  const busy = assign.pending;
  const error = assign.error?.message ?? loadError;

  function save() {
    void assign.run(ownerId || null);
  }

  return (
    <Modal
      open
      busy={busy}
      onClose={onClose}
      title={`Owner of ${itemTitle}`}
      description="The owner gives this secret a new value, by its due date."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {candidates === null && !error && (
          <p role="status" className="text-sm text-stone-500">
            {isAdmin ? "Loading the vault's members…" : "The vault's members are still loading."}
          </p>
        )}
        {candidates !== null && (
          <SelectField
            label="Owner"
            value={ownerId}
            onChange={setOwnerId}
            options={[
              { value: "", label: "Unassigned" },
              ...candidates.map((candidate) => ({
                value: candidate.userId,
                label: `${candidate.name} <${candidate.email}>`,
              })),
            ]}
          />
        )}
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" disabled={candidates === null} busy={busy} busyLabel="Saving…">
            Save owner
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Members who could take it on: never the person whose departure raised the flag. */
function toCandidates(members: Candidate[], flag: ItemFlagDto): Candidate[] {
  return members
    .filter((member) => member.userId !== flag.person?.id)
    .map(({ userId, name, email }) => ({ userId, name, email }));
}
