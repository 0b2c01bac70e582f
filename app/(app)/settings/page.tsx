import type { Metadata } from "next";
import { SettingsView } from "@/components/settings/settings-view";
import { sessionList } from "@/lib/server/session-views";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Coffer" };

export default function SettingsPage() {
  return (
    <AppPage>
      {/* The sessions list holds nothing encrypted: it comes with the page, as the API answers. */}
      {async ({ account, session }) => (
        <SettingsView account={account} initialSessions={(await sessionList(session)).sessions} />
      )}
    </AppPage>
  );
}
