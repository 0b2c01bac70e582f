import type { Metadata } from "next";
import { ServiceAccountsView } from "@/components/service-accounts/service-accounts-view";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Service accounts · Coffer" };

export default function ServiceAccountsPage() {
  return <AppPage>{() => <ServiceAccountsView />}</AppPage>;
}
