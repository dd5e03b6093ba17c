/**
 * The one module that formats every number and date a person sees. Money arrives as
 * whole yuan: Chinese pages show 万元 (亿元 from 1亿 up), English pages thousands and
 * millions of yuan. Every function takes the page's language, Chinese by default.
 */
import { chinaWallClock } from "./china-time.ts";
import type { Lang } from "./i18n.ts";
import type { Figure, IndicatorKey } from "./indicators.ts";

const WAN = 10_000;
const YI = 100_000_000;

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "zh-CN", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
/** Up to two decimals, as many as the value has (quantities such as 12.5 亩). */
const UP_TO_2 = {
  zh: new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};
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

/**
 * An English count with its noun in the right number: (1, "return") → "1 return",
 * (1234, "return") → "1,234 returns", (2, "county", "counties") → "2 counties". Chinese
 * pages write the count with its measure word (个, 份) instead.
 */
export function formatCountOf(n: number | null | undefined, one: string, many = `${one}s`): string {
  if (n === null || n === undefined) return NO_DATA;
  return `${formatCount(n, "en")} ${n === 1 ? one : many}`;
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

/**
 * A change on a year earlier in words, its direction chosen from the figure as shown
 * (rounded to 0.1%), never from the raw value, so that the word and the number agree:
 * 0.071 → "比上年同期增长7.1%" / "up 7.1% on a year earlier"; −0.00005 → "与上年同期持平" /
 * "unchanged on a year earlier" (never "下降0.0%").
 */
export function formatYearOnYearChange(ratio: number, lang: Lang = "zh"): string {
  const shown = formatPercent(Math.abs(ratio), lang);
  const flat = shown === formatPercent(0, lang);
  if (lang === "en") {
    return flat
      ? "unchanged on a year earlier"
      : `${ratio > 0 ? "up" : "down"} ${shown} on a year earlier`;
  }
  return flat ? "与上年同期持平" : `比上年同期${ratio > 0 ? "增长" : "下降"}${shown}`;
}

/** What statistics offices print under a table whose rounded parts miss its rounded total. */
export const ROUNDING_NOTE: Record<Lang, string> = {
  zh: "分项数因四舍五入，与合计可能略有出入。",
  en: "Parts may not add up to the total because of rounding.",
};

/**
 * The rounding note for money shown as table cells (formatMoneyCell: 万元 to two decimals,
 * or thousands of yuan to one), when the parts as shown do not add up to the total as
 * shown; null when they do, or when a figure is missing.
 * @example moneyRoundingNote([12_345, 12_345], 24_690) // "分项数因四舍五入，与合计可能略有出入。" (1.23 + 1.23 ≠ 2.47)
 */
export function moneyRoundingNote(
  parts: readonly (number | null | undefined)[],
  total: number | null | undefined,
  lang: Lang = "zh",
): string | null {
  if (total === null || total === undefined) return null;
  if (parts.some((p) => p === null || p === undefined)) return null;
  // The figures exactly as the cells show them, in units of their last place.
  const shown = (yuan: number) =>
    Math.round(Number(formatMoneyCell(yuan, lang).replace(/,/g, "")) * 100);
  const sum = (parts as number[]).reduce((acc, p) => acc + shown(p), 0);
  return sum === shown(total) ? null : ROUNDING_NOTE[lang];
}

/**
 * The rounding note for a table of money rows (each its parts and their total, in yuan):
 * the note when any row's parts, as shown, miss its total as shown; null when none does.
 */
export function tableRoundingNote(
  rows: readonly { parts: readonly (number | null)[]; total: number | null }[],
  lang: Lang = "zh",
): string | null {
  for (const row of rows) {
    const note = moneyRoundingNote(row.parts, row.total, lang);
    if (note) return note;
  }
  return null;
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
  const d = iso ? chinaWallClock(iso) : null;
  if (!d) return NO_DATA;
  const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return lang === "en" ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${year}年${month}月${day}日`;
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

/** A number of days, e.g. a median: 5.5 → "5.5天" / "5.5 days", 1 → "1天" / "1 day". */
export function formatDays(days: number | null | undefined, lang: Lang = "zh"): string {
  if (days === null || days === undefined) return NO_DATA;
  const text = FORMATS[lang][Number.isInteger(days) ? "d0" : "d1"].format(days);
  if (lang === "zh") return `${text}天`;
  return `${text} ${days === 1 ? "day" : "days"}`;
}

/**
 * A measured quantity with the unit as entered (targets: 712只, 84.3万元): up to two
 * decimals, none when whole. English puts a space before the unit.
 */
export function formatQuantity(
  value: number | null | undefined,
  unit: string,
  lang: Lang = "zh",
): string {
  if (value === null || value === undefined) return NO_DATA;
  const text = UP_TO_2[lang].format(value);
  return lang === "en" ? `${text} ${unit}` : `${text}${unit}`;
}

/** A change in a share, in percentage points: 0.052 → "+5.2个百分点" / "+5.2 pts"; 0 → "0.0…". */
export function formatPointChange(delta: number | null | undefined, lang: Lang = "zh"): string {
  if (delta === null || delta === undefined) return NO_DATA;
  const text = FORMATS[lang].d1.format(Math.abs(delta * 100));
  const sign = text === FORMATS[lang].d1.format(0) ? "" : delta > 0 ? "+" : "−";
  return lang === "en" ? `${sign}${text} pts` : `${sign}${text}个百分点`;
}

/** A change in money with its sign: 12345 → "+1.23万元" / "+¥12.3 thousand". */
export function formatMoneyChange(delta: number | null | undefined, lang: Lang = "zh"): string {
  if (delta === null || delta === undefined) return NO_DATA;
  const text = formatMoney(Math.abs(delta), lang);
  if (text === formatMoney(0, lang)) return text;
  return `${delta > 0 ? "+" : "−"}${text}`;
}

/** Places moved in a league table: 2 → "↑2" / "up 2", −1 → "↓1" / "down 1", 0 → "—" / "same". */
export function formatRankChange(places: number | null | undefined, lang: Lang = "zh"): string {
  if (places === null || places === undefined) return NO_DATA;
  if (places === 0) return lang === "en" ? "same" : "持平";
  const n = formatCount(Math.abs(places), lang);
  if (lang === "en") return `${places > 0 ? "up" : "down"} ${n}`;
  return `${places > 0 ? "上升" : "下降"}${n}位`;
}

/** A rank: 3 → "第3名" / "3rd"; null → "—". */
export function formatRank(rank: number | null | undefined, lang: Lang = "zh"): string {
  if (rank === null || rank === undefined) return NO_DATA;
  if (lang === "zh") return `第${formatCount(rank)}名`;
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][rank % 10] ?? "th");
  return `${formatCount(rank, "en")}${suffix}`;
}

// Back office and bulletins: a figure by its indicator, and moments in China Standard Time.

const MONEY: readonly IndicatorKey[] = [
  "income_total",
  "income_median",
  "income_mean",
  "earned_income",
];
const COUNTS: readonly IndicatorKey[] = ["villages", "reporting", "weak_villages"];

/** An indicator's value as people read it: 万元, a percentage, a growth with sign, a count. */
export function formatIndicator(key: IndicatorKey, figure: Figure | null | undefined): string {
  if (!figure || figure.value === null) return NO_DATA;
  if (MONEY.includes(key)) return formatMoney(figure.value);
  if (COUNTS.includes(key)) return formatCount(figure.value);
  if (key === "yoy_growth") return formatGrowth(figure.value);
  return formatPercent(figure.value);
}

/** The numerator / denominator line under a ratio, or "". */
export function formatIndicatorBasis(key: IndicatorKey, figure: Figure | null | undefined): string {
  if (!figure || figure.numerator === undefined || figure.denominator === undefined) return "";
  if (key === "yoy_growth" || key === "income_mean") {
    return `${formatMoney(figure.numerator)} / ${key === "yoy_growth" ? formatMoney(figure.denominator) : `${formatCount(figure.denominator)}个村`}`;
  }
  if (key === "subsidy_share")
    return `${formatMoney(figure.numerator)} / ${formatMoney(figure.denominator)}`;
  return `${formatFraction(figure.numerator, figure.denominator)}个村`;
}

/** "2026-12-20T02:00:00Z" → "2026年12月20日 10:00"（北京时间）. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = iso ? chinaWallClock(iso) : null;
  if (!d) return NO_DATA;
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

/** For <input type="datetime-local">, in China time: "2026-12-20T10:00". */
export function toChinaLocalInput(iso: string): string {
  return (chinaWallClock(iso) ?? new Date(NaN)).toISOString().slice(0, 16);
}

/** "2026-12-20T02:00:00Z" → "2026年12月20日 10:00" / "20 Dec 2026, 10:00 Beijing time". */
export function formatDateTimeIn(iso: string | null | undefined, lang: Lang): string {
  if (lang === "zh") return formatDateTime(iso);
  const date = formatDate(iso, "en");
  const d = iso ? chinaWallClock(iso) : null;
  if (!d) return date;
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${date}, ${hh}:${mm} Beijing time`;
}

/**
 * A file's size for a download link, in MB (10^6 bytes) with one decimal, or KB below
 * 0.1 MB: 7273166 → "7.3 MB"; 987 → "1 KB". The same in both languages.
 */
export function formatFileSize(bytes: number, lang: Lang = "zh"): string {
  if (bytes < 100_000)
    return `${FORMATS[lang].d0.format(Math.max(1, Math.round(bytes / 1000)))} KB`;
  return `${FORMATS[lang].d1.format(bytes / 1_000_000)} MB`;
}
