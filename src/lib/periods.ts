/** Periods are calendar months, `YYYY-MM`. Monthly returns are year-to-date (累计). */

export const PERIOD_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** The period `months` months after `period` (negative goes back). */
export function addMonths(period: string, months: number): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/** Every period from `first` to `last`, inclusive. */
export function periodRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) out.push(p);
  return out;
}

/** The same month a year earlier: the base of year-on-year growth. */
export function previousYear(period: string): string {
  return addMonths(period, -12);
}

/** December periods carry the full year's figure. */
export function isYearEnd(period: string): boolean {
  return period.endsWith("-12");
}
