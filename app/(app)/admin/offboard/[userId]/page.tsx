import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { OffboardStartView } from "@/components/offboarding/offboard-start-view";
import { Alert } from "@/components/ui/alert";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboard · Coffer" };

// Starting an offboarding is an admin's action; the API decides, this only avoids offering it.
export default async function OffboardPage({ params }: { params: Promise<{ userId: string }> }) {
  const [{ userId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      {account.role === "member" ? (
        <Alert title="Only an admin can offboard someone">
          To take a person out of a vault you manage, remove them from it in the vault&apos;s
          members: the vault key is rotated without them.
        </Alert>
      ) : (
        <OffboardStartView
          userId={userId}
          currentUserId={account.userId}
          actorRole={account.role}
        />
      )}
    </AppShell>
  );
}
