/**
 * Arranges a region's figures for its page: headline cards, chart specs and the
 * one-sentence summaries, in the page's language. It formats; it never computes a figure
 * (those come from services/region-report.ts, the same code the API serves).
 */
import { translator, type Lang, type Translate } from "../i18n/index.ts";
import type { PunctualityFigures } from "../lib/punctuality.ts";
import {
  formatCount,
  formatDate,
  formatDays,
  formatFraction,
  formatGrowth,
  formatMoney,
  formatPercent,
  formatYearOnYearChange,
  formatYearToDate,
} from "../lib/format.ts";
import type { Indicators } from "../lib/indicators.ts";
import { BANDS } from "../lib/indicators.ts";
import type { ChartSpec } from "../scripts/chart-spec.ts";
import type { IncomeByYear, PeriodFigures, RegionData } from "../services/region-report.ts";

export interface Card {
  indicator: string;
  label: string;
  value: string;
  raw: number | null;
  detail?: string;
}

function shareCard(i: Indicators, key: "share_ge_10w" | "share_ge_30w", lang: Lang): Card {
  const f = i[key];
  return {
    indicator: key,
    label: translator(lang)(`indicator.${key}`),
    value: formatPercent(f.value, lang),
    raw: f.value,
    detail: translator(lang)("region.card.reportingDetail", {
      fraction: formatFraction(f.numerator, f.denominator, lang),
    }),
  };
}

/** Headline cards: an area's distribution, or a single village's own figures. */
export function headlineCards(data: RegionData, figures: PeriodFigures, lang: Lang): Card[] {
  const i = figures.indicators;
  const t = translator(lang);
  const total: Card = {
    indicator: "income_total",
    label: t("indicator.income_total"),
    value: formatMoney(i.income_total.value, lang),
    raw: i.income_total.value,
    detail: formatYearToDate(figures.period, lang),
  };
  const earned: Card = {
    indicator: "earned_income",
    label: t("region.card.earnedLabel"),
    value: formatMoney(i.earned_income.value, lang),
    raw: i.earned_income.value,
    detail: t("region.card.earnedDetail", { share: formatPercent(i.subsidy_share.value, lang) }),
  };
  const matched = i.yoy_growth.sample !== undefined && data.region.level !== "village";
  const growth: Card = {
    indicator: "yoy_growth",
    label: t("indicator.yoy_growth"),
    value: formatGrowth(i.yoy_growth.value, lang),
    raw: i.yoy_growth.value,
    detail: matched
      ? t("region.card.growthMatched", { sample: i.yoy_growth.sample })
      : t("region.card.growthUnmatched"),
  };
  const punctuality = punctualityCard(figures, data.region.level === "village", lang);
  if (data.region.level === "village") return [total, earned, growth, ...punctuality];
  return [
    {
      indicator: "villages",
      label: t("indicator.villages"),
      value: formatCount(i.villages.value, lang),
      raw: i.villages.value,
      detail: t("region.card.villagesDetail"),
    },
    {
      indicator: "reporting",
      label: t("indicator.reporting"),
      value: formatCount(i.reporting.value, lang),
      raw: i.reporting.value,
      detail: t("region.card.coverageDetail", {
        percent: formatPercent(i.coverage.value, lang),
        fraction: formatFraction(i.reporting.numerator, i.reporting.denominator, lang),
      }),
    },
    total,
    earned,
    {
      indicator: "income_median",
      label: t("indicator.income_median"),
      value: formatMoney(i.income_median.value, lang),
      raw: i.income_median.value,
      detail: t("region.card.meanDetail", { money: formatMoney(i.income_mean.value, lang) }),
    },
    shareCard(i, "share_ge_10w", lang),
    shareCard(i, "share_ge_30w", lang),
    {
      indicator: "weak_villages",
      label: t("indicator.weak_villages"),
      value: t("region.card.weakValue", { n: i.weak_villages.value }),
      raw: i.weak_villages.value,
      detail: t("region.card.reportingDetail", {
        fraction: formatFraction(i.weak_villages.numerator, i.weak_villages.denominator, lang),
      }),
    },
    growth,
    ...punctuality,
  ];
}

/** A village's own return: on time, late by so many days, missing, or not yet due. */
function villageStatus(p: PunctualityFigures, t: Translate, lang: Lang): string {
  if (p.reported_on_time.numerator === 1) return t("punctuality.village.onTime");
  if (p.late > 0)
    return t("punctuality.village.late", { days: formatDays(p.mean_days_late, lang) });
  return p.due ? t("punctuality.village.missing") : t("punctuality.village.notYetDue");
}

