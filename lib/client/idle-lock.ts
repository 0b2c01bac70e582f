import { getKeyring, lock } from "./keyring";

export const IDLE_LOCK_STORAGE_KEY = "coffer.idleLockMinutes";
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
// Fractions of a minute are allowed so automated tests can use a few seconds.
export const MIN_IDLE_LOCK_MINUTES = 0.1;
export const MAX_IDLE_LOCK_MINUTES = 24 * 60;
const SETTING_CHANGED_EVENT = "coffer:idle-lock-changed";

export function readIdleLockMinutes(): number {
  if (typeof window === "undefined") return DEFAULT_IDLE_LOCK_MINUTES;
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(IDLE_LOCK_STORAGE_KEY);
  } catch {
    return DEFAULT_IDLE_LOCK_MINUTES;
  }
  const minutes = raw === null ? NaN : Number(raw);
  if (!Number.isFinite(minutes) || minutes < MIN_IDLE_LOCK_MINUTES) {
    return DEFAULT_IDLE_LOCK_MINUTES;
  }
  return Math.min(minutes, MAX_IDLE_LOCK_MINUTES);
}

/** Per device, like the Secret Key: it says how long this machine may stay unlocked unattended. */
export function writeIdleLockMinutes(minutes: number): void {
  window.localStorage.setItem(IDLE_LOCK_STORAGE_KEY, String(minutes));
  window.dispatchEvent(new Event(SETTING_CHANGED_EVENT));
}

const activityEvents = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll"];

/**
 * Locks the keyring after a period without pointer or keyboard activity. Time is measured
 * against the wall clock on a short interval rather than with one long timeout, because
 * background tabs and sleeping laptops delay timers: on wake or when the tab becomes visible
 * the check runs at once and locks if the limit has passed.
 */
export function installIdleLock(): () => void {
  let lastActivity = Date.now();
  let limitMs = readIdleLockMinutes() * 60_000;

  const check = () => {
    if (!getKeyring()) {
      lastActivity = Date.now();
      return;
    }
    if (Date.now() - lastActivity >= limitMs) lock();
  };
  const onActivity = () => {
    check();
    lastActivity = Date.now();
  };
  const onVisibility = () => {
    check();
    if (document.visibilityState === "visible") lastActivity = Date.now();
  };
  const onSettingChanged = () => {
    limitMs = readIdleLockMinutes() * 60_000;
    lastActivity = Date.now();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === IDLE_LOCK_STORAGE_KEY) onSettingChanged();
  };

  for (const name of activityEvents) {
    window.addEventListener(name, onActivity, { passive: true, capture: true });
  }
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener(SETTING_CHANGED_EVENT, onSettingChanged);
  window.addEventListener("storage", onStorage);
  const interval = window.setInterval(check, 1000);

  return () => {
    for (const name of activityEvents) {
      window.removeEventListener(name, onActivity, { capture: true });
    }
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener(SETTING_CHANGED_EVENT, onSettingChanged);
    window.removeEventListener("storage", onStorage);
    window.clearInterval(interval);
  };
}
