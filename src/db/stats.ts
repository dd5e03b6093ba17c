/**
 * Reads of the per-region, per-period rollups (region_period_stats) and, for a single
 * village, of its own returns: live, or as of a time (`asOf`, a release's freeze moment).
 */
import { returnsAsOf, statsAsOf } from "./as-of.ts";
import type { Rollup, TimedReturn, VillageReturn } from "../lib/indicators.ts";
import { type Plan, rowsOf, runPlan } from "./json-rows.ts";
import { STATS_VALUE_COLUMNS } from "./rollups.ts";
import type { Region } from "./regions.ts";

/** One row of region_period_stats as stored. */
export interface StatsRow {
  period: string;
  villages: number;
  reporting: number;
  income_total: number;
  operating: number;
  contracting: number;
  investment: number;
  subsidy: number;
  other: number;
  income_median: number | null;
  band_zero: number;
  band_lt_5w: number;
  band_5w_10w: number;
  band_10w_30w: number;
  band_30w_50w: number;
  band_50w_100w: number;
  band_ge_100w: number;
  yoy_matched: number;
  yoy_current: number;
  yoy_previous: number;
  on_time: number | null;
  late: number | null;
  days_late: number | null;
}

const STATS_COLUMN_NAMES = ["period", ...STATS_VALUE_COLUMNS] as const;
const STATS_COLUMNS = STATS_COLUMN_NAMES.join(", ");
const REGION_COLUMN_NAMES = ["code", "name", "level", "parent_code", "kind"] as const;

const STATS_COLUMNS_OF_S = STATS_COLUMNS.split(",")
  .map((column) => `s.${column.trim()}`)
  .join(", ");

/** A stored row as the Rollup the indicator functions take. */
export function rollupFromRow(row: StatsRow): Rollup {
  return {
    villages: row.villages,
    reporting: row.reporting,
    income_total: row.income_total,
    operating: row.operating,
    contracting: row.contracting,
    investment: row.investment,
    subsidy: row.subsidy,
    other: row.other,
    income_median: row.income_median,
    bands: {
      zero: row.band_zero,
      lt_5w: row.band_lt_5w,
      "5w_10w": row.band_5w_10w,
      "10w_30w": row.band_10w_30w,
      "30w_50w": row.band_30w_50w,
      "50w_100w": row.band_50w_100w,
      ge_100w: row.band_ge_100w,
    },
    yoy_matched: row.yoy_matched,
    yoy_current: row.yoy_current,
    yoy_previous: row.yoy_previous,
    on_time: row.on_time,
    late: row.late,
    days_late: row.days_late,
  };
}

/** Every period's rollup of a region, oldest first (an index range scan), as a plan. */
export function regionStatsSeriesPlan(code: string, asOf: string | null = null): Plan<StatsRow[]> {
  return rowsOf<StatsRow>({
    sql: `SELECT ${STATS_COLUMNS_OF_S} FROM region_period_stats s
       WHERE s.region_code = ?1 AND ${statsAsOf("s", asOf ? "?2" : null)} ORDER BY s.period`,
    params: asOf ? [code, asOf] : [code],
    columns: STATS_COLUMN_NAMES,
  });
}

/** Every period's rollup of a region, oldest first. */
export function findRegionStatsSeries(
  db: D1Database,
  code: string,
  asOf: string | null = null,
): Promise<StatsRow[]> {
  return runPlan(db, regionStatsSeriesPlan(code, asOf));
}

/**
 * A region's children with their rollups for one period (none where a child has no row),
 * in one statement: the children table of a region page.
 */
export function childrenWithStatsPlan(
  parentCode: string,
  period: string,
  asOf: string | null = null,
): Plan<{ children: Region[]; stats: Map<string, StatsRow> }> {
  return {
    read: {
      sql: `SELECT r.code, r.name, r.level, r.parent_code, r.kind, ${STATS_COLUMNS_OF_S}
       FROM regions r LEFT JOIN region_period_stats s
         ON s.region_code = r.code AND s.period = ?2 AND ${statsAsOf("s", asOf ? "?3" : null)}
       WHERE r.parent_code = ?1 ORDER BY r.code`,
      params: asOf ? [parentCode, period, asOf] : [parentCode, period],
      columns: [...REGION_COLUMN_NAMES, ...STATS_COLUMN_NAMES],
    },
    shape: (rows) => {
      const stats = new Map<string, StatsRow>();
      const children = (rows as unknown as (Region & StatsRow)[]).map(
        ({ code, name, level, parent_code, kind, ...row }) => {
          if (row.period !== null) stats.set(code, row);
          return { code, name, level, parent_code, kind };
        },
      );
      return { children, stats };
    },
  };
}

