import type { Metadata } from "next";
import { auditQuery } from "@/lib/api/audit";
import { AuditView } from "@/components/audit/audit-view";
import { auditPageSize } from "@/components/audit/audit-query";
import { auditEventDtos } from "@/lib/server/audit-views";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Coffer" };

// Audit events hold no ciphertext: the newest page comes with the page, from the list API's
// own function, and the view asks the API for older pages and other filters.
async function AuditWithFirstPage() {
  const events = await auditEventDtos(auditQuery.parse({ limit: auditPageSize }));
  return <AuditView initialEvents={events} />;
}

export default function AuditPage() {
  return <AppPage access="admin">{() => <AuditWithFirstPage />}</AppPage>;
}
