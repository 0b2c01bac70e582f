"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { SharePassphraseKdfDto } from "@/lib/api/share-link";
import { getSodium, parseShareFragment, type SharePayload } from "@/lib/crypto";
import { errorMessage } from "@/lib/client/api";
import { inspectLink, revealLink } from "@/lib/client/share-links";

export type RevealPhase =
  | { kind: "reading" }
  | { kind: "incomplete" }
  | { kind: "ready"; busy: boolean; error: string | null }
  | {
      kind: "passphrase";
      kdf: SharePassphraseKdfDto;
      busy: boolean;
      error: string | null;
      attempt: number;
    }
  | { kind: "revealed"; payload: SharePayload; viewsLeft: number }
  | { kind: "gone" };

/** The server's sentence says how many tries are left; this one says nothing was spent. */
const wrongPassphrase = (serverMessage: string) =>
  `${serverMessage} The link was not used up: check the passphrase with the sender and try again.`;

/** Whether the fragment is a link's secret at all: checked on this device, nothing is sent. */
async function isLinkSecret(fragment: string): Promise<boolean> {
  if (!fragment) return false;
  await getSodium();
  try {
    parseShareFragment(fragment).fill(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The reveal flow of /s. On load it only reads the fragment and takes it out of the address
 * bar; nothing goes over the network until the person presses Reveal, so a link preview, a
 * crawler or a prefetch cannot spend a view (DESIGN.md, key hierarchy item 13).
 */
export function useShareReveal() {
  const fragment = useRef<string | null>(null);
  const [phase, setPhase] = useState<RevealPhase>({ kind: "reading" });

  useEffect(() => {
    // React runs effects twice in development; the fragment is gone after the first read.
    if (fragment.current !== null) return;
    const hash = window.location.hash.replace(/^#/, "");
    fragment.current = hash;
    // The key must not stay in the address bar, the history, or a bookmark of this page.
    if (window.location.hash) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    void isLinkSecret(hash).then((valid) =>
      setPhase(valid ? { kind: "ready", busy: false, error: null } : { kind: "incomplete" }),
    );
  }, []);

  const open = useCallback(
    async (passphrase: string | undefined, settings: SharePassphraseKdfDto | null) => {
      const link = fragment.current;
      if (!link) return;
      const result = await revealLink(link, passphrase, settings);
      if (result.status === "revealed") {
        // The link has done its job; the decrypted payload is all the page keeps.
        fragment.current = "";
        setPhase({ kind: "revealed", payload: result.payload, viewsLeft: result.viewsLeft });
      } else if (result.status === "gone") {
        fragment.current = "";
        setPhase({ kind: "gone" });
      } else {
        setPhase((current) =>
          current.kind === "passphrase"
            ? {
                ...current,
                busy: false,
                error: wrongPassphrase(result.message),
                attempt: current.attempt + 1,
              }
            : current,
        );
      }
    },
    [],
  );

  const reveal = useCallback(async () => {
    const link = fragment.current;
    if (!link) return;
    setPhase({ kind: "ready", busy: true, error: null });
    try {
      const inspected = await inspectLink(link);
      if (inspected.status === "gone") {
        fragment.current = "";
        return setPhase({ kind: "gone" });
      }
      if (inspected.passphrase) {
        const kdf = inspected.passphrase;
        return setPhase({ kind: "passphrase", kdf, busy: false, error: null, attempt: 0 });
      }
      await open(undefined, null);
    } catch (caught) {
      setPhase({ kind: "ready", busy: false, error: errorMessage(caught) });
    }
  }, [open]);

  const submitPassphrase = useCallback(
    async (passphrase: string, kdf: SharePassphraseKdfDto) => {
      setPhase((current) =>
        current.kind === "passphrase" ? { ...current, busy: true, error: null } : current,
      );
      try {
        await open(passphrase, kdf);
      } catch (caught) {
        setPhase((current) =>
          current.kind === "passphrase"
            ? { ...current, busy: false, error: errorMessage(caught) }
            : current,
        );
      }
    },
    [open],
  );

  return { phase, reveal, submitPassphrase };
}
