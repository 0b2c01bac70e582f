import type { Metadata } from "next";
import { LinksView } from "@/components/share-links/links-view";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Links · Coffer" };

export default function LinksPage() {
  return <AppPage>{() => <LinksView />}</AppPage>;
}
