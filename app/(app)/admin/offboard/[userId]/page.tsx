import type { Metadata } from "next";
import { OffboardStartView } from "@/components/offboarding/offboard-start-view";
import { Alert } from "@/components/ui/alert";
import { AppPage } from "../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboard · Coffer" };

// Starting an offboarding is an admin's action; the API decides, this only avoids offering it.
export default async function OffboardPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  return (
    <AppPage>
      {({ account }) =>
        account.role === "member" ? (
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
        )
      }
    </AppPage>
  );
}
