/**
 * The one module that formats every number and date a person sees (zh-CN).
 * Money arrives as whole yuan and is shown in 万元, or 亿元 from 1亿 up.
 */

const WAN = 10_000;
const YI = 100_000_000;

const decimal2 = new Intl.NumberFormat("zh-CN", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const integer = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const percent1 = new Intl.NumberFormat("zh-CN", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export const NO_DATA = "—";

/** 1234567 → "123.46万元"; 250000000 → "2.50亿元". */
export function formatMoney(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NO_DATA;
  if (Math.abs(yuan) >= YI) return `${decimal2.format(yuan / YI)}亿元`;
  return `${decimal2.format(yuan / WAN)}万元`;
}

/** Money in 万 without the unit, for table columns headed "万元". */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NO_DATA;
  return decimal2.format(yuan / WAN);
}

/** Whole yuan as written on a return: 7800 → "7,800元". */
export function formatYuan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NO_DATA;
  return `${integer.format(yuan)}元`;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return NO_DATA;
  return integer.format(n);
}

/** 0.5821 → "58.2%". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return NO_DATA;
  return percent1.format(ratio);
}

/** Growth with its sign: 0.083 → "+8.3%", -0.021 → "−2.1%". */
export function formatGrowth(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return NO_DATA;
  const text = percent1.format(Math.abs(ratio));
  if (text === percent1.format(0)) return text;
  return ratio > 0 ? `+${text}` : `−${text}`;
}

/** "2026-10" → "2026年10月". */
export function formatPeriod(period: string): string {
  const [year, month] = period.split("-");
  return `${year}年${Number(month)}月`;
}

/** Year-to-date span of a period: "2026-10" → "2026年1—10月累计"; December → "2025年全年". */
export function formatYearToDate(period: string): string {
  const [year, month] = period.split("-");
  const m = Number(month);
  if (m === 12) return `${year}年全年`;
  if (m === 1) return `${year}年1月`;
  return `${year}年1—${m}月累计`;
}

/** An ISO timestamp as a date in China Standard Time: "2026年11月10日". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NO_DATA;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_DATA;
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}年${get("month")}月${get("day")}日`;
}

/** "3 / 4" style numerator and denominator with thousands separators. */
export function formatFraction(
  numerator: number | undefined,
  denominator: number | undefined,
): string {
  if (numerator === undefined || denominator === undefined) return "";
  return `${formatCount(numerator)} / ${formatCount(denominator)}`;
}
