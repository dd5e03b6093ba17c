/**
 * The charts of a region page, each with the exact table behind it. The page draws the
 * chart and formats the table; the download endpoint serves the same table's raw numbers
 * (yuan as integers), so a download always holds exactly the figures shown.
 */
import { toCsv } from "../lib/csv.ts";
import { CHART_DEFINITIONS, type Definition } from "../lib/definitions.ts";
import { translator, type Lang } from "../i18n/index.ts";
import { formatPercent, formatPeriod, formatYearToDate, tableRoundingNote } from "../lib/format.ts";
import { BANDS, SOURCES } from "../lib/indicators.ts";
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
  /** Printed under the table: the rounding note when rounded parts miss a rounded total. */
  note?: string | null;
}

/**
 * A chart's table as CSV text: the raw figures (money in whole yuan, said in its header,
 * ratios as fractions), with a byte-order mark for Excel and WPS when `bom`.
 */
export function chartTableCsv(table: ChartTable, bom: boolean): string {
  const header = table.columns.map((col) =>
    col.unit === "money" ? `${col.label} (yuan)` : col.label,
  );
  return toCsv(header, table.rows, bom);
}

export interface ChartData {
  id: ChartId;
  title: string;
  summary: string;
  spec: ChartSpec;
  table: ChartTable;
  about: Definition;
}

function incomeData(data: RegionData, lang: Lang): ChartData {
  const t = translator(lang);
  const byYear = incomeByYear(data);
  const spec = incomeChart(byYear, lang);
  return {
    id: "income",
    title: t("chart.income.title"),
    summary: incomeSummary(data, byYear, lang),
    spec,
    table: {
      columns: [
        { key: "month", label: t("chart.col.month"), unit: "text" },
        ...spec.datasets.map((d) => ({ key: d.label, label: d.label, unit: "money" as const })),
      ],
      rows: spec.labels.map((label, m) => [label, ...spec.datasets.map((d) => d.data[m] ?? null)]),
    },
    about: CHART_DEFINITIONS.income[lang],
  };
}

function bandsData(figures: PeriodFigures, lang: Lang): ChartData {
  const t = translator(lang);
  return {
    id: "bands",
    title: t("chart.bands.title", { span: formatYearToDate(figures.period, lang) }),
    summary: bandSummary(figures, lang),
    spec: bandChart(figures, lang),
    table: {
      columns: [
        { key: "band", label: t("chart.col.band"), unit: "text" },
        { key: "villages", label: t("chart.villages"), unit: "count" },
      ],
      rows: BANDS.map((b, i) => [t(`band.${b.key}`), figures.bands[i]?.count ?? 0]),
    },
    about: CHART_DEFINITIONS.bands[lang],
  };
}

function sourcesData(data: RegionData, figures: PeriodFigures, lang: Lang): ChartData {
  const t = translator(lang);
  const years = sourcesByYear(data, figures.period);
  const latest = years.at(-1);
  const summary = latest
    ? t("chart.sources.summary", {
        span: formatYearToDate(figures.period, lang),
        share: formatPercent(figures.indicators.subsidy_share.value, lang),
      })
    : t("common.noData");
  return {
    id: "sources",
    title: t("chart.sources.title"),
    summary,
    spec: {
      type: "bar",
      unit: "money",
      stacked: true,
      labels: years.map((y) => formatYearToDate(y.period, lang)),
      datasets: SOURCES.map((s) => ({
        label: t(`source.${s}`),
        data: years.map((y) => y.sources[s]),
      })),
    },
    table: {
      columns: [
        { key: "period", label: t("chart.col.year"), unit: "text" },
        ...SOURCES.map((s) => ({ key: s, label: t(`source.${s}`), unit: "money" as const })),
        { key: "total", label: t("common.total"), unit: "money" },
        { key: "earned", label: t("chart.col.earned"), unit: "money" },
      ],
      rows: years.map((y) => [
        formatYearToDate(y.period, lang),
        ...SOURCES.map((s) => y.sources[s]),
        y.total,
        y.earned,
      ]),
      note: tableRoundingNote(
        years.map((y) => ({ parts: SOURCES.map((s) => y.sources[s]), total: y.total })),
        lang,
      ),
    },
    about: CHART_DEFINITIONS.sources[lang],
  };
}

function coverageData(data: RegionData, figures: PeriodFigures, lang: Lang): ChartData {
  const t = translator(lang);
  const series = coverageSeries(data, figures.period);
  const last = series.at(-1);
  return {
    id: "coverage",
    title: t("chart.coverage.title"),
    // The counts as they stand, without separators (as this summary has always written them).
    summary: last
      ? t("chart.coverage.summary", {
          period: formatPeriod(last.period, lang),
          numerator: String(last.numerator),
          denominator: String(last.denominator),
          percent: formatPercent(last.value, lang),
        })
      : "",
    spec: {
      type: "bar",
      unit: "count",
      labels: series.map((p) => formatPeriod(p.period, lang)),
      datasets: [{ label: t("chart.col.reporting"), data: series.map((p) => p.numerator ?? 0) }],
    },
    table: {
      columns: [
        { key: "period", label: t("common.period"), unit: "text" },
        { key: "villages", label: t("chart.col.committees"), unit: "count" },
        { key: "reporting", label: t("chart.col.reporting"), unit: "count" },
        { key: "coverage", label: t("chart.col.coverage"), unit: "ratio" },
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
