import type { Metadata } from "next";
import { SecurityKeysView } from "@/components/mfa/security-keys-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security keys · Coffer" };

export default function SecurityKeysPage() {
  return <AppPage>{({ account }) => <SecurityKeysView account={account} />}</AppPage>;
}
