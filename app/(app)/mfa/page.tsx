import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaStepView } from "@/components/mfa/mfa-step-view";
import { signedInPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security key · Coffer" };

/**
 * Where pageSession() sends a session that still owes its second factor (a reload during
 * sign-in, a newcomer the org requires a key of). Outside AppShell: its unlock gate would ask
 * for keys this session may not fetch yet.
 */
export default async function MfaPage() {
  const session = await signedInPageSession();
  if (session.mfa.state !== "pending" && session.mfa.compliant) redirect("/home");
  const account = await shellAccount(session);
  return (
    <MfaStepView
      account={account}
      status={{ state: session.mfa.state, compliant: session.mfa.compliant }}
    />
  );
}
