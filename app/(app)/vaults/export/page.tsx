import type { Metadata } from "next";
import { ExportView } from "@/components/export/export-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Export · Coffer" };

export default function ExportPage() {
  return <AppPage>{() => <ExportView />}</AppPage>;
}
