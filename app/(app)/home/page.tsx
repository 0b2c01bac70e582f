import type { Metadata } from "next";
import { HomeView } from "@/components/home-view";
import { AppPage } from "../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Home · Coffer" };

export default function HomePage() {
  return <AppPage>{({ account }) => <HomeView account={account} />}</AppPage>;
}
