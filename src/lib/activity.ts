/**
 * Pure helpers shared by the projects, problems and targets of a region: the date their
 * status is reckoned at, paging of long lists, and how far a term target has come.
 */

/** The last day of a month: "2026-10" → "2026-10-31". */
export function lastDayOfPeriod(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period}-${String(day).padStart(2, "0")}`;
}

/**
 * The data date: projects, problems and targets are current state as of the end of the
 * latest period the data set covers (the monthly returns close then). Without a period,
 * the day of the last update; null when the data set says neither.
 */
export function dataDate(latestPeriod: string | null, lastUpdated: string | null): string | null {
  if (latestPeriod) return lastDayOfPeriod(latestPeriod);
  return lastUpdated ? lastUpdated.slice(0, 10) : null;
}

export interface Paging {
  page: number;
  per_page: number;
  total: number;
  pages: number;
}

/**
 * The page to read and the row offset it starts at. Pages clamp a page past the end to
 * the last one; the API (clamp false) answers it with an empty list, as clients expect.
 */
export function pageWindow(
  total: number,
  page: number,
  perPage: number,
  clamp = true,
): Paging & { offset: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const first = Math.max(1, Math.floor(page));
  const shown = clamp ? Math.min(first, pages) : first;
  return { page: shown, per_page: perPage, total, pages, offset: (shown - 1) * perPage };
}

/**
 * How much of the way from baseline to target the actual value has come: 0 at the
 * baseline, 1 at the target, above 1 beyond it. Null without an actual value or when
 * target equals baseline (no way to go).
 */
export function targetProgress(
  baseline: number,
  target: number,
  actual: number | null,
): number | null {
  if (actual === null || target === baseline) return null;
  return (actual - baseline) / (target - baseline);
}

/** A page number from a query parameter: absent → 1; not a whole number ≥ 1 → 1 and the bad value. */
export function parsePageParam(value: string | null): { page: number; invalid: string | null } {
  if (value === null || value === "") return { page: 1, invalid: null };
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) return { page: 1, invalid: value };
  return { page: Number(value), invalid: null };
}

/** The address of another page of one list, keeping every other parameter of the page. */
export function pageHref(url: URL, param: string, page: number, anchor: string): string {
  const params = new URLSearchParams(url.search);
  if (page <= 1) params.delete(param);
  else params.set(param, String(page));
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ""}#${anchor}`;
}
