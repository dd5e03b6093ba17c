/**
 * The one module that formats every number and date a person sees. Money arrives as
 * whole yuan: Chinese pages show 万元 (亿元 from 1亿 up), English pages thousands and
 * millions of yuan. Every function takes the page's language, Chinese by default.
 */
import type { Lang } from "./i18n.ts";

const WAN = 10_000;
const YI = 100_000_000;

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "zh-CN", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
const FORMATS = {
  zh: { d0: numberFormat("zh", 0), d1: numberFormat("zh", 1), d2: numberFormat("zh", 2) },
  en: { d0: numberFormat("en", 0), d1: numberFormat("en", 1), d2: numberFormat("en", 2) },
};
const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

export const NO_DATA = "—";

/** zh: 1234567 → "123.46万元", 250000000 → "2.50亿元"; en: "¥1.23 million", "¥456.7 thousand". */
export function formatMoney(yuan: number | null | undefined, lang: Lang = "zh"): string {
  if (yuan === null || yuan === undefined) return NO_DATA;
  const f = FORMATS[lang];
  if (lang === "en") {
    if (Math.abs(yuan) >= 1_000_000) return `¥${f.d2.format(yuan / 1_000_000)} million`;
    return `¥${f.d1.format(yuan / 1_000)} thousand`;
  }
  if (Math.abs(yuan) >= YI) return `${f.d2.format(yuan / YI)}亿元`;
  return `${f.d2.format(yuan / WAN)}万元`;
}

/** Money for a table cell whose header gives the unit (moneyCellUnit): 万 or thousands. */
export function formatMoneyCell(yuan: number | null | undefined, lang: Lang = "zh"): string {
  if (yuan === null || yuan === undefined) return NO_DATA;
  return lang === "en" ? FORMATS.en.d1.format(yuan / 1_000) : FORMATS.zh.d2.format(yuan / WAN);
}

/** The unit of formatMoneyCell, for column headers and axis titles. */
export function moneyCellUnit(lang: Lang = "zh"): string {
  return lang === "en" ? "¥ thousand" : "万元";
}

/** Whole yuan as written on a return: 7800 → "7,800元" / "¥7,800". */
export function formatYuan(yuan: number | null | undefined, lang: Lang = "zh"): string {
  if (yuan === null || yuan === undefined) return NO_DATA;
  const text = FORMATS[lang].d0.format(yuan);
  return lang === "en" ? `¥${text}` : `${text}元`;
}

export function formatCount(n: number | null | undefined, lang: Lang = "zh"): string {
  if (n === null || n === undefined) return NO_DATA;
  return FORMATS[lang].d0.format(n);
}

/** 0.5821 → "58.2%". */
export function formatPercent(ratio: number | null | undefined, lang: Lang = "zh"): string {
  if (ratio === null || ratio === undefined) return NO_DATA;
  return `${FORMATS[lang].d1.format(ratio * 100)}%`;
}

/** Growth with its sign: 0.083 → "+8.3%", -0.021 → "−2.1%". */
export function formatGrowth(ratio: number | null | undefined, lang: Lang = "zh"): string {
  if (ratio === null || ratio === undefined) return NO_DATA;
  const text = formatPercent(Math.abs(ratio), lang);
  if (text === formatPercent(0, lang)) return text;
  return ratio > 0 ? `+${text}` : `−${text}`;
}

/** "2026-10" → "2026年10月" / "Oct 2026". */
export function formatPeriod(period: string, lang: Lang = "zh"): string {
  const [year, month] = period.split("-");
  const m = Number(month);
  return lang === "en" ? `${MONTHS_EN[m - 1]} ${year}` : `${year}年${m}月`;
}

/** Year-to-date span: "2026-10" → "2026年1—10月累计" / "Jan–Oct 2026"; December → the year. */
export function formatYearToDate(period: string, lang: Lang = "zh"): string {
  const [year, month] = period.split("-");
  const m = Number(month);
  if (lang === "en") {
    if (m === 12) return `${year} (full year)`;
    if (m === 1) return `Jan ${year}`;
    return `Jan–${MONTHS_EN[m - 1]} ${year}`;
  }
  if (m === 12) return `${year}年全年`;
  if (m === 1) return `${year}年1月`;
  return `${year}年1—${m}月累计`;
}

/** An ISO timestamp as a date in China Standard Time: "2026年11月10日" / "10 Nov 2026". */
export function formatDate(iso: string | null | undefined, lang: Lang = "zh"): string {
  if (!iso) return NO_DATA;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_DATA;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return lang === "en"
    ? `${get("day")} ${MONTHS_EN[get("month") - 1]} ${get("year")}`
    : `${get("year")}年${get("month")}月${get("day")}日`;
}

/** "3 / 4" style numerator and denominator with thousands separators. */
export function formatFraction(
  numerator: number | undefined,
  denominator: number | undefined,
  lang: Lang = "zh",
): string {
  if (numerator === undefined || denominator === undefined) return "";
  return `${formatCount(numerator, lang)} / ${formatCount(denominator, lang)}`;
}
