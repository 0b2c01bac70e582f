import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ServiceAccountView } from "@/components/service-accounts/service-account-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Service account · Coffer" };

// Who may see the account is decided by the API the client calls; anyone else sees its 404.
export default async function ServiceAccountPage({
  params,
}: {
  params: Promise<{ serviceAccountId: string }>;
}) {
  const [{ serviceAccountId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      <ServiceAccountView key={serviceAccountId} serviceAccountId={serviceAccountId} />
    </AppShell>
  );
}
