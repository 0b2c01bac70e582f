import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { OffboardStartView } from "@/components/offboarding/offboard-start-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboard · Coffer" };

// Admins, and managers offboarding a member of a vault they manage: the API decides who may.
export default async function OffboardPage({ params }: { params: Promise<{ userId: string }> }) {
  const [{ userId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      <OffboardStartView
        userId={userId}
        currentUserId={account.userId}
        isAdmin={account.role !== "member"}
      />
    </AppShell>
  );
}
