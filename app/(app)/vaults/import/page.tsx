import type { Metadata } from "next";
import { ImportView } from "@/components/import/import-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import · Coffer" };

export default function ImportPage() {
  return <AppPage>{() => <ImportView />}</AppPage>;
}
