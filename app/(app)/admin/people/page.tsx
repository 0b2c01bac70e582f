import type { Metadata } from "next";
import { PeopleView } from "@/components/people-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People · Coffer" };

export default function PeoplePage() {
  return (
    <AppPage access="admin">
      {({ account }) => <PeopleView currentUserId={account.userId} currentRole={account.role} />}
    </AppPage>
  );
}
