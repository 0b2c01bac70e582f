"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

/** Disable (reversible, every token refused meanwhile) and delete (typed name, final). */
export function AccountActions({
  detail,
  reload,
}: {
  detail: ServiceAccountDetailResponse;
  reload: () => Promise<void>;
}) {
  const router = useRouter();
  const account = detail.serviceAccount;
  const [asking, setAsking] = useState<"status" | "delete" | null>(null);
  const [typed, setTyped] = useState("");
  const nextStatus = account.status === "active" ? "disabled" : "active";
  const setStatus = useAction(async () => {
    await serviceAccountApi.setStatus(account.id, nextStatus);
    setAsking(null);
    await reload();
  });
  const remove = useAction(async () => {
    await serviceAccountApi.remove(account.id);
    router.push("/service-accounts");
  });

  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" onClick={() => setAsking("status")}>
        {account.status === "active" ? "Disable" : "Enable"}
      </Button>
      <Button variant="danger" onClick={() => setAsking("delete")}>
        Delete
      </Button>
      <ConfirmDialog
        open={asking === "status"}
        tone={nextStatus === "disabled" ? "danger" : "primary"}
        title={nextStatus === "disabled" ? `Disable ${account.name}?` : `Enable ${account.name}?`}
        confirmLabel={nextStatus === "disabled" ? "Disable" : "Enable"}
        busy={setStatus.pending}
        error={setStatus.error?.message}
        onConfirm={() => void setStatus.run()}
        onCancel={() => setAsking(null)}
      >
        <p>
          {nextStatus === "disabled"
            ? "Every token of this account is refused until you enable it again."
            : "Its tokens that have not expired or been revoked work again."}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "delete"}
        title={`Delete ${account.name}?`}
        confirmLabel="Delete service account"
        busy={remove.pending}
        error={remove.error?.message}
        onConfirm={() => {
          if (typed === account.name) void remove.run();
        }}
        onCancel={() => {
          setAsking(null);
          setTyped("");
        }}
      >
        <p>
          Its vault grants and every token go with it: whatever uses it stops at once. This cannot
          be undone.
        </p>
        <Field
          className="mt-3"
          label={`Type ${account.name} to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          error={typed && typed !== account.name ? "The name does not match." : null}
        />
      </ConfirmDialog>
    </div>
  );
}
