import type { Metadata } from "next";
import { Suspense } from "react";
import { RotationTracker } from "@/components/rotation/rotation-tracker";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rotation · Coffer" };

// Everyone: the flags API shows admins every flag and others those of their own vaults.
export default function RotationPage() {
  return (
    <AppPage>
      {({ account }) => (
        // The tracker reads its filters from the URL.
        <Suspense>
          <RotationTracker isAdmin={account.role !== "member"} />
        </Suspense>
      )}
    </AppPage>
  );
}
