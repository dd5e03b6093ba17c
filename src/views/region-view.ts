/**
 * Arranges a region's figures for its page: headline cards, chart specs and the
 * one-sentence summaries, in the page's language. It formats; it never computes a figure
 * (those come from services/region-report.ts, the same code the API serves).
 */
import {
  formatCount,
  formatCountOf,
  formatFraction,
  formatGrowth,
  formatMoney,
  formatPercent,
  formatYearToDate,
} from "../lib/format.ts";
import type { Lang } from "../lib/i18n.ts";
import type { Indicators } from "../lib/indicators.ts";
import { BANDS } from "../lib/indicators.ts";
import { LABELS } from "../lib/labels.ts";
import type { ChartSpec } from "../scripts/chart-spec.ts";
import type { IncomeByYear, PeriodFigures, RegionData } from "../services/region-report.ts";

export interface Card {
  indicator: string;
  label: string;
  value: string;
  raw: number | null;
  detail?: string;
}

const REPORTING = { zh: "个报送村", en: "reporting villages" };

function shareCard(i: Indicators, key: "share_ge_10w" | "share_ge_30w", lang: Lang): Card {
  const f = i[key];
  return {
    indicator: key,
    label: LABELS[lang].indicators[key],
    value: formatPercent(f.value, lang),
    raw: f.value,
    detail: `${formatFraction(f.numerator, f.denominator, lang)} ${REPORTING[lang]}`,
  };
}

/** Headline cards: an area's distribution, or a single village's own figures. */
export function headlineCards(data: RegionData, figures: PeriodFigures, lang: Lang): Card[] {
  const i = figures.indicators;
  const names = LABELS[lang].indicators;
  const en = lang === "en";
  const total: Card = {
    indicator: "income_total",
    label: names.income_total,
    value: formatMoney(i.income_total.value, lang),
    raw: i.income_total.value,
    detail: formatYearToDate(figures.period, lang),
  };
  const earned: Card = {
    indicator: "earned_income",
    label: en ? names.earned_income : `${names.earned_income}（不含补助）`,
    value: formatMoney(i.earned_income.value, lang),
    raw: i.earned_income.value,
    detail: en
      ? `Subsidies are ${formatPercent(i.subsidy_share.value, lang)} of income`
      : `补助收入占 ${formatPercent(i.subsidy_share.value, lang)}`,
  };
  const matched = i.yoy_growth.sample !== undefined && data.region.level !== "village";
  const growth: Card = {
    indicator: "yoy_growth",
    label: names.yoy_growth,
    value: formatGrowth(i.yoy_growth.value, lang),
    raw: i.yoy_growth.value,
    detail: matched
      ? en
        ? `Same ${formatCountOf(i.yoy_growth.sample, "village")} in both years`
        : `按两年均报送的 ${formatCount(i.yoy_growth.sample, lang)} 个村可比口径`
      : en
        ? "Year to date against the same months a year earlier"
        : "与上年同期累计数相比",
  };
  if (data.region.level === "village") return [total, earned, growth];
  return [
    {
      indicator: "villages",
      label: names.villages,
      value: formatCount(i.villages.value, lang),
      raw: i.villages.value,
      detail: en ? "Urban communities not included" : "不含城镇社区",
    },
    {
      indicator: "reporting",
      label: names.reporting,
      value: formatCount(i.reporting.value, lang),
      raw: i.reporting.value,
      detail: `${names.coverage} ${formatPercent(i.coverage.value, lang)} (${formatFraction(i.reporting.numerator, i.reporting.denominator, lang)})`,
    },
    total,
    earned,
    {
      indicator: "income_median",
      label: names.income_median,
      value: formatMoney(i.income_median.value, lang),
      raw: i.income_median.value,
      detail: `${en ? "Mean" : "村均"} ${formatMoney(i.income_mean.value, lang)}`,
    },
    shareCard(i, "share_ge_10w", lang),
    shareCard(i, "share_ge_30w", lang),
    {
      indicator: "weak_villages",
      label: names.weak_villages,
      value: en
        ? formatCount(i.weak_villages.value, lang)
        : `${formatCount(i.weak_villages.value)} 个`,
      raw: i.weak_villages.value,
      detail: `${formatFraction(i.weak_villages.numerator, i.weak_villages.denominator, lang)} ${REPORTING[lang]}`,
    },
    growth,
  ];
}

function growthClause(value: number | null, lang: Lang): string {
  if (value === null) return "";
  const size = formatPercent(Math.abs(value), lang);
  if (lang === "en") return `, ${value >= 0 ? "up" : "down"} ${size} on a year earlier`;
  return `，比上年同期${value >= 0 ? "增长" : "下降"}${size}`;
}

