/**
 * The colour scheme a person picked for this device. "system" follows the operating system's
 * prefers-color-scheme. Kept in a cookie, not localStorage, so the server renders the page in
 * the chosen scheme and nothing flashes before a script could run
 * (docs/decisions/0059-colour-scheme-from-a-cookie.md). It is a preference, never a secret.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "coffer-theme";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Anything but "light" or "dark" (absent, edited by hand) means follow the system. */
export function parseTheme(value: string | undefined | null): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The value of <html data-theme>: absent for "system", so the stylesheet's media query decides. */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}

export function readTheme(): Theme {
  if (typeof document === "undefined") return "system";
  const entry = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${THEME_COOKIE}=`));
  return parseTheme(entry?.slice(THEME_COOKIE.length + 1));
}

/** Applies the scheme at once and remembers it for the next page this device loads. */
export function writeTheme(theme: Theme): void {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie =
    theme === "system"
      ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`
      : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
  const attribute = themeAttribute(theme);
  if (attribute) document.documentElement.dataset.theme = attribute;
  else delete document.documentElement.dataset.theme;
}
