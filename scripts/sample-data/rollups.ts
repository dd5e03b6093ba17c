/**
 * region_period_stats with its whole version history, exactly as the app would have
 * written it over time (src/db/rollups.ts): for each period P, a first version valid from
 * the moment P's returns were filed, computed from the returns as of that moment; then,
 * for each revision, new versions from the revision's time for the areas containing the
 * village, for P and for P+12 when P+12 had been filed by then (its year-on-year growth
 * reads P). A version is closed (valid_to) when the next one starts. So the as-of reads
 * give, for any release, the figures as published. Same rollupReturns as the app.
 */
import { rollupReturns, type Rollup, type TimedReturn } from "../../src/lib/indicators.ts";
import { addMonths, periodRange, previousYear } from "../../src/lib/periods.ts";
import { STATS_VALUE_COLUMNS, statsValues } from "../../src/db/rollups.ts";
import { FIRST_PERIOD, LAST_PERIOD } from "./config.ts";
import { recordedAt, type IncomeData, type IncomeRow } from "./income.ts";
import type { RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";

export const STATS_COLUMNS = [
  "region_code",
  "period",
  ...STATS_VALUE_COLUMNS,
  "valid_from",
  "valid_to",
] as const;

interface Version {
  values: (number | null)[];
  validFrom: string;
}

type Filed = IncomeRow & { first_recorded_at: string };

/**
 * The returns of every period as filed (on the deadline day or in a late batch), with the
 * revisions applied, as of a time; each with its village's first filing time.
 */
class ReturnsOverTime {
  readonly codes: string[];
  private readonly position: Map<string, number>;
  private readonly filed = new Map<string, (Filed | undefined)[]>();
  /** Each period's filing times, in order (the deadline day's first). */
  readonly filingTimes = new Map<string, string[]>();
  private readonly revisions: Filed[];

  constructor(idx: RegionIndex, income: IncomeData) {
    this.codes = idx.committees.map((v) => v.code);
    this.position = new Map(this.codes.map((code, i) => [code, i]));
    for (const row of income.rows) {
      let slot = this.filed.get(row.period);
      if (!slot) this.filed.set(row.period, (slot = new Array(this.codes.length)));
      slot[this.position.get(row.village_code) as number] = {
        ...row,
        first_recorded_at: row.recorded_at,
      };
      const times = this.filingTimes.get(row.period) ?? [];
      if (!times.includes(row.recorded_at)) times.push(row.recorded_at);
      this.filingTimes.set(row.period, times);
    }
    for (const times of this.filingTimes.values()) times.sort();
    this.revisions = [...income.revisions]
      .sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0))
      .map((r) => ({ ...r, first_recorded_at: this.firstFiled(r).recorded_at }));
  }

  private firstFiled(r: IncomeRow): Filed {
    return this.filed.get(r.period)?.[this.position.get(r.village_code) as number] as Filed;
  }

  /** Each committee's return for `period` as of `at` (undefined where none was filed). */
  slot(period: string, at: string): (TimedReturn | undefined)[] {
    const filed = this.filed.get(period) ?? [];
    const times = this.filingTimes.get(period) ?? [];
    // Before its last late batch, a period lacks the returns not yet filed.
    const base =
      (times.at(-1) ?? "") <= at
        ? filed
        : filed.map((r) => (r && r.recorded_at <= at ? r : undefined));
    const changed = this.revisions.filter((r) => r.period === period && r.recorded_at <= at);
    if (changed.length === 0) return base;
    const copy = [...base];
    for (const r of changed) copy[this.position.get(r.village_code) as number] = r;
    return copy;
  }

  totals(period: string, at: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.slot(period, at)) if (r) out.set(r.village_code, r.total);
    return out;
  }

  /** Revisions in time order. */
  get revisionsInOrder(): readonly IncomeRow[] {
    return this.revisions;
  }
}

/**
 * Each area's committees as a slice [first, end) of `codes` (committee codes in code
 * order, so an area's are contiguous), found by binary search on the area's code.
 */
export function areaSlices(
  codes: readonly string[],
  areaCodes: readonly string[],
): { code: string; first: number; end: number }[] {
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
  return areaCodes.map((code) => ({ code, first: lowerBound(code), end: lowerBound(`${code}~`) }));
}

export function rollupRows(idx: RegionIndex, income: IncomeData): SqlValue[][] {
  const data = new ReturnsOverTime(idx, income);
  const { codes } = data;
  const areas = areaSlices(
    codes,
    idx.all.filter((r) => r.kind === "area").map((r) => r.code),
  );
  const areaByCode = new Map(areas.map((a) => [a.code, a]));

  const rollupOf = (
    period: string,
    area: { first: number; end: number },
    slot: (TimedReturn | undefined)[],
    previous: Map<string, number>,
  ): Rollup => {
    const mine: TimedReturn[] = [];
    for (let i = area.first; i < area.end; i++) {
      const r = slot[i];
      if (r) mine.push(r);
    }
    return rollupReturns(period, area.end - area.first, mine, previous);
  };

  const versions = new Map<string, Version[]>();
  const record = (code: string, period: string, values: (number | null)[], at: string) => {
    const key = `${code}|${period}`;
    const list = versions.get(key) ?? [];
    const last = list.at(-1);
    if (last && last.values.every((v, i) => v === values[i])) return;
    // Two changes at the same moment make one version, as rebuildRollups does.
    if (last && last.validFrom === at) last.values = values;
    else list.push({ values, validFrom: at });
    versions.set(key, list);
  };

  // Every change in time order (a key's versions must come in order): each filing time
  // of a period (the deadline day's, then the late batches') for every area; then each
  // revision for the village's areas, for P and for P+12 when P+12 had been filed by then.
  const events: { at: string; period: string; areas: (typeof areas)[number][] }[] = [];
  for (const period of periodRange(FIRST_PERIOD, LAST_PERIOD)) {
    for (const at of data.filingTimes.get(period) ?? [recordedAt(period)]) {
      events.push({ at, period, areas });
    }
  }
  for (const revision of data.revisionsInOrder) {
    const at = revision.recorded_at;
    const next = addMonths(revision.period, 12);
    const periods = [revision.period];
    if (next <= LAST_PERIOD && recordedAt(next) <= at) periods.push(next);
    const village = revision.village_code;
    const mine = [
      village.slice(0, 9),
      village.slice(0, 6),
      village.slice(0, 4),
      village.slice(0, 2),
    ]
      .map((code) => areaByCode.get(code))
      .filter((area) => area !== undefined);
    for (const period of periods) events.push({ at, period, areas: mine });
  }
  // Stable: at one moment, filings before revisions, as they were made.
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const { at, period, areas: changed } of events) {
    const slot = data.slot(period, at);
    const previous = data.totals(previousYear(period), at);
    for (const area of changed) {
      record(area.code, period, statsValues(rollupOf(period, area, slot, previous)), at);
    }
  }

  const rows: SqlValue[][] = [];
  for (const [key, list] of versions) {
    const [code, period] = key.split("|") as [string, string];
    list.forEach((v, i) => {
      rows.push([code, period, ...v.values, v.validFrom, list[i + 1]?.validFrom ?? null]);
    });
  }
  return rows;
}
