/**
 * Loads everything a region page shows, and what was wrong with the request if anything.
 * Called from the page files (not a component) so that they can set the HTTP status
 * before the page starts streaming.
 */
import { CODE_PATTERN } from "../lib/codes.ts";
import { NotFoundError } from "../lib/errors.ts";
import type { Lang } from "../lib/i18n.ts";
import { isPeriod } from "../lib/periods.ts";
import {
  type ChildRow,
  figuresFor,
  loadChildren,
  loadRegionData,
  type PeriodFigures,
  type RegionData,
  resolvePeriod,
} from "../services/region-report.ts";
import { type ChartData, regionCharts } from "./region-charts.ts";

export interface RegionPageModel {
  status: number;
  problem: string | null;
  data: RegionData | null;
  figures: PeriodFigures | null;
  children: ChildRow[];
  charts: ChartData[];
  /** The period the reader asked for, if any (carried into links). */
  requested: string | undefined;
}

export async function loadRegionPageModel(
  db: D1Database,
  code: string,
  url: URL,
  lang: Lang,
): Promise<RegionPageModel> {
  const en = lang === "en";
  const requested = url.searchParams.get("period") ?? undefined;
  const fail = (status: number, problem: string): RegionPageModel => ({
    status,
    problem,
    data: null,
    figures: null,
    children: [],
    charts: [],
    requested,
  });
  if (!CODE_PATTERN.test(code)) {
    return fail(
      400,
      en
        ? `“${code}” is not a statistical division code: codes have 2, 4, 6, 9 or 12 digits, e.g. 450422.`
        : `“${code}”不是有效的统计用区划代码：区划代码是2、4、6、9或12位数字，例如 450422。`,
    );
  }
  if (requested !== undefined && !isPeriod(requested)) {
    return fail(
      400,
      en
        ? `The period “${requested}” is not a month written YYYY-MM, e.g. 2026-10.`
        : `统计期“${requested}”的格式不对：请写成“年-月”，例如 2026-10。`,
    );
  }
  try {
    const data = await loadRegionData(db, code);
    const period = resolvePeriod(data, requested);
    const figures = period ? figuresFor(data, period) : null;
    const children = figures ? await loadChildren(db, data.region, figures.period) : [];
    const charts = figures ? regionCharts(data, figures, lang) : [];
    return { status: 200, problem: null, data, figures, children, charts, requested };
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    return fail(404, en ? e.message : e.detailZh);
  }
}
