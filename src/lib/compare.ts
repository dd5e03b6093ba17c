/**
 * The list of a comparison (/compare?codes=…): which region codes it holds, read as people
 * and links write it, and the addresses that add or remove one. Pure: the page, the region
 * page's "add" link and the API read the list through parseCompareCodes alone.
 */
import { CODE_PATTERN } from "./codes.ts";
import { localePath, type Lang } from "./i18n.ts";

/** Most regions one comparison holds. */
export const MAX_COMPARED = 6;

export interface CompareCodes {
  /** Well-formed codes in the order given, each once. */
  codes: string[];
  /** What was given that is not a division code, as written. */
  invalid: string[];
  /** Codes given more than once (kept once in `codes`). */
  duplicates: string[];
}

/**
 * Reads the `codes` values of a request: codes separated by commas (also "，" and "、",
 * as a Chinese keyboard writes them) or spaces, full-width digits allowed (NFKC).
 * @example parseCompareCodes(["450422,140423，450422"]) // codes ["450422", "140423"], duplicates ["450422"]
 */
export function parseCompareCodes(values: readonly string[]): CompareCodes {
  const out: CompareCodes = { codes: [], invalid: [], duplicates: [] };
  const entries = values.flatMap((v) => v.normalize("NFKC").split(/[\s,、]+/));
  for (const entry of entries.filter(Boolean)) {
    if (!CODE_PATTERN.test(entry)) {
      if (!out.invalid.includes(entry)) out.invalid.push(entry);
    } else if (out.codes.includes(entry)) {
      if (!out.duplicates.includes(entry)) out.duplicates.push(entry);
    } else out.codes.push(entry);
  }
  return out;
}

/**
 * The comparison page of a list, in a language, optionally at a period:
 * compareHref("en", ["450422", "45"]) → "/en/compare?codes=450422,45". Codes are digits
 * only, so the commas are written as they are (readable, and the same list either way).
 */
export function compareHref(lang: Lang, codes: readonly string[], period?: string): string {
  const query = [
    ...(codes.length ? [`codes=${codes.join(",")}`] : []),
    ...(period ? [`period=${encodeURIComponent(period)}`] : []),
  ];
  return localePath(lang, "/compare") + (query.length ? `?${query.join("&")}` : "");
}

/** The list with `code` added at the end (unchanged when it is there already). */
export function withCode(codes: readonly string[], code: string): string[] {
  return codes.includes(code) ? [...codes] : [...codes, code];
}

/** The list without `code`. */
export function withoutCode(codes: readonly string[], code: string): string[] {
  return codes.filter((c) => c !== code);
}

/**
 * The region page's link to the comparison: the list the reader came with (the region
 * page's `?compare=`, carried by the comparison's own links) with this region added.
 * `included`: the region was in that list already (the link then leads back to it).
 */
export function comparisonFromRegion(
  lang: Lang,
  carried: string | null,
  code: string,
): { href: string; included: boolean; count: number } {
  const { codes } = parseCompareCodes(carried ? [carried] : []);
  const list = withCode(codes, code);
  return { href: compareHref(lang, list), included: codes.includes(code), count: list.length };
}

/** What the periods of a comparison are read from: a region's rollups by period. */
export interface Rollups {
  rollups: ReadonlyMap<string, { reporting: number; income_total: number }>;
}

/** Every period any of the regions has figures for, oldest first. */
export function comparisonPeriods(regions: readonly Rollups[]): string[] {
  return [...new Set(regions.flatMap((r) => [...r.rollups.keys()]))].sort();
}

/**
 * The period a comparison shows by default: the latest in which every region has a
 * return (a village) or at least one reporting village (an area); when they have none in
 * common, the latest any of them has; null when none has any.
 */
export function latestCommonPeriod(regions: readonly Rollups[]): string | null {
  const reported = (r: Rollups, period: string) => (r.rollups.get(period)?.reporting ?? 0) > 0;
  const periods = comparisonPeriods(regions).reverse();
  return (
    periods.find((p) => regions.every((r) => reported(r, p))) ??
    periods.find((p) => regions.some((r) => reported(r, p))) ??
    periods[0] ??
    null
  );
}

/**
 * Year-to-date income at the same month of each year up to `period` (2021-10, 2022-10, …),
 * one value per region: its income_total, null where no village reported. The periods are
 * those any region has, oldest first.
 */
export function incomeSamePeriod(
  regions: readonly Rollups[],
  period: string,
): { periods: string[]; values: (number | null)[][] } {
  const month = period.slice(5);
  const periods = comparisonPeriods(regions).filter((p) => p.slice(5) === month && p <= period);
  const values = periods.map((p) =>
    regions.map((r) => {
      const rollup = r.rollups.get(p);
      return rollup && rollup.reporting > 0 ? rollup.income_total : null;
    }),
  );
  return { periods, values };
}
