/**
 * Everything the home page shows: every province in the data with its latest figures and
 * its cities', from services/region-report.ts as /api/v1/regions/{code}/summary serves
 * them. Loaded here, before rendering, so that the page's reads are counted and made
 * together; the page only formats.
 */
import { findTopRegions, type Region } from "../db/regions.ts";
import {
  figuresFor,
  loadChildren,
  loadRegionData,
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

export async function loadHomeModel(db: D1Database): Promise<HomeModel> {
  const provinces = await findTopRegions(db);
  const sections = await Promise.all(
    provinces.map(async (province) => {
      const data = await loadRegionData(db, province.code);
      const period = resolvePeriod(data, undefined);
      const figures = period ? figuresFor(data, period) : null;
      const cities = period ? await loadChildren(db, province, period) : [];
      return { province, data, period, figures, cities };
    }),
  );
  const latest = sections
    .map((s) => s.period)
    .filter((p): p is string => p !== null)
    .sort()
    .at(-1);
  return { sections, meta: sections[0]?.data.meta, latest };
}
