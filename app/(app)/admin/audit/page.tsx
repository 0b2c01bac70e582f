import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Coffer" };

export default function AuditPage() {
  return <AppPage access="admin">{() => <AuditView />}</AppPage>;
}
