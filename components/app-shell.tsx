"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import type { OrgRole } from "@/lib/api/account";
import { signOut } from "@/lib/client/auth";
import { lock } from "@/lib/client/keyring";
import { Brand } from "./brand";
import { LockdownBanner } from "./lockdown-banner";
import { useKeyring } from "./keyring-provider";
import { UnlockScreen } from "./unlock-screen";
import { Button } from "./ui/button";

export interface ShellAccount {
  userId: string;
  email: string;
  name: string;
  role: OrgRole;
  organizationName: string;
  /** Admins only: when the break-glass lockdown in force started, or null. */
  lockdownSince?: string | null;
}

export function isAdminRole(role: OrgRole): boolean {
  return role === "owner" || role === "admin";
}

/**
 * Navigation and the lock gate of the authenticated area. Page content that may use keys is
 * not even mounted while locked; the unlock screen takes its place.
 */
export function AppShell({ account, children }: { account: ShellAccount; children: ReactNode }) {
  const keyring = useKeyring();
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);
  // A keyring belonging to another account (a different sign-in in another tab) is not ours.
  const unlocked = keyring !== null && keyring.userId === account.userId;

  useEffect(() => {
    if (keyring && keyring.userId !== account.userId) lock();
  }, [keyring, account.userId]);

  async function onSignOut() {
    setSigningOut(true);
    lock();
    await signOut();
    // A full page load, not router.push: it drops every JavaScript object that held keys.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/signin");
  }

  const links = [
    { href: "/home", label: "Home" },
    { href: "/vaults", label: "Vaults" },
    { href: "/rotation", label: "Rotation" },
    { href: "/links", label: "Links" },
    { href: "/service-accounts", label: "Service accounts" },
    { href: "/settings", label: "Settings" },
    ...(isAdminRole(account.role)
      ? [
          { href: "/admin/people", label: "People" },
          { href: "/admin/security", label: "Security" },
          { href: "/admin/audit", label: "Audit log" },
        ]
      : []),
  ];

  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link
            href="/home"
            className="rounded-md focus-visible:outline-2 focus-visible:outline-stone-900"
          >
            <Brand />
          </Link>
          {unlocked && (
            <nav aria-label="Main" className="order-last flex w-full gap-1 sm:order-none sm:w-auto">
              {links.map((link) => {
                const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
                return (
                  <Link
                    key={link.href}
                    href={link.href}
                    aria-current={active ? "page" : undefined}
                    className={`rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
                      active
                        ? "bg-stone-900 text-white"
                        : "text-stone-600 hover:bg-stone-100 hover:text-stone-900"
                    }`}
                  >
                    {link.label}
                  </Link>
                );
              })}
            </nav>
          )}
          <div className="ml-auto flex items-center gap-2">
            <span className="hidden text-right text-xs leading-tight text-stone-500 md:block">
              <span className="block font-medium text-stone-800">{account.name}</span>
              {account.organizationName}
            </span>
            {unlocked && (
              <>
                <Button variant="secondary" size="sm" onClick={() => lock()}>
                  <svg viewBox="0 0 20 20" className="size-4" fill="none" aria-hidden="true">
                    <rect
                      x="4"
                      y="9"
                      width="12"
                      height="8"
                      rx="1.5"
                      stroke="currentColor"
                      strokeWidth="1.5"
                    />
                    <path d="M7 9V6.5a3 3 0 1 1 6 0V9" stroke="currentColor" strokeWidth="1.5" />
                  </svg>
                  Lock now
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={onSignOut}
                  busy={signingOut}
                  busyLabel="Signing out…"
                >
                  Sign out
                </Button>
              </>
            )}
          </div>
        </div>
      </header>
      {unlocked && account.lockdownSince && isAdminRole(account.role) && (
        <LockdownBanner since={account.lockdownSince} />
      )}
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
        {unlocked ? (
          children
        ) : (
          <UnlockScreen email={account.email} userId={account.userId} onSignOut={onSignOut} />
        )}
      </main>
    </div>
  );
}
