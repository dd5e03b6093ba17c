/**
 * China Standard Time (UTC+8, no daylight saving): the calendar of every deadline, due date,
 * reporting month and published date on this site. One place for the offset, so that "the
 * day" and "the month" of a moment mean the same everywhere.
 */

/** UTC+8, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A Date whose UTC fields read China's wall clock at `iso` (for formatting with the
 * getUTC… methods); null when `iso` is not a date.
 */
export function chinaWallClock(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS);
}

/**
 * The China date (YYYY-MM-DD) of a moment: problems fall due and returns are late by
 * calendar day there. @example chinaDate("2026-11-30T17:00:00Z") // "2026-12-01"
 */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The China month (YYYY-MM) of a moment: the latest period that may be reported.
 * @example chinaMonth("2026-11-30T17:00:00Z") // "2026-12"
 */
export function chinaMonth(iso: string): string {
  return chinaDate(iso).slice(0, 7);
}