/** The sentence under the page title. */
export function leadSentence(data: RegionData, figures: PeriodFigures, lang: Lang): string {
  const i = figures.indicators;
  const span = formatYearToDate(figures.period, lang);
  const name = data.region.name;
  const growth = growthClause(i.yoy_growth.value, lang);
  if (lang === "en") {
    if (data.region.level === "village") {
      return i.reporting.value
        ? `${span}: the village collective of ${name} earned ${formatMoney(i.income_total.value, lang)}${growth}.`
        : `${span}: ${name} did not report its collective income.`;
    }
    return (
      `${span}: ${formatCount(i.reporting.value, lang)} of ${formatCountOf(i.villages.value, "village committee")} in ${name} reported ` +
      `a collective income of ${formatMoney(i.income_total.value, lang)}${growth}; ` +
      `${formatPercent(i.share_ge_10w.value, lang)} of them earned ¥100k or more.`
    );
  }
  if (data.region.level === "village") {
    if (!i.reporting.value) return `${span}，${name}没有报送集体经济收入。`;
    return `${span}，${name}村集体经济收入${formatMoney(i.income_total.value)}${growth}。`;
  }
  return (
    `${span}，${name}${formatCount(i.villages.value)}个村委会中有${formatCount(i.reporting.value)}个报送，` +
    `集体经济收入合计${formatMoney(i.income_total.value)}${growth}；` +
    `收入10万元以上的村占${formatPercent(i.share_ge_10w.value)}。`
  );
}

const MONTH_LABELS = {
  zh: Array.from({ length: 12 }, (_, m) => `${m + 1}月`),
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** Year-to-date income by month, one line per year (the last five years). */
export function incomeChart(byYear: IncomeByYear, lang: Lang): ChartSpec {
  const years = byYear.years.slice(-5);
  return {
    type: "line",
    unit: "money",
    labels: MONTH_LABELS[lang],
    datasets: years.map((year) => ({
      label: lang === "en" ? year : `${year}年`,
      data: byYear.values[year] ?? [],
    })),
  };
}

export function incomeSummary(data: RegionData, byYear: IncomeByYear, lang: Lang): string {
  const last = byYear.years.at(-1);
  const lastValues = last ? (byYear.values[last] ?? []) : [];
  const month = lastValues.findLastIndex((v) => v !== null);
  if (!last || month < 0) return lang === "en" ? "No data yet." : "暂无数据。";
  const previous = byYear.years.at(-2);
  const before = previous ? byYear.values[previous]?.[month] : null;
  const now = lastValues[month] ?? null;
  if (lang === "en") {
    const compare =
      before == null ? "" : ` (same months a year earlier: ${formatMoney(before, lang)})`;
    return `Collective income in ${data.region.name}, Jan–${MONTH_LABELS.en[month]} ${last}: ${formatMoney(now, lang)}${compare}; sums of the villages reporting each month.`;
  }
  const compare = before == null ? "" : `，上年同期为${formatMoney(before)}`;
  return `${data.region.name}${last}年1—${month + 1}月累计集体经济收入${formatMoney(now)}${compare}（按当月报送村合计）。`;
}

export function bandChart(figures: PeriodFigures, lang: Lang): ChartSpec {
  return {
    type: "bar",
    unit: "count",
    labels: BANDS.map((b) => LABELS[lang].bands[b.key]),
    datasets: [
      { label: lang === "en" ? "Villages" : "村数", data: figures.bands.map((b) => b.count) },
    ],
  };
}

export function bandSummary(figures: PeriodFigures, lang: Lang): string {
  const i = figures.indicators;
  const biggest = [...figures.bands].sort((a, b) => b.count - a.count)[0];
  const span = formatYearToDate(figures.period, lang);
  if (lang === "en") {
    if (!biggest || !i.reporting.value) return "No village reported for this period.";
    return (
      `${span}: of ${formatCountOf(i.reporting.value, "reporting village")}, most (${formatCount(biggest.count, lang)}) ` +
      `earned ${LABELS.en.bands[biggest.key]}; ${formatPercent(i.share_ge_30w.value, lang)} earned ¥300k or more and ` +
      `${formatCount(i.weak_villages.value, lang)} ${i.weak_villages.value === 1 ? "was" : "were"} weak (under ¥50k).`
    );
  }
  if (!biggest || !i.reporting.value) return "该期没有报送的村。";
  return (
    `${span}，报送的${formatCount(i.reporting.value)}个村中，` +
    `最多的一档是“${LABELS.zh.bands[biggest.key]}”（${formatCount(biggest.count)}个村）；` +
    `收入30万元以上的占${formatPercent(i.share_ge_30w.value)}，薄弱村${formatCount(i.weak_villages.value)}个。`
  );
}
