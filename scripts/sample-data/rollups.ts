/**
 * region_period_stats (the live versions): for every region above village level
 * and every period, the rollup of its village committees' current returns, computed with
 * the same rollupReturns that the app uses when returns change, so the sample's stored
 * rollups are exactly what the app would have stored.
 */
import { rollupReturns, type VillageReturn } from "../../src/lib/indicators.ts";
import { periodRange, previousYear } from "../../src/lib/periods.ts";
import { COMPUTED_AT, FIRST_PERIOD, LAST_PERIOD } from "./config.ts";
import type { RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";

export const STATS_COLUMNS = [
  "region_code",
  "period",
  "villages",
  "reporting",
  "income_total",
  "operating",
  "contracting",
  "investment",
  "subsidy",
  "other",
  "income_median",
  "band_zero",
  "band_lt_5w",
  "band_5w_10w",
  "band_10w_30w",
  "band_30w_50w",
  "band_50w_100w",
  "band_ge_100w",
  "yoy_matched",
  "yoy_current",
  "yoy_previous",
  "valid_from",
] as const;

export function rollupRows(idx: RegionIndex, current: Map<string, VillageReturn[]>): SqlValue[][] {
  // Committees are in code order, so each area's committees are one contiguous slice:
  // [first, end) found once by binary search on the code prefix.
  const codes = idx.committees.map((v) => v.code);
  const position = new Map(codes.map((code, i) => [code, i]));
  const lowerBound = (key: string) => {
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((codes[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const areas = idx.all
    .filter((r) => r.kind === "area")
    .map((region) => ({
      region,
      first: lowerBound(region.code),
      end: lowerBound(`${region.code}~`),
    }));

  // Each period's current returns in committee order (undefined where none was filed).
  const slots = new Map<string, (VillageReturn | undefined)[]>();
  const totals = new Map<string, Map<string, number>>();
  for (const [period, returns] of current) {
    const slot = new Array<VillageReturn | undefined>(codes.length);
    for (const r of returns) slot[position.get(r.village_code) as number] = r;
    slots.set(period, slot);
    totals.set(period, new Map(returns.map((r) => [r.village_code, r.total])));
  }

  const rows: SqlValue[][] = [];
  for (const period of periodRange(FIRST_PERIOD, LAST_PERIOD)) {
    const slot = slots.get(period) ?? [];
    // The whole map of a year earlier: rollupReturns only looks up its reporting villages.
    const previous = totals.get(previousYear(period)) ?? new Map<string, number>();
    for (const { region, first, end } of areas) {
      const mine: VillageReturn[] = [];
      for (let i = first; i < end; i++) {
        const r = slot[i];
        if (r) mine.push(r);
      }
      const r = rollupReturns(end - first, mine, previous);
      rows.push([
        region.code,
        period,
        r.villages,
        r.reporting,
        r.income_total,
        r.operating,
        r.contracting,
        r.investment,
        r.subsidy,
        r.other,
        r.income_median,
        r.bands.zero,
        r.bands.lt_5w,
        r.bands["5w_10w"],
        r.bands["10w_30w"],
        r.bands["30w_50w"],
        r.bands["50w_100w"],
        r.bands.ge_100w,
        r.yoy_matched,
        r.yoy_current,
        r.yoy_previous,
        COMPUTED_AT,
      ]);
    }
  }
  return rows;
}
