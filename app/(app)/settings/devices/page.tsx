import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ApproveDeviceView } from "@/components/devices/approve-device-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approve a device · Coffer" };

export default async function ApproveDevicePage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <ApproveDeviceView />
    </AppShell>
  );
}
