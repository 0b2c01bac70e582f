import type { Metadata } from "next";
import { PeopleView } from "@/components/people/people-view";
import { inviteList } from "@/lib/server/invite-views";
import { organizationPeople } from "@/lib/server/people-views";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People · Coffer" };

/** People and invites hold nothing encrypted: they come with the page, as the API answers them. */
async function peopleAndInvites() {
  const [{ people }, { invites }] = await Promise.all([organizationPeople(), inviteList()]);
  return { people, invites };
}

export default function PeoplePage() {
  return (
    <AppPage access="admin">
      {/* Loaded in here, so only once the session is known to be an admin's. */}
      {async ({ account }) => {
        const { people, invites } = await peopleAndInvites();
        return (
          <PeopleView
            currentUserId={account.userId}
            currentRole={account.role}
            initialPeople={people}
            initialInvites={invites}
          />
        );
      }}
    </AppPage>
  );
}
