import { redirect } from "next/navigation";
import { organizationExists } from "@/lib/server/data/organization";
import { pageSession } from "@/lib/server/page-session";

export const dynamic = "force-dynamic";

export default async function RootPage() {
  if (!(await organizationExists())) redirect("/setup");
  await pageSession();
  redirect("/home");
}
