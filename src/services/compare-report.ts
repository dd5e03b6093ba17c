/**
 * Several regions of any level side by side (/compare, /api/v1/compare): each region's
 * data exactly as its region page and summary API read it (region-report.ts), all of them
 * in one statement. Which period they are compared at: src/lib/compare.ts.
 */
import { runPlans, type Plan } from "../db/json-rows.ts";
import { datasetMetaPlan, type DatasetMeta } from "../db/meta.ts";
import type { PeriodReturn, StatsRow } from "../db/stats.ts";
import { NotFoundError } from "../lib/errors.ts";
import {
  figuresFor,
  type PeriodFigures,
  type RegionData,
  regionDataOf,
  regionDataPlans,
} from "./region-report.ts";

/** The regions of a comparison, in the order asked, and the codes no region has. */
export interface Comparison {
  meta: DatasetMeta;
  regions: RegionData[];
  /** Well-formed codes that name no region, in the order asked. */
  unknown: string[];
}

type Lineage = { region: RegionData["region"] | null; ancestors: RegionData["region"][] };

/**
 * What a comparison reads, as plans for one statement: the data facts once, and for each
 * code the reads of region-report.ts's regionDataPlans (its lineage, and its rollups or, for
 * a village, its returns). Six regions are 13 reads in one query.
 */
export function comparisonPlans(codes: readonly string[]): Record<string, Plan<unknown> | null> {
  const plans: Record<string, Plan<unknown> | null> = { meta: datasetMetaPlan() };
  codes.forEach((code, i) => {
    const { lineage, returns, stats } = regionDataPlans(code);
    Object.assign(plans, {
      [`lineage${i}`]: lineage,
      [`returns${i}`]: returns,
      [`stats${i}`]: stats,
    });
  });
  return plans;
}

/** The comparison from the reads of comparisonPlans (run by runPlans). */
export function comparisonFrom(
  codes: readonly string[],
  read: Record<string, unknown>,
): Comparison {
  const meta = read.meta as DatasetMeta;
  const regions: RegionData[] = [];
  const unknown: string[] = [];
  codes.forEach((code, i) => {
    try {
      regions.push(
        regionDataOf(
          code,
          read[`lineage${i}`] as Lineage,
          meta,
          read[`returns${i}`] as PeriodReturn[] | null,
          read[`stats${i}`] as StatsRow[] | null,
        ),
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      unknown.push(code);
    }
  });
  return { meta, regions, unknown };
}

/** Loads the regions of `codes` (well-formed, at most a handful) in one query. */
export async function loadComparison(
  db: D1Database,
  codes: readonly string[],
): Promise<Comparison> {
  return comparisonFrom(codes, await runPlans(db, comparisonPlans(codes)));
}

/** A region's figures for the period, the same as its summary API's; null where it has none. */
export function figuresAt(data: RegionData, period: string): PeriodFigures | null {
  return data.rollups.has(period) ? figuresFor(data, period) : null;
}
