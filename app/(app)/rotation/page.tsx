import type { Metadata } from "next";
import { Suspense } from "react";
import { AppShell } from "@/components/app-shell";
import { RotationTracker } from "@/components/rotation/rotation-tracker";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rotation · Coffer" };

// Everyone: the flags API shows admins every flag and others those of their own vaults.
export default async function RotationPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      {/* The tracker reads its filters from the URL. */}
      <Suspense>
        <RotationTracker isAdmin={account.role !== "member"} />
      </Suspense>
    </AppShell>
  );
}