export async function findChildrenStats(
  db: D1Database,
  parentCode: string,
  period: string,
  asOf: string | null = null,
): Promise<Map<string, StatsRow>> {
  const { results } = await db
    .prepare(
      `SELECT r.code AS region_code, ${STATS_COLUMNS_OF_S}
       FROM regions r JOIN region_period_stats s
         ON s.region_code = r.code AND s.period = ?2 AND ${statsAsOf("s", asOf ? "?3" : null)}
       WHERE r.parent_code = ?1`,
    )
    .bind(...(asOf ? [parentCode, period, asOf] : [parentCode, period]))
    .all<StatsRow & { region_code: string }>();
  return new Map(results.map((row) => [row.region_code, row]));
}

export type PeriodReturn = TimedReturn & { period: string };

/** The moment the village of row `t` first recorded a return for its period (SQL). */
const FIRST_RECORDED = (t: string) =>
  `(SELECT min(f.recorded_at) FROM income_returns f
     WHERE f.village_code = ${t}.village_code AND f.period = ${t}.period)`;

const RETURN_FIGURES = ["total", "operating", "contracting", "investment", "subsidy", "other"];

/** A village's current returns for every period, oldest first, as a plan. */
export function villageReturnsPlan(code: string, asOf: string | null = null): Plan<PeriodReturn[]> {
  return rowsOf<PeriodReturn>({
    sql: `SELECT village_code, period, ${RETURN_FIGURES.join(", ")},
         ${FIRST_RECORDED("i")} AS first_recorded_at
       FROM income_returns i WHERE village_code = ?1 AND ${returnsAsOf("i", asOf ? "?2" : null)}
       ORDER BY period`,
    params: asOf ? [code, asOf] : [code],
    columns: ["village_code", "period", ...RETURN_FIGURES, "first_recorded_at"],
  });
}

/**
 * A township's villages with their current returns for a period and for the same month a
 * year earlier (none where a village has no return), in one statement: the children table
 * of a township page.
 */
export function villagesWithReturnsPlan(
  parentCode: string,
  period: string,
  previousPeriod: string,
  asOf: string | null = null,
): Plan<{
  children: Region[];
  current: Map<string, TimedReturn>;
  previous: Map<string, VillageReturn>;
}> {
  const figures = (t: string) => RETURN_FIGURES.map((c) => `${t}.${c} AS ${t}_${c}`).join(", ");
  const read = {
    sql: `SELECT r.code, r.name, r.level, r.parent_code, r.kind, ${figures("c")}, ${figures("p")},
         ${FIRST_RECORDED("c")} AS c_first_recorded_at
       FROM regions r
         LEFT JOIN income_returns c
           ON c.village_code = r.code AND c.period = ?2 AND ${returnsAsOf("c", asOf ? "?4" : null)}
         LEFT JOIN income_returns p
           ON p.village_code = r.code AND p.period = ?3 AND ${returnsAsOf("p", asOf ? "?4" : null)}
       WHERE r.parent_code = ?1 ORDER BY r.code`,
    params: asOf
      ? [parentCode, period, previousPeriod, asOf]
      : [parentCode, period, previousPeriod],
    columns: [
      ...REGION_COLUMN_NAMES,
      ...RETURN_FIGURES.map((c) => `c_${c}`),
      ...RETURN_FIGURES.map((c) => `p_${c}`),
      "c_first_recorded_at",
    ],
  };
  const returnOf = (row: Record<string, unknown>, t: string): TimedReturn | null =>
    row[`${t}_total`] === null
      ? null
      : ({
          village_code: row.code,
          total: row[`${t}_total`],
          operating: row[`${t}_operating`],
          contracting: row[`${t}_contracting`],
          investment: row[`${t}_investment`],
          subsidy: row[`${t}_subsidy`],
          other: row[`${t}_other`],
          first_recorded_at: row[`${t}_first_recorded_at`] ?? null,
        } as TimedReturn);
  return {
    read,
    shape: (rows) => {
      const current = new Map<string, TimedReturn>();
      const previous = new Map<string, VillageReturn>();
      const children = rows.map((row) => {
        const c = returnOf(row, "c");
        const p = returnOf(row, "p");
        if (c) current.set(row.code as string, c);
        if (p) previous.set(row.code as string, p);
        const { code, name, level, parent_code, kind } = row as unknown as Region;
        return { code, name, level, parent_code, kind };
      });
      return { children, current, previous };
    },
  };
}
