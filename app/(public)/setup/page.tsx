import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/account-creation/setup-form";
import { organizationExists } from "@/lib/server/data/organization";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up · Coffer" };

export default async function SetupPage() {
  // Setup exists only until the first organisation does.
  if (await organizationExists()) notFound();
  return <SetupForm />;
}
