import "server-only";
import type { SessionContext } from "@/lib/server/session";
import { getOrganization } from "@/lib/server/data/organization";
import { getLockdown } from "@/lib/server/data/lockdown";
import type { ShellAccount } from "@/components/app-shell";

/** The few facts the shell shows: from the checked session plus the organisation's name. */
export async function shellAccount(session: SessionContext): Promise<ShellAccount> {
  const admin = session.role === "owner" || session.role === "admin";
  // Only admins are told about a lockdown (they are the only ones signed in during one).
  const [organization, lockdown] = await Promise.all([
    getOrganization(),
    admin ? getLockdown() : null,
  ]);
  return {
    userId: session.userId,
    email: session.email,
    name: session.name,
    role: session.role,
    organizationName: organization?.name ?? "",
    lockdownSince: lockdown?.lockdownAt?.toISOString() ?? null,
  };
}
