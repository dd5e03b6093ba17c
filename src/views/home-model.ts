/**
 * Everything the home page shows: every province in the data with its latest figures and
 * its cities', from services/region-report.ts as /api/v1/regions/{code}/summary serves
 * them. Loaded here, before rendering, so that the page's reads are counted and made
 * together; the page only formats.
 */
import { runPlans, type Plan } from "../db/json-rows.ts";
import { datasetMetaPlan } from "../db/meta.ts";
import { findTopRegions, regionLineagePlan, type Region } from "../db/regions.ts";
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

/** Three queries whatever the number of provinces: the provinces, their data, their cities. */
export async function loadHomeModel(db: D1Database): Promise<HomeModel> {
  const provinces = await findTopRegions(db);
  const first = await runPlans(db, {
    meta: datasetMetaPlan(),
    ...Object.fromEntries(
      provinces.flatMap((p) => [
        [`lineage_${p.code}`, regionLineagePlan(p.code)],
        [`stats_${p.code}`, regionStatsSeriesPlan(p.code)],
      ]),
    ),
  } as Record<string, Plan<unknown>>);
  const data = provinces.map((p) =>
    regionDataOf(
      p.code,
      first[`lineage_${p.code}`] as Parameters<typeof regionDataOf>[1],
      first.meta as Parameters<typeof regionDataOf>[2],
      null,
      first[`stats_${p.code}`] as Parameters<typeof regionDataOf>[4],
    ),
  );
  const periods = data.map((d) => resolvePeriod(d, undefined));
  const cities = await runPlans(
    db,
    Object.fromEntries(
      provinces.map((p, i) => [
        `cities_${p.code}`,
        periods[i] ? childrenPlan(p, periods[i]) : null,
      ]),
    ) as Record<string, Plan<ChildRow[]> | null>,
  );
  const sections = provinces.map((province, i) => {
    const period = periods[i] ?? null;
    return {
      province,
      data: data[i] as RegionData,
      period,
      figures: period ? figuresFor(data[i] as RegionData, period) : null,
      cities: (cities[`cities_${province.code}`] as ChildRow[] | null) ?? [],
    };
  });
  const latest = sections
    .map((s) => s.period)
    .filter((p): p is string => p !== null)
    .sort()
    .at(-1);
  return { sections, meta: sections[0]?.data.meta, latest };
}
