export interface MainLink {
  href: string;
  label: string;
}

const everyone: MainLink[] = [
  { href: "/home", label: "Home" },
  { href: "/vaults", label: "Vaults" },
  { href: "/rotation", label: "Rotation" },
  { href: "/links", label: "Links" },
  { href: "/service-accounts", label: "Service accounts" },
  { href: "/settings", label: "Settings" },
];

const adminsOnly: MainLink[] = [
  { href: "/admin/people", label: "People" },
  { href: "/admin/security", label: "Security" },
  { href: "/admin/audit", label: "Audit log" },
];

/** What the main navigation offers; the pages and the API still decide who may use them. */
export function mainLinks(admin: boolean): MainLink[] {
  return admin ? [...everyone, ...adminsOnly] : everyone;
}

export function isCurrent(link: MainLink, pathname: string): boolean {
  return pathname === link.href || pathname.startsWith(`${link.href}/`);
}
