import "server-only";
import type { ReactNode } from "react";
import { AppShell, type ShellAccount } from "@/components/app-shell";
import { adminPageSession, pageSession } from "@/lib/server/page-session";
import type { SessionContext } from "@/lib/server/session";
import { shellAccount } from "./shell-account";

export interface AppPageContext {
  session: SessionContext;
  account: ShellAccount;
}

/**
 * What every page under (app) starts with, written once: the checked session (a redirect to
 * sign-in, the MFA step or Home otherwise), the shell's account facts, and the shell itself.
 * It lives in each page rather than in the layout because a layout is not re-rendered on a
 * client-side navigation: the session must be checked by the page that is being opened.
 */
export async function AppPage({
  access = "member",
  children,
}: {
  /** "admin" sends anyone else to Home; the API still decides what they may do. */
  access?: "member" | "admin";
  children: (context: AppPageContext) => ReactNode;
}) {
  const session = access === "admin" ? await adminPageSession() : await pageSession();
  const account = await shellAccount(session);
  return <AppShell account={account}>{children({ session, account })}</AppShell>;
}
