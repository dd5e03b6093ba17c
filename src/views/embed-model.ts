/**
 * Loads what an embed page shows (/embed/{code}/{chart}?period=…): one chart of a region
 * page with its table, and what was wrong with the request if anything, in the reader's
 * language. One D1 statement: the region's own reads (loadRegionData), from which the
 * chart is built by the same code as the region page's (src/views/region-charts.ts).
 */
import { translator, type Lang } from "../i18n/index.ts";
import { CODE_PATTERN } from "../lib/codes.ts";
import { NotFoundError } from "../lib/errors.ts";
import { isPeriod } from "../lib/periods.ts";
import {
  figuresFor,
  loadRegionData,
  resolvePeriod,
  toRef,
  type RegionRef,
} from "../services/region-report.ts";
import { CHART_IDS, regionCharts, type ChartData, type ChartId } from "./region-charts.ts";

export interface EmbedModel {
  /** 200, or 400 (a malformed code or period) or 404 (no such region, chart or period). */
  status: number;
  /** What was wrong, in the reader's language (null when the chart is shown). */
  problem: string | null;
  region: RegionRef | null;
  chart: ChartData | null;
  /** The period shown, YYYY-MM. */
  period: string | null;
  /** When the data was last updated (ISO). */
  updatedAt: string | null;
  sampleData: boolean;
}

const isChartId = (id: string): id is ChartId => (CHART_IDS as readonly string[]).includes(id);

export async function loadEmbedModel(
  db: D1Database,
  code: string,
  chartId: string,
  url: URL,
  lang: Lang,
): Promise<EmbedModel> {
  const t = translator(lang);
  const requested = url.searchParams.get("period") ?? undefined;
  const fail = (status: number, problem: string): EmbedModel => ({
    status,
    problem,
    region: null,
    chart: null,
    period: null,
    updatedAt: null,
    sampleData: true,
  });
  if (!CODE_PATTERN.test(code)) return fail(400, t("region.badCode", { code }));
  if (!isChartId(chartId)) {
    const charts = CHART_IDS.join(t("common.listSeparator"));
    return fail(404, t("embed.unknownChart", { chart: chartId, charts }));
  }
  if (requested !== undefined && !isPeriod(requested)) {
    return fail(400, t("region.badPeriod", { period: requested }));
  }
  try {
    const data = await loadRegionData(db, code);
    const period = resolvePeriod(data, requested);
    if (!period) return fail(404, t("region.noData"));
    // Throws NotFoundError when the region has no figures for the period.
    const figures = figuresFor(data, period);
    const chart = regionCharts(data, figures, lang).find((c) => c.id === chartId);
    if (!chart) {
      return fail(404, t("embed.notForRegion", { region: data.region.name, code }));
    }
    return {
      status: 200,
      problem: null,
      region: toRef(data.region),
      chart,
      period,
      updatedAt: data.meta.lastUpdated,
      sampleData: data.meta.sampleData,
    };
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    return fail(404, t.detail(e));
  }
}
