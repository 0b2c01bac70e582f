import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/signin/signin-form";
import { organizationExists } from "@/lib/server/data/organization";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · Coffer" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await organizationExists())) redirect("/setup");
  const { reason } = await searchParams;
  return <SignInForm expired={reason === "expired"} />;
}
