"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

/** Where a held departure was going: a link of the app, or one step back in the tab's history. */
type Departure = { kind: "link"; href: string } | { kind: "back" };

/** A same-tab click on a link to another page of the app, as the router would follow it. */
function inAppDestination(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  if (link.hasAttribute("download") || (link.target && link.target !== "_self")) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search)
    return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * While `dirty`, leaving the page asks first: a reload, a closed tab or a typed address gets the
 * browser's own question (beforeunload), and a click on any link of the app — breadcrumb, menu —
 * or the browser's Back button is held until the person confirms.
 *
 * A link click is caught on the window in the capture phase, before Next's <Link> handler sees
 * it, so the router never starts the navigation. Back cannot be vetoed once it happens, so the
 * page puts a guard entry with its own address on top of the history: Back only steps from the
 * guard down to the page's own entry (a popstate with the same address, which the router treats
 * as staying put), and the page asks. Staying puts the guard back; leaving takes one more step.
 */
export function useUnsavedEditsGuard(dirty: boolean) {
  const router = useRouter();
  const [pending, setPending] = useState<Departure | null>(null);
  // The address the guard entry was pushed for, while the tab is on it; null otherwise.
  const guardedHref = useRef<string | null>(null);
  // Steps off the guard that the page took itself, each waiting for the popstate it causes.
  const ownSteps = useRef<Array<() => void>>([]);
  // Set once the person chose to leave: Back into another document asks nothing more.
  const leaving = useRef(false);

  const pushGuard = useCallback(() => {
    // The router's own state is copied, so the guard restores the same page if it is ever left.
    window.history.pushState(window.history.state, "");
    guardedHref.current = window.location.href;
  }, []);

  /**
   * Steps off the guard entry, if the tab is still on it, and resolves once the browser is back
   * on the page's own entry: a navigation after it replaces or follows the page's entry, and no
   * copy of the page is left in the history for Back to land on.
   */
  const release = useCallback(async () => {
    const href = guardedHref.current;
    guardedHref.current = null;
    if (href === null || href !== window.location.href) return;
    await new Promise<void>((resolve) => {
      ownSteps.current.push(resolve);
      window.history.back();
    });
  }, []);

  useEffect(() => {
    const onPopState = () => {
      const ownStep = ownSteps.current.shift();
      if (ownStep) return ownStep();
      const href = guardedHref.current;
      guardedHref.current = null;
      // Back from the guard lands on the page itself. Anything else (a jump of several entries
      // from the history menu) has already left, and the router follows it.
      if (href !== null && href === window.location.href) setPending({ kind: "back" });
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      // Older Chromium builds show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const destination = inAppDestination(event);
      if (!destination) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ kind: "link", href: destination });
    };
    // A tab whose only entry is this page has nothing for Back to leave to: no guard is needed.
    if (window.history.length > 1) pushGuard();
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
      // Saved or cancelled: Back should leave at once again, not land on the guard.
      void release();
    };
  }, [dirty, pushGuard, release]);

  return {
    asking: pending !== null,
    /** Steps off the guard entry before a navigation of the page's own (a save, a cancel). */
    release,
    stay() {
      // Back already stepped off the guard: put it back so the next Back asks again.
      if (pending?.kind === "back") pushGuard();
      setPending(null);
    },
    leave() {
      setPending(null);
      if (pending?.kind === "back") {
        leaving.current = true;
        window.history.back();
      } else if (pending?.kind === "link") {
        const { href } = pending;
        const onGuard = guardedHref.current !== null;
        guardedHref.current = null;
        // Replacing the guard entry leaves the history as a plain link click would have.
        if (onGuard) router.replace(href);
        else router.push(href);
      }
    },
  };
}
