/**
 * Arranges a region's figures for its page: headline cards, chart specs and the
 * one-sentence summaries. It formats; it never computes a figure (those come from
 * services/region-report.ts, the same code the API serves).
 */
import type { Indicators } from "../lib/indicators.ts";
import { BANDS } from "../lib/indicators.ts";
import {
  formatCount,
  formatFraction,
  formatGrowth,
  formatMoney,
  formatPercent,
  formatYearToDate,
} from "../lib/format.ts";
import { BAND_NAMES, INDICATOR_NAMES } from "../lib/labels.ts";
import type { ChartSpec } from "../scripts/chart-spec.ts";
import type { IncomeByYear, PeriodFigures, RegionData } from "../services/region-report.ts";

export interface Card {
  indicator: string;
  label: string;
  value: string;
  raw: number | null;
  detail?: string;
}

function shareCard(i: Indicators, key: "share_ge_10w" | "share_ge_30w"): Card {
  const f = i[key];
  return {
    indicator: key,
    label: INDICATOR_NAMES[key],
    value: formatPercent(f.value),
    raw: f.value,
    detail: `${formatFraction(f.numerator, f.denominator)} 个报送村`,
  };
}

/** Headline cards: an area's distribution, or a single village's own figures. */
export function headlineCards(data: RegionData, figures: PeriodFigures): Card[] {
  const i = figures.indicators;
  const total: Card = {
    indicator: "income_total",
    label: INDICATOR_NAMES.income_total,
    value: formatMoney(i.income_total.value),
    raw: i.income_total.value,
    detail: formatYearToDate(figures.period),
  };
  const earned: Card = {
    indicator: "earned_income",
    label: `${INDICATOR_NAMES.earned_income}（不含补助）`,
    value: formatMoney(i.earned_income.value),
    raw: i.earned_income.value,
    detail: `补助收入占 ${formatPercent(i.subsidy_share.value)}`,
  };
  const growth: Card = {
    indicator: "yoy_growth",
    label: INDICATOR_NAMES.yoy_growth,
    value: formatGrowth(i.yoy_growth.value),
    raw: i.yoy_growth.value,
    detail:
      i.yoy_growth.sample !== undefined && data.region.level !== "village"
        ? `按两年均报送的 ${formatCount(i.yoy_growth.sample)} 个村可比口径`
        : "与上年同期累计数相比",
  };
  if (data.region.level === "village") return [total, earned, growth];
  return [
    {
      indicator: "villages",
      label: INDICATOR_NAMES.villages,
      value: formatCount(i.villages.value),
      raw: i.villages.value,
      detail: "不含城镇社区",
    },
    {
      indicator: "reporting",
      label: INDICATOR_NAMES.reporting,
      value: formatCount(i.reporting.value),
      raw: i.reporting.value,
      detail: `报送率 ${formatPercent(i.coverage.value)}（${formatFraction(i.reporting.numerator, i.reporting.denominator)}）`,
    },
    total,
    earned,
    {
      indicator: "income_median",
      label: INDICATOR_NAMES.income_median,
      value: formatMoney(i.income_median.value),
      raw: i.income_median.value,
      detail: `村均 ${formatMoney(i.income_mean.value)}`,
    },
    shareCard(i, "share_ge_10w"),
    shareCard(i, "share_ge_30w"),
    {
      indicator: "weak_villages",
      label: INDICATOR_NAMES.weak_villages,
      value: `${formatCount(i.weak_villages.value)} 个`,
      raw: i.weak_villages.value,
      detail: `${formatFraction(i.weak_villages.numerator, i.weak_villages.denominator)} 个报送村`,
    },
    growth,
  ];
}

/** The sentence under the page title. */
export function leadSentence(data: RegionData, figures: PeriodFigures): string {
  const i = figures.indicators;
  const span = formatYearToDate(figures.period);
  const growth =
    i.yoy_growth.value === null
      ? ""
      : `，比上年同期${i.yoy_growth.value >= 0 ? "增长" : "下降"}${formatGrowth(Math.abs(i.yoy_growth.value)).replace("+", "")}`;
  if (data.region.level === "village") {
    if (!i.reporting.value) return `${span}，${data.region.name}没有报送集体经济收入。`;
    return `${span}，${data.region.name}村集体经济收入${formatMoney(i.income_total.value)}${growth}。`;
  }
  return (
    `${span}，${data.region.name}${formatCount(i.villages.value)}个村委会中有${formatCount(i.reporting.value)}个报送，` +
    `集体经济收入合计${formatMoney(i.income_total.value)}${growth}；` +
    `收入10万元以上的村占${formatPercent(i.share_ge_10w.value)}。`
  );
}

/** Year-to-date income by month, one line per year (the last five years). */
export function incomeChart(byYear: IncomeByYear): { spec: ChartSpec; years: string[] } {
  const years = byYear.years.slice(-5);
  return {
    years,
    spec: {
      type: "line",
      unit: "wan",
      labels: Array.from({ length: 12 }, (_, m) => `${m + 1}月`),
      datasets: years.map((year) => ({ label: `${year}年`, data: byYear.values[year] ?? [] })),
    },
  };
}

export function incomeSummary(data: RegionData, byYear: IncomeByYear): string {
  const years = byYear.years;
  const last = years.at(-1);
  if (!last) return "暂无数据。";
  const lastValues = byYear.values[last] ?? [];
  const month = lastValues.findLastIndex((v) => v !== null);
  if (month < 0) return "暂无数据。";
  const previous = years.at(-2);
  const before = previous ? byYear.values[previous]?.[month] : null;
  const now = lastValues[month] ?? null;
  const compare =
    before === null || before === undefined ? "" : `，上年同期为${formatMoney(before)}`;
  return `${data.region.name}${last}年1—${month + 1}月累计集体经济收入${formatMoney(now)}${compare}（按当月报送村合计）。`;
}

export function bandChart(figures: PeriodFigures): ChartSpec {
  return {
    type: "bar",
    unit: "count",
    labels: BANDS.map((b) => BAND_NAMES[b.key]),
    datasets: [{ label: "村数", data: figures.bands.map((b) => b.count) }],
  };
}

export function bandSummary(figures: PeriodFigures): string {
  const i = figures.indicators;
  const biggest = [...figures.bands].sort((a, b) => b.count - a.count)[0];
  if (!biggest || !i.reporting.value) return "该期没有报送的村。";
  return (
    `${formatYearToDate(figures.period)}，报送的${formatCount(i.reporting.value)}个村中，` +
    `最多的一档是“${BAND_NAMES[biggest.key]}”（${formatCount(biggest.count)}个村）；` +
    `收入30万元以上的占${formatPercent(i.share_ge_30w.value)}，薄弱村${formatCount(i.weak_villages.value)}个。`
  );
}
