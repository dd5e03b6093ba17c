/**
 * The reader's display preference (large-text mode, 适老化), kept in a cookie so that the
 * server renders the page in the right mode from the first byte (no flash), and so that
 * it works without JavaScript (a form posts to /prefs/large-text).
 */

export const LARGE_TEXT_COOKIE = "large_text";
const ONE_YEAR = 365 * 24 * 60 * 60;

/** Whether a Cookie request header turns large-text mode on. */
export function largeTextFromCookie(header: string | null | undefined): boolean {
  if (!header) return false;
  return header.split(";").some((part) => part.trim() === `${LARGE_TEXT_COOKIE}=1`);
}

/** The Set-Cookie value that switches large-text mode on or off for a year. */
export function largeTextSetCookie(on: boolean, secure: boolean): string {
  const value = on ? "1" : "0";
  // Not HttpOnly: the page's own script sets the same cookie when it toggles the mode.
  return `${LARGE_TEXT_COOKIE}=${value}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/**
 * A redirect target the reader may be sent back to: a path on this site, or null.
 * Refuses anything a browser could read as another origin ("//evil", "/\\evil",
 * "https:…"), control characters, and over-long values.
 * @example safeBackPath("/r/450422?period=2026-10") // "/r/450422?period=2026-10"
 * @example safeBackPath("//evil.example/") // null
 */
export function safeBackPath(back: string): string | null {
  if (back.length === 0 || back.length > 512) return null;
  if (!back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(back)) return null;
  try {
    // Resolved against a dummy origin, a same-site path keeps that origin.
    const url = new URL(back, "http://same.site");
    if (url.origin !== "http://same.site") return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** Reads the form's "on" field: "1" or "0", anything else is refused. */
export function parseOnFlag(value: string | null): boolean | null {
  if (value === "1") return true;
  if (value === "0") return false;
  return null;
}
