/**
 * Arranges a comparison for its page and its download: the headline table (the region
 * page's headline cards, region by region, with each figure's numerator and denominator)
 * and the income chart with its table. It formats; figures come from region-report.ts.
 */
import { translator, type Lang } from "../i18n/index.ts";
import { incomeSamePeriod } from "../lib/compare.ts";
import { CHART_DEFINITIONS } from "../lib/definitions.ts";
import { formatMoney, formatYearToDate, NO_DATA } from "../lib/format.ts";
import type { PeriodFigures, RegionData } from "../services/region-report.ts";
import type { ChartData } from "./region-charts.ts";
import { type Card, headlineCards } from "./region-view.ts";

/** One region of a comparison with its figures for the period shown (null: none then). */
export interface ComparedRegion {
  data: RegionData;
  figures: PeriodFigures | null;
}

/** One cell of the headline table: a card's value and detail, and the figure's parts. */
export interface CompareCell {
  /** "figure": the card's; "absent": no figures that period; "village": not shown for a village. */
  kind: "figure" | "absent" | "village";
  value: string;
  raw: number | null;
  detail: string;
  numerator?: number;
  denominator?: number;
}

export interface CompareRow {
  indicator: string;
  label: string;
  cells: CompareCell[];
}

/**
 * The headline table: one row per headline card of the region page (an area's nine; a
 * village has three of them, the others are marked as not shown for a village), one cell
 * per region. Numerators and denominators are the summary API's.
 */
export function compareRows(regions: readonly ComparedRegion[], lang: Lang): CompareRow[] {
  const t = translator(lang);
  const cards = regions.map((r) => (r.figures ? headlineCards(r.data, r.figures, lang) : null));
  // An area's cards are the whole set, in the region page's order; a village's are a subset.
  const order: Card[] = [];
  for (const list of [...cards].sort((a, b) => (b?.length ?? 0) - (a?.length ?? 0))) {
    for (const card of list ?? []) {
      if (!order.some((c) => c.indicator === card.indicator)) order.push(card);
    }
  }
  return order.map(({ indicator, label }) => ({
    indicator,
    label,
    cells: regions.map((region, i): CompareCell => {
      const card = cards[i]?.find((c) => c.indicator === indicator);
      if (!region.figures) {
        return { kind: "absent", value: NO_DATA, raw: null, detail: t("compare.noData") };
      }
      if (!card) {
        return { kind: "village", value: NO_DATA, raw: null, detail: t("compare.notForVillage") };
      }
      const figure = region.figures.indicators[indicator as keyof PeriodFigures["indicators"]];
      return {
        kind: "figure",
        value: card.value,
        raw: card.raw,
        detail: card.detail ?? "",
        numerator: figure?.numerator,
        denominator: figure?.denominator,
      };
    }),
  }));
}

/** The line under a figure that gives its money numerator and denominator (growth), or "". */
export function moneyBasis(row: CompareRow, cell: CompareCell, lang: Lang): string {
  // No matched sample (nothing a year earlier): nothing to show but the card's note.
  if (row.indicator !== "yoy_growth" || !cell.denominator) return "";
  return translator(lang)("compare.growthBasis", {
    current: formatMoney(cell.numerator, lang),
    previous: formatMoney(cell.denominator, lang),
  });
}

/** A region's name as a column of a table or a line of a chart: "藤县 (450422)". */
function seriesLabel(data: RegionData, lang: Lang): string {
  return translator(lang)("compare.series", { name: data.region.name, code: data.region.code });
}

/**
 * Year-to-date income at the month shown, for each year, one line per region: the chart,
 * its table (rows: years; columns: regions; yuan) and the download's rows.
 */
export function compareIncomeChart(
  regions: readonly RegionData[],
  period: string,
  lang: Lang,
): ChartData {
  const t = translator(lang);
  const { periods, values } = incomeSamePeriod(regions, period);
  const labels = periods.map((p) => formatYearToDate(p, lang));
  const names = regions.map((r) => seriesLabel(r, lang));
  const last = periods.at(-1) === period ? values.at(-1) : undefined;
  const list = regions
    .map((r, i) =>
      t("compare.chart.item", { name: r.region.name, money: formatMoney(last?.[i], lang) }),
    )
    .join(t("common.listSeparator"));
  return {
    id: "income",
    title: t("compare.chart.title"),
    summary: t("compare.chart.summary", { span: formatYearToDate(period, lang), list }),
    spec: {
      type: "line",
      unit: "money",
      palette: "categories",
      labels,
      datasets: names.map((label, i) => ({ label, data: values.map((row) => row[i] ?? null) })),
    },
    table: {
      columns: [
        { key: "period", label: t("common.period"), unit: "text" },
        ...regions.map((r, i) => ({
          key: r.region.code,
          label: names[i] as string,
          unit: "money" as const,
        })),
      ],
      rows: labels.map((label, y) => [label, ...(values[y] ?? [])]),
    },
    about: CHART_DEFINITIONS.income[lang],
  };
}
