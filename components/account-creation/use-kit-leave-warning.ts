"use client";

import { useEffect } from "react";

const question =
  "Your Emergency Kit holds your Secret Key and is shown only once. Leave without saving it?";

/**
 * While the Emergency Kit is on screen and not yet saved, leaving asks first: a reload, a closed
 * tab or a typed address gets the browser's own question, and a click on a link of the app (the
 * logo) a confirm. After a reload the kit is gone for good: the Secret Key exists only here and
 * on this device.
 */
export function useKitLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium builds show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    // Capture phase: runs before Next's <Link> handler, so a refusal stops the navigation.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return;
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [active]);
}