/**
 * 报送及时率: on time over the villages that should report, with late (mean days late) and
 * missing beside it; for a village, whether its own return came on time. None where the
 * rollup predates punctuality.
 */
function punctualityCard(figures: PeriodFigures, village: boolean, lang: Lang): Card[] {
  const p = figures.punctuality;
  if (!p) return [];
  const t = translator(lang);
  const deadline = formatDate(p.deadline, lang);
  const onTime = p.reported_on_time;
  const card = {
    indicator: "reported_on_time",
    label: t("indicator.reported_on_time"),
    raw: onTime.value,
  };
  if (village) {
    return [
      {
        ...card,
        value: villageStatus(p, t, lang),
        detail: t("punctuality.deadline", { deadline }),
      },
    ];
  }
  const late =
    p.late > 0
      ? t("punctuality.late", { n: p.late, days: formatDays(p.mean_days_late, lang) })
      : t("punctuality.noneLate");
  const missing = p.due
    ? t("punctuality.missing", { n: p.missing })
    : t("punctuality.notYetDue", { n: p.missing, deadline });
  return [
    {
      ...card,
      value: formatPercent(onTime.value, lang),
      detail: t("punctuality.detail", {
        fraction: formatFraction(onTime.numerator, onTime.denominator, lang),
        late,
        missing,
      }),
    },
  ];
}

/** The change on a year earlier, its word chosen by the formatter from the figure shown. */
function growthClause(value: number | null, lang: Lang): string {
  if (value === null) return "";
  return translator(lang)("region.growth", { change: formatYearOnYearChange(value, lang) });
}

/** The sentence under the page title. */
export function leadSentence(data: RegionData, figures: PeriodFigures, lang: Lang): string {
  const t = translator(lang);
  const i = figures.indicators;
  const span = formatYearToDate(figures.period, lang);
  const name = data.region.name;
  const growth = growthClause(i.yoy_growth.value, lang);
  const income = formatMoney(i.income_total.value, lang);
  if (data.region.level === "village") {
    return i.reporting.value
      ? t("region.lead.village", { span, name, income, growth })
      : t("region.lead.villageSilent", { span, name });
  }
  return t("region.lead.area", {
    span,
    name,
    villages: i.villages.value,
    reporting: i.reporting.value,
    income,
    growth,
    share: formatPercent(i.share_ge_10w.value, lang),
  });
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The months' short names, for chart axes: "1月" … "12月", "Jan" … "Dec". */
function monthNames(lang: Lang): string[] {
  const t = translator(lang);
  return MONTHS.map((month) => t(`month.${month}`));
}

/** Year-to-date income by month, one line per year (the last five years). */
export function incomeChart(byYear: IncomeByYear, lang: Lang): ChartSpec {
  const years = byYear.years.slice(-5);
  return {
    type: "line",
    unit: "money",
    labels: monthNames(lang),
    datasets: years.map((year) => ({
      label: translator(lang)("chart.income.year", { year }),
      data: byYear.values[year] ?? [],
    })),
  };
}

export function incomeSummary(data: RegionData, byYear: IncomeByYear, lang: Lang): string {
  const t = translator(lang);
  const last = byYear.years.at(-1);
  const lastValues = last ? (byYear.values[last] ?? []) : [];
  const month = lastValues.findLastIndex((v) => v !== null);
  if (!last || month < 0) return t("common.noData");
  const previous = byYear.years.at(-2);
  const before = previous ? byYear.values[previous]?.[month] : null;
  return t("chart.income.summary", {
    region: data.region.name,
    year: last,
    month: month + 1,
    monthName: monthNames(lang)[month],
    income: formatMoney(lastValues[month] ?? null, lang),
    compare: before == null ? "" : t("chart.income.compare", { money: formatMoney(before, lang) }),
  });
}

export function bandChart(figures: PeriodFigures, lang: Lang): ChartSpec {
  const t = translator(lang);
  return {
    type: "bar",
    unit: "count",
    labels: BANDS.map((b) => t(`band.${b.key}`)),
    datasets: [{ label: t("chart.villages"), data: figures.bands.map((b) => b.count) }],
  };
}

export function bandSummary(figures: PeriodFigures, lang: Lang): string {
  const t = translator(lang);
  const i = figures.indicators;
  const biggest = [...figures.bands].sort((a, b) => b.count - a.count)[0];
  if (!biggest || !i.reporting.value) return t("chart.bands.none");
  return t("chart.bands.summary", {
    span: formatYearToDate(figures.period, lang),
    reporting: i.reporting.value,
    biggest: biggest.count,
    band: t(`band.${biggest.key}`),
    share30: formatPercent(i.share_ge_30w.value, lang),
    weak: i.weak_villages.value,
  });
}
