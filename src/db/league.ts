/**
 * The rollups of every region of one level (nationally, or within a subtree) for a few
 * periods: the rows of a league table. An index seek on regions (level, code), then the
 * live rollups by key; never raw returns.
 */
import type { Level } from "../lib/codes.ts";
import { subtreeRange } from "../lib/codes.ts";
import type { RegionKind } from "./regions.ts";
import type { Plan } from "./json-rows.ts";
import type { StatsRow } from "./stats.ts";

export interface LevelRegion {
  code: string;
  name: string;
  kind: RegionKind;
  parent_code: string | null;
}

const STATS = `s.period, s.villages, s.reporting, s.income_total, s.operating, s.contracting,
  s.investment, s.subsidy, s.other, s.income_median, s.band_zero, s.band_lt_5w, s.band_5w_10w,
  s.band_10w_30w, s.band_30w_50w, s.band_50w_100w, s.band_ge_100w, s.yoy_matched,
  s.yoy_current, s.yoy_previous, s.on_time, s.late, s.days_late`;

export interface League {
  regions: LevelRegion[];
  stats: (StatsRow & { region_code: string })[];
}

/**
 * The regions at `level` under `within` (all of them when null), in code order, with their
 * live rollups for the given periods (none where a region has no row): one statement, as
 * a plan (json-rows.ts).
 */
export function levelLeaguePlan(
  level: Level,
  within: string | null,
  periods: readonly string[],
): Plan<League> {
  const [low, high] = within ? subtreeRange(within) : ["", "~"];
  return {
    read: {
      sql: `SELECT r.code, r.name, r.kind, r.parent_code, ${STATS}
       FROM regions r LEFT JOIN region_period_stats s
         ON s.region_code = r.code AND s.valid_to IS NULL
        AND s.period IN (SELECT value FROM json_each(?4))
       WHERE r.level = ?1 AND r.code > ?2 AND r.code < ?3
       ORDER BY r.code`,
      params: [level, low, high, JSON.stringify(periods)],
      columns: [
        "code",
        "name",
        "kind",
        "parent_code",
        ...STATS.split(",").map((c) => c.trim().slice(2)),
      ],
    },
    shape: (rows) => {
      const regions: LevelRegion[] = [];
      const stats: (StatsRow & { region_code: string })[] = [];
      for (const { code, name, kind, parent_code, ...row } of rows as unknown as (LevelRegion &
        StatsRow)[]) {
        if (regions.at(-1)?.code !== code) regions.push({ code, name, kind, parent_code });
        if (row.period !== null) stats.push({ ...row, region_code: code });
      }
      return { regions, stats };
    },
  };
}
