"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useEffect, useState, type ReactNode } from "react";
import type { OrgRole } from "@/lib/api/account";
import { signOut } from "@/lib/client/auth";
import { lock } from "@/lib/client/keyring";
import { Brand } from "./brand";
import { CommandPalette } from "./search/command-palette";
import { LockdownBanner } from "./lockdown/lockdown-banner";
import { useKeyring } from "./keyring-provider";
import { mainLinks } from "./shell/main-links";
import { MAIN_MENU_ID, MenuButton } from "./shell/menu-button";
import { NavList } from "./shell/nav-list";
import { ShellActions } from "./shell/shell-actions";
import { useMenu } from "./shell/use-menu";
import { UnlockScreen } from "./signin/unlock-screen";

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
 * Navigation and the lock gate of the authenticated area. Wide screens get the navigation in
 * one header row, narrower ones a Menu button that opens it below the header. Page content
 * that may use keys is not even mounted while locked; the unlock screen takes its place.
 */
export function AppShell({ account, children }: { account: ShellAccount; children: ReactNode }) {
  const keyring = useKeyring();
  const { open: menuOpen, toggle: toggleMenu, buttonRef, containerRef } = useMenu();
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

  const links = mainLinks(isAdminRole(account.role));

  return (
    <div className="flex min-h-screen flex-col">
      <header ref={containerRef} className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl items-center gap-x-4 px-4 py-3 sm:px-6">
          <IntentLink
            href="/home"
            className="shrink-0 rounded-md focus-visible:outline-2 focus-visible:outline-stone-900"
          >
            <Brand />
          </IntentLink>
          {unlocked && (
            <nav aria-label="Main" className="hidden xl:block">
              <NavList links={links} look="bar" />
            </nav>
          )}
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <AccountName
              account={account}
              className={unlocked ? "hidden 2xl:block" : "hidden sm:block"}
            />
            {unlocked && (
              <>
                <ShellActions
                  onSignOut={onSignOut}
                  signingOut={signingOut}
                  className="hidden xl:flex"
                />
                <MenuButton
                  ref={buttonRef}
                  open={menuOpen}
                  onToggle={toggleMenu}
                  className="xl:hidden"
                />
              </>
            )}
          </div>
        </div>
        {unlocked && (
          // Always in the document, hidden while closed, so the button's aria-controls resolves.
          <div id={MAIN_MENU_ID} hidden={!menuOpen} className="border-t border-stone-200 xl:hidden">
            <div className="mx-auto max-w-7xl px-4 py-3 sm:px-6">
              <nav aria-label="Main">
                <NavList links={links} look="menu" />
              </nav>
              <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-3">
                <AccountName account={account} full />
                <ShellActions onSignOut={onSignOut} signingOut={signingOut} />
              </div>
            </div>
          </div>
        )}
      </header>
      {unlocked && account.lockdownSince && isAdminRole(account.role) && (
        <LockdownBanner since={account.lockdownSince} />
      )}
      <main className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-8 sm:px-6">
        {unlocked ? (
          children
        ) : (
          <UnlockScreen email={account.email} userId={account.userId} onSignOut={onSignOut} />
        )}
      </main>
      {unlocked && <CommandPalette />}
    </div>
  );
}

/**
 * Whose account this is, for someone with several. In the header row it is cut to fit, with
 * the whole in a tooltip; in the phone menu, where nothing hovers, it wraps in full.
 */
function AccountName({
  account,
  full = false,
  className = "",
}: {
  account: ShellAccount;
  full?: boolean;
  className?: string;
}) {
  const line = full ? "block long-text" : "block truncate";
  return (
    <span
      className={`min-w-0 text-xs leading-tight text-stone-500 ${full ? "flex-1" : "max-w-56"} ${className}`}
      title={full ? undefined : `${account.name} · ${account.email} · ${account.organizationName}`}
    >
      <span className={`${line} font-medium text-stone-800`}>{account.name}</span>
      {full && <span className={line}>{account.email}</span>}
      <span className={line}>{account.organizationName}</span>
    </span>
  );
}
