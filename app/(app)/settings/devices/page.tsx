import type { Metadata } from "next";
import { ApproveDeviceView } from "@/components/devices/approve-device-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approve a device · Coffer" };

export default function ApproveDevicePage() {
  return <AppPage>{() => <ApproveDeviceView />}</AppPage>;
}
