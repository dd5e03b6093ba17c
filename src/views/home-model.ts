/**
 * Everything the home page shows: every province in the data with its latest figures and
 * its cities', from services/region-report.ts as /api/v1/regions/{code}/summary serves
 * them. Loaded here, before rendering, so that the page's reads are counted and made
 * together; the page only formats.
 */
import { runPlanList, runPlans } from "../db/json-rows.ts";
import { datasetMetaPlan } from "../db/meta.ts";
import { topRegionsPlan, type Region } from "../db/regions.ts";
import { regionStatsSeriesPlan } from "../db/stats.ts";
import {
  childrenPlan,
  figuresFor,
  regionDataOf,
  resolvePeriod,
  type ChildRow,
  type PeriodFigures,
  type RegionData,
} from "../services/region-report.ts";

export interface HomeModel {
  sections: {
    province: Region;
    data: RegionData;
    period: string | null;
    figures: PeriodFigures | null;
    cities: ChildRow[];
  }[];
  meta: RegionData["meta"] | undefined;
  /** The latest period any province has. */
  latest: string | undefined;
}

/**
 * Three queries whatever the number of provinces: the provinces with the data facts, every
 * province's rollup series, every province's cities.
 */
export async function loadHomeModel(db: D1Database): Promise<HomeModel> {
  const { provinces, meta } = await runPlans(db, {
    provinces: topRegionsPlan(),
    meta: datasetMetaPlan(),
  });
  const series = await runPlanList(
    db,
    provinces.map((p) => regionStatsSeriesPlan(p.code)),
  );
  // Provinces have no ancestors: their lineage is themselves.
  const data = provinces.map((province, i) =>
    regionDataOf(province.code, { region: province, ancestors: [] }, meta, null, series[i] ?? []),
  );
  const periods = data.map((d) => resolvePeriod(d, undefined));
  const cities = await runPlanList(
    db,
    provinces.map((p, i) => {
      const period = periods[i];
      return period ? childrenPlan(p, period) : null;
    }),
  );
  const sections = data.map((regionData, i) => {
    const period = periods[i] ?? null;
    return {
      province: regionData.region,
      data: regionData,
      period,
      figures: period ? figuresFor(regionData, period) : null,
      cities: cities[i] ?? [],
    };
  });
  const latest = sections
    .map((s) => s.period)
    .filter((p): p is string => p !== null)
    .sort()
    .at(-1);
  return { sections, meta: sections[0]?.data.meta, latest };
}
