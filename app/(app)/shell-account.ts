import "server-only";
import type { SessionContext } from "@/lib/server/session";
import { getOrganization } from "@/lib/server/data/organization";
import type { ShellAccount } from "@/components/app-shell";

/** The few facts the shell shows: from the checked session plus the organisation's name. */
export async function shellAccount(session: SessionContext): Promise<ShellAccount> {
  const organization = await getOrganization();
  return {
    userId: session.userId,
    email: session.email,
    name: session.name,
    role: session.role,
    organizationName: organization?.name ?? "",
  };
}
