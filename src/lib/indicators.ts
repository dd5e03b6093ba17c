/**
 * Collective-income indicators (DESIGN.md, "Collective income"): pure functions over
 * village returns and the per-region rollups built from them. Pages, the API, the
 * sample-data loader and the tests all compute through this one module.
 */
import { DEFAULT_DEADLINE_DAY, tallyPunctuality } from "./punctuality.ts";

/** The five income sources of a return; total is their sum (the income identity). */
export const SOURCES = ["operating", "contracting", "investment", "subsidy", "other"] as const;
export type Source = (typeof SOURCES)[number];

export type ReturnFigures = Record<Source | "total", number>;

/** A village's current return for a period. */
export interface VillageReturn extends ReturnFigures {
  village_code: string;
}

/**
 * A current return with the moment its village first recorded a return for the period
 * (ISO timestamp; later corrections do not move it): what punctuality is counted from.
 */
export interface TimedReturn extends VillageReturn {
  first_recorded_at: string;
}

/** Income bands on the year-to-date total, in yuan: [min, max) with max null = open. */
export const BANDS = [
  { key: "zero", min: 0, max: 1 },
  { key: "lt_5w", min: 1, max: 50_000 },
  { key: "5w_10w", min: 50_000, max: 100_000 },
  { key: "10w_30w", min: 100_000, max: 300_000 },
  { key: "30w_50w", min: 300_000, max: 500_000 },
  { key: "50w_100w", min: 500_000, max: 1_000_000 },
  { key: "ge_100w", min: 1_000_000, max: null },
] as const;
export type BandKey = (typeof BANDS)[number]["key"];

/** The band a year-to-date total falls in. Edges belong to the higher band. */
export function bandOf(total: number): BandKey {
  for (let i = BANDS.length - 1; i >= 0; i--) {
    const band = BANDS[i];
    if (band && total >= band.min) return band.key;
  }
  return "zero";
}

/** Median: the middle value, or the mean of the two middle values; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The identity every stored return must satisfy. */
export function satisfiesIdentity(r: ReturnFigures): boolean {
  return r.total === SOURCES.reduce((sum, source) => sum + r[source], 0);
}

/** What a region's rollup stores for one period (one row of region_period_stats). */
export interface Rollup {
  villages: number;
  reporting: number;
  income_total: number;
  operating: number;
  contracting: number;
  investment: number;
  subsidy: number;
  other: number;
  income_median: number | null;
  bands: Record<BandKey, number>;
  yoy_matched: number;
  yoy_current: number;
  yoy_previous: number;
  /**
   * Punctuality (src/lib/punctuality.ts): returns first recorded by the deadline, after it,
   * and the days late summed over the late ones. Null in rollups stored before it was kept.
   */
  on_time: number | null;
  late: number | null;
  days_late: number | null;
}

export function emptyBands(): Record<BandKey, number> {
  return Object.fromEntries(BANDS.map((b) => [b.key, 0])) as Record<BandKey, number>;
}

/**
 * Rolls up the returns of the village committees under a region for one period.
 * @param period the returns' period (YYYY-MM), for their reporting deadline
 * @param villages number of village committees under the region
 * @param returns their current returns for the period (one per reporting village)
 * @param previousTotals totals a year earlier, by village code (for matched-sample growth)
 * @param deadlineDay the reporting deadline's day of the following month (configuration)
 */
export function rollupReturns(
  period: string,
  villages: number,
  returns: readonly TimedReturn[],
  previousTotals: ReadonlyMap<string, number>,
  deadlineDay = DEFAULT_DEADLINE_DAY,
): Rollup {
  const punctuality = tallyPunctuality(
    period,
    villages,
    returns.map((r) => r.first_recorded_at),
    deadlineDay,
  );
  const rollup: Rollup = {
    villages,
    reporting: returns.length,
    income_total: 0,
    operating: 0,
    contracting: 0,
    investment: 0,
    subsidy: 0,
    other: 0,
    income_median: median(returns.map((r) => r.total)),
    bands: emptyBands(),
    yoy_matched: 0,
    yoy_current: 0,
    yoy_previous: 0,
    on_time: punctuality.onTime,
    late: punctuality.late,
    days_late: punctuality.daysLate,
  };
  for (const r of returns) {
    rollup.income_total += r.total;
    for (const source of SOURCES) rollup[source] += r[source];
    rollup.bands[bandOf(r.total)] += 1;
    const previous = previousTotals.get(r.village_code);
    if (previous !== undefined) {
      rollup.yoy_matched += 1;
      rollup.yoy_current += r.total;
      rollup.yoy_previous += previous;
    }
  }
  return rollup;
}

/** A published figure with its numerator and denominator where it has them. */
export interface Figure {
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Villages behind a matched-sample figure (year-on-year growth). */
  sample?: number;
}

export const INDICATOR_KEYS = [
  "villages",
  "reporting",
  "coverage",
  "income_total",
  "income_median",
  "income_mean",
  "earned_income",
  "share_ge_10w",
  "share_ge_30w",
  "share_ge_50w",
  "share_ge_100w",
  "weak_villages",
  "subsidy_share",
  "yoy_growth",
  "reported_on_time",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
export type Indicators = Record<IndicatorKey, Figure>;

/** numerator / denominator as a figure; null value when the denominator is 0. */
export function ratio(numerator: number, denominator: number): Figure {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}

function countAtLeast(bands: Record<BandKey, number>, min: number): number {
  return BANDS.filter((b) => b.min >= min).reduce((sum, b) => sum + bands[b.key], 0);
}

/** Every indicator of DESIGN.md from a region's rollup for one period. */
export function indicatorsFromRollup(r: Rollup): Indicators {
  const shareAtLeast = (min: number) => ratio(countAtLeast(r.bands, min), r.reporting);
  const weak = r.bands.zero + r.bands.lt_5w;
  const growth = ratio(r.yoy_current, r.yoy_previous);
  return {
    villages: { value: r.villages },
    reporting: { value: r.reporting, numerator: r.reporting, denominator: r.villages },
    coverage: ratio(r.reporting, r.villages),
    income_total: { value: r.income_total },
    income_median: { value: r.income_median },
    income_mean: ratio(r.income_total, r.reporting),
    // 经营性收入: total less subsidies, so subsidies cannot pass for earned income.
    earned_income: { value: r.income_total - r.subsidy },
    share_ge_10w: shareAtLeast(100_000),
    share_ge_30w: shareAtLeast(300_000),
    share_ge_50w: shareAtLeast(500_000),
    share_ge_100w: shareAtLeast(1_000_000),
    weak_villages: { value: weak, numerator: weak, denominator: r.reporting },
    subsidy_share: ratio(r.subsidy, r.income_total),
    yoy_growth: {
      value: growth.value === null ? null : growth.value - 1,
      numerator: r.yoy_current,
      denominator: r.yoy_previous,
      sample: r.yoy_matched,
    },
    // 报送及时率: first recorded by the deadline, over the villages that should report.
    reported_on_time: r.on_time === null ? { value: null } : ratio(r.on_time, r.villages),
  };
}
