import type { Metadata } from "next";
import { ServiceAccountView } from "@/components/service-accounts/service-account-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Service account · Coffer" };

// Who may see the account is decided by the API the client calls; anyone else sees its 404.
export default async function ServiceAccountPage({
  params,
}: {
  params: Promise<{ serviceAccountId: string }>;
}) {
  const { serviceAccountId } = await params;
  return (
    <AppPage>
      {() => <ServiceAccountView key={serviceAccountId} serviceAccountId={serviceAccountId} />}
    </AppPage>
  );
}
