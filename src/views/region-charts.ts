/**
 * The charts of a region page, each with the exact table behind it. The page draws the
 * chart and formats the table; the download endpoint serves the same table's raw numbers
 * (yuan as integers), so a download always holds exactly the figures shown.
 */
import { CHART_DEFINITIONS, type Definition } from "../lib/definitions.ts";
import { formatPercent, formatPeriod, formatYearToDate } from "../lib/format.ts";
import type { Lang } from "../lib/i18n.ts";
import { BANDS, SOURCES } from "../lib/indicators.ts";
import { LABELS } from "../lib/labels.ts";
import type { ChartSpec } from "../scripts/chart-spec.ts";
import {
  coverageSeries,
  incomeByYear,
  sourcesByYear,
  type PeriodFigures,
  type RegionData,
} from "../services/region-report.ts";
import { bandChart, bandSummary, incomeChart, incomeSummary } from "./region-view.ts";

export const CHART_IDS = ["income", "bands", "sources", "coverage"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type CellUnit = "text" | "money" | "count" | "ratio";
export interface ChartTable {
  columns: { key: string; label: string; unit: CellUnit }[];
  rows: (string | number | null)[][];
}

export interface ChartData {
  id: ChartId;
  title: string;
  summary: string;
  spec: ChartSpec;
  table: ChartTable;
  about: Definition;
}

const T = {
  zh: {
    title_income: "逐月累计收入（按年份）",
    title_bands: "收入分档",
    title_sources: "收入来源（历年同期）",
    title_coverage: "报送情况（近24个月）",
    month: "月份",
    band: "收入档次",
    villages: "村数",
    year: "年份",
    total: "合计",
    earned: "经营性收入（不含补助）",
    period: "统计期",
    committees: "村委会数",
    reporting: "报送村数",
    coverage: "报送率",
  },
  en: {
    title_income: "Year-to-date income by month, by year",
    title_bands: "Villages by income band",
    title_sources: "Income by source, same months each year",
    title_coverage: "Villages reporting, last 24 months",
    month: "Month",
    band: "Income band",
    villages: "Villages",
    year: "Year",
    total: "Total",
    earned: "Income excluding subsidies",
    period: "Period",
    committees: "Village committees",
    reporting: "Reporting",
    coverage: "Coverage",
  },
};

function incomeData(data: RegionData, lang: Lang): ChartData {
  const byYear = incomeByYear(data);
  const spec = incomeChart(byYear, lang);
  return {
    id: "income",
    title: T[lang].title_income,
    summary: incomeSummary(data, byYear, lang),
    spec,
    table: {
      columns: [
        { key: "month", label: T[lang].month, unit: "text" },
        ...spec.datasets.map((d) => ({ key: d.label, label: d.label, unit: "money" as const })),
      ],
      rows: spec.labels.map((label, m) => [label, ...spec.datasets.map((d) => d.data[m] ?? null)]),
    },
    about: CHART_DEFINITIONS.income[lang],
  };
}

function bandsData(figures: PeriodFigures, lang: Lang): ChartData {
  return {
    id: "bands",
    title: `${T[lang].title_bands} · ${formatYearToDate(figures.period, lang)}`,
    summary: bandSummary(figures, lang),
    spec: bandChart(figures, lang),
    table: {
      columns: [
        { key: "band", label: T[lang].band, unit: "text" },
        { key: "villages", label: T[lang].villages, unit: "count" },
      ],
      rows: BANDS.map((b, i) => [LABELS[lang].bands[b.key], figures.bands[i]?.count ?? 0]),
    },
    about: CHART_DEFINITIONS.bands[lang],
  };
}

function sourcesData(data: RegionData, figures: PeriodFigures, lang: Lang): ChartData {
  const years = sourcesByYear(data, figures.period);
  const names = LABELS[lang].sources;
  const latest = years.at(-1);
  const en = lang === "en";
  const share = formatPercent(figures.indicators.subsidy_share.value, lang);
  const summary = latest
    ? en
      ? `${formatYearToDate(figures.period, lang)}: subsidies were ${share} of collective income; the rest was earned by the villages themselves.`
      : `${formatYearToDate(figures.period)}，补助收入占集体经济收入的${share}，其余为村集体经营、发包、投资等收入。`
    : en
      ? "No data yet."
      : "暂无数据。";
  return {
    id: "sources",
    title: T[lang].title_sources,
    summary,
    spec: {
      type: "bar",
      unit: "money",
      stacked: true,
      labels: years.map((y) => formatYearToDate(y.period, lang)),
      datasets: SOURCES.map((s) => ({ label: names[s], data: years.map((y) => y.sources[s]) })),
    },
    table: {
      columns: [
        { key: "period", label: T[lang].year, unit: "text" },
        ...SOURCES.map((s) => ({ key: s, label: names[s], unit: "money" as const })),
        { key: "total", label: T[lang].total, unit: "money" },
        { key: "earned", label: T[lang].earned, unit: "money" },
      ],
      rows: years.map((y) => [
        formatYearToDate(y.period, lang),
        ...SOURCES.map((s) => y.sources[s]),
        y.total,
        y.earned,
      ]),
    },
    about: CHART_DEFINITIONS.sources[lang],
  };
}

function coverageData(data: RegionData, figures: PeriodFigures, lang: Lang): ChartData {
  const series = coverageSeries(data, figures.period);
  const last = series.at(-1);
  const en = lang === "en";
  const pct = (v: number | null | undefined) => formatPercent(v, lang);
  return {
    id: "coverage",
    title: T[lang].title_coverage,
    summary: last
      ? en
        ? `${formatPeriod(last.period, lang)}: ${last.numerator} of ${last.denominator} village committees reported (${pct(last.value)}).`
        : `${formatPeriod(last.period)}，${last.denominator}个村委会中有${last.numerator}个报送（${pct(last.value)}）。`
      : "",
    spec: {
      type: "bar",
      unit: "count",
      labels: series.map((p) => formatPeriod(p.period, lang)),
      datasets: [{ label: T[lang].reporting, data: series.map((p) => p.numerator ?? 0) }],
    },
    table: {
      columns: [
        { key: "period", label: T[lang].period, unit: "text" },
        { key: "villages", label: T[lang].committees, unit: "count" },
        { key: "reporting", label: T[lang].reporting, unit: "count" },
        { key: "coverage", label: T[lang].coverage, unit: "ratio" },
      ],
      rows: series.map((p) => [
        formatPeriod(p.period, lang),
        p.denominator ?? 0,
        p.numerator ?? 0,
        p.value,
      ]),
    },
    about: CHART_DEFINITIONS.coverage[lang],
  };
}

/** The charts a region page shows, in order (a village has no band distribution). */
export function regionCharts(data: RegionData, figures: PeriodFigures, lang: Lang): ChartData[] {
  const charts = [incomeData(data, lang), sourcesData(data, figures, lang)];
  if (data.region.level !== "village") {
    charts.splice(1, 0, bandsData(figures, lang));
    charts.push(coverageData(data, figures, lang));
  }
  return charts;
}
