import type { Metadata } from "next";
import { VaultsView } from "@/components/vaults/vaults-view";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vaults · Coffer" };

export default function VaultsPage() {
  return <AppPage>{() => <VaultsView />}</AppPage>;
}
