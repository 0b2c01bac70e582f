import type { OrgRole } from "@/lib/api/account";

/** How an organisation role reads wherever a person is listed or described. */
export const roleLabels: Record<OrgRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};
