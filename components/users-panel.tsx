"use client";

import { useCallback, useEffect, useState } from "react";
import { userListResponse, type UserDto } from "@/lib/api/user";
import { api, errorMessage } from "@/lib/client/api";
import { dateTime } from "@/lib/client/format";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";

const roleLabels = { owner: "Owner", admin: "Admin", member: "Member" } as const;

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const [users, setUsers] = useState<UserDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<UserDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const result = await api("/api/v1/users", { schema: userListResponse });
      setUsers(result.users);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function applyStatus() {
    if (!target) return;
    setBusy(true);
    setDialogError(null);
    try {
      await api(`/api/v1/users/${encodeURIComponent(target.id)}/status`, {
        method: "PUT",
        json: { status: target.status === "active" ? "suspended" : "active" },
      });
      setTarget(null);
      await load();
    } catch (caught) {
      setDialogError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const suspending = target?.status === "active";

  return (
    <Card>
      <CardHeader title="Users" description="Everyone with an account in your organisation." />
      {error && <Alert className="mb-4">{error}</Alert>}
      {users === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading users…
        </p>
      )}
      {users !== null && users.length === 0 && (
        <p className="text-sm text-stone-500">No users yet.</p>
      )}
      {users !== null && users.length > 0 && (
        <div className="-mx-6 overflow-x-auto sm:-mx-8">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
              <tr>
                <th scope="col" className="px-6 py-2 font-semibold sm:px-8">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Role
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-6 py-2 text-right font-semibold sm:px-8">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {users.map((user) => (
                <tr key={user.id}>
                  <td className="px-6 py-3 font-medium text-stone-900 sm:px-8">
                    {user.name}
                    {user.id === currentUserId && (
                      <span className="ml-2 text-xs font-normal text-stone-500">(you)</span>
                    )}
                  </td>
                  <td className="px-3 py-3 text-stone-700">{user.email}</td>
                  <td className="px-3 py-3 text-stone-700">{roleLabels[user.role]}</td>
                  <td className="px-3 py-3">
                    <StatusBadge status={user.status} />
                  </td>
                  <td className="px-6 py-3 text-right sm:px-8">
                    {user.id !== currentUserId && (
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`${user.status === "active" ? "Suspend" : "Reactivate"} ${user.name}`}
                        onClick={() => {
                          setDialogError(null);
                          setTarget(user);
                        }}
                        title={`Joined ${dateTime(user.createdAt)}`}
                      >
                        {user.status === "active" ? "Suspend" : "Reactivate"}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={target !== null}
        title={suspending ? `Suspend ${target?.name}?` : `Reactivate ${target?.name}?`}
        confirmLabel={suspending ? "Suspend" : "Reactivate"}
        busyLabel={suspending ? "Suspending…" : "Reactivating…"}
        tone={suspending ? "danger" : "primary"}
        busy={busy}
        error={dialogError}
        onConfirm={applyStatus}
        onCancel={() => setTarget(null)}
      >
        {suspending
          ? `${target?.email} is signed out everywhere at once and cannot sign in until reactivated.`
          : `${target?.email} will be able to sign in again.`}
      </ConfirmDialog>
    </Card>
  );
}

function StatusBadge({ status }: { status: string }) {
  const styles: Record<string, string> = {
    active: "bg-emerald-100 text-emerald-800",
    pending: "bg-amber-100 text-amber-800",
    suspended: "bg-red-100 text-red-800",
    revoked: "bg-stone-200 text-stone-700",
    expired: "bg-stone-200 text-stone-700",
    used: "bg-sky-100 text-sky-800",
  };
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize ${styles[status] ?? "bg-stone-100 text-stone-700"}`}
    >
      {status === "used" ? "accepted" : status}
    </span>
  );
}

export { StatusBadge };
