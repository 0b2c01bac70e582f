import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { PeopleView } from "@/components/people-view";
import { adminPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People · Coffer" };

export default async function PeoplePage() {
  const account = await shellAccount(await adminPageSession());
  return (
    <AppShell account={account}>
      <PeopleView currentUserId={account.userId} currentRole={account.role} />
    </AppShell>
  );
}
