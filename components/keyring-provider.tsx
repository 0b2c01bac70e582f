"use client";

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { getKeyring, getServerKeyring, subscribeKeyring, type Keyring } from "@/lib/client/keyring";
import { installIdleLock } from "@/lib/client/idle-lock";

const KeyringContext = createContext<Keyring | null>(null);

/** Exposes the in-memory keyring to the authenticated area and runs the idle lock there. */
export function KeyringProvider({ children }: { children: ReactNode }) {
  const keyring = useSyncExternalStore(subscribeKeyring, getKeyring, getServerKeyring);
  useEffect(() => installIdleLock(), []);
  return <KeyringContext.Provider value={keyring}>{children}</KeyringContext.Provider>;
}

/** The unlocked keyring, or null while Coffer is locked. */
export function useKeyring(): Keyring | null {
  return useContext(KeyringContext);
}
