import type { Metadata } from "next";
import { SettingsView } from "@/components/settings-view";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Coffer" };

export default function SettingsPage() {
  return <AppPage>{({ account }) => <SettingsView account={account} />}</AppPage>;
}
