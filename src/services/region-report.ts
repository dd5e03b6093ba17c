/**
 * Everything the region page and the region API say about a region, computed once here so
 * that a page and the API can never disagree. Figures come from the per-region rollups
 * (or, for a single village, from its own returns) through the indicator functions.
 */
import { chinaDate } from "../lib/china-time.ts";
import { punctualityFigures, type PunctualityFigures } from "../lib/punctuality.ts";
import { configuredDeadlineDay } from "./reporting-deadline.ts";
import { runPlan, runPlans, type Plan, type Shaped } from "../db/json-rows.ts";
import type { DatasetMeta } from "../db/meta.ts";
import { datasetMetaPlan } from "../db/meta.ts";
import type { Region } from "../db/regions.ts";
import { regionChildrenPlan, regionLineagePlan } from "../db/regions.ts";
import type { PeriodReturn, StatsRow } from "../db/stats.ts";
import {
  childrenWithStatsPlan,
  regionStatsSeriesPlan,
  rollupFromRow,
  villageReturnsPlan,
  villagesWithReturnsPlan,
} from "../db/stats.ts";
import { isVillageCommittee, levelOfCode } from "../lib/codes.ts";
import { NotFoundError, regionNotFound } from "../lib/errors.ts";
import type { BandKey, Indicators, Rollup, Source } from "../lib/indicators.ts";
import { BANDS, indicatorsFromRollup, rollupReturns, SOURCES } from "../lib/indicators.ts";
import { periodRange, previousYear } from "../lib/periods.ts";

export interface RegionRef {
  code: string;
  name: string;
  level: Region["level"];
  kind: Region["kind"];
}

export interface PeriodFigures {
  period: string;
  indicators: Indicators;
  bands: { key: BandKey; min: number; max: number | null; count: number }[];
  sources: Record<Source, number>;
  /** On time, late and missing returns as of today; null where not counted. */
  punctuality: PunctualityFigures | null;
}

/** A region's rollups for every period, oldest first. */
export interface RegionData {
  region: Region;
  parents: RegionRef[];
  rollups: Map<string, Rollup>;
  /** The most recent period in which any of its villages reported. */
  latestPeriod: string | null;
  meta: DatasetMeta;
  /** A village's own returns, oldest first (null above village level). */
  returns: PeriodReturn[] | null;
}

function datasetPeriods(meta: DatasetMeta): string[] {
  return meta.firstPeriod && meta.latestPeriod
    ? periodRange(meta.firstPeriod, meta.latestPeriod)
    : [];
}

export function toRef(region: Region): RegionRef {
  return { code: region.code, name: region.name, level: region.level, kind: region.kind };
}

/**
 * A village's own rollups, built from its returns through the same function as every
 * other region's, for every period of the data set (a month without a return is a
 * month in which it did not report).
 */
function villageRollups(
  region: Region,
  returns: PeriodReturn[],
  periods: string[],
): Map<string, Rollup> {
  const villages = isVillageCommittee(region.code) ? 1 : 0;
  const byPeriod = new Map(returns.map((r) => [r.period, r]));
  const rollups = new Map<string, Rollup>();
  const deadlineDay = configuredDeadlineDay();
  for (const period of periods) {
    const current = byPeriod.get(period);
    const previous = byPeriod.get(previousYear(period));
    const previousTotals = new Map(previous ? [[region.code, previous.total]] : []);
    rollups.set(
      period,
      rollupReturns(period, villages, current ? [current] : [], previousTotals, deadlineDay),
    );
  }
  return rollups;
}

/**
 * Loads a region with its parents and all its rollups; throws NotFoundError. `asOf` (a
 * release's freeze moment) reads the figures as they were then; live when null.
 */
export async function loadRegionData(
  db: D1Database,
  code: string,
  asOf: string | null = null,
): Promise<RegionData> {
  return regionDataFrom(code, await runPlans(db, regionDataPlans(code, asOf)));
}

/**
 * What loadRegionData reads, as plans for one statement: the region with its ancestors,
 * the data facts, and its figures (a village's returns, or a region's rollups: the code's
 * length says which).
 */
export function regionDataPlans(code: string, asOf: string | null = null) {
  const isVillage = levelOfCode(code) === "village";
  return {
    lineage: regionLineagePlan(code),
    meta: datasetMetaPlan(),
    returns: isVillage ? villageReturnsPlan(code, asOf) : null,
    stats: isVillage ? null : regionStatsSeriesPlan(code, asOf),
  };
}

/** A region's data from the reads of regionDataPlans; throws NotFoundError. */
export function regionDataFrom(
  code: string,
  read: Shaped<ReturnType<typeof regionDataPlans>>,
): RegionData {
  return regionDataOf(code, read.lineage, read.meta, read.returns, read.stats);
}

/**
 * A region's data from its reads (loadRegionData's, or a page's that reads several regions
 * together); throws NotFoundError when no region has the code.
 */
export function regionDataOf(
  code: string,
  lineage: { region: Region | null; ancestors: Region[] },
  meta: DatasetMeta,
  returns: PeriodReturn[] | null,
  statsRows: StatsRow[] | null,
): RegionData {
  const region = lineage.region;
  if (!region) {
    throw regionNotFound(code);
  }
  const rollups = returns
    ? villageRollups(region, returns, datasetPeriods(meta))
    : new Map((statsRows ?? []).map((row) => [row.period, rollupFromRow(row)]));
  const reported = [...rollups].filter(([, r]) => r.reporting > 0).map(([period]) => period);
  return {
    region,
    parents: lineage.ancestors.map(toRef),
    rollups,
    latestPeriod: reported.at(-1) ?? null,
    meta,
    returns,
  };
}

/** The figures of one period; throws NotFoundError when the region has none for it. */
export function figuresFor(data: RegionData, period: string): PeriodFigures {
  const rollup = data.rollups.get(period);
  if (!rollup) {
    const periods = [...data.rollups.keys()];
    const range = periods.length ? `${periods[0]} to ${periods.at(-1)}` : "none";
    const rangeZh = periods.length ? `${periods[0]} 至 ${periods.at(-1)}` : "无";
    throw new NotFoundError(
      `${data.region.name} (${data.region.code}) has no data for ${period}; periods with data: ${range}.`,
      `${data.region.name}（${data.region.code}）没有 ${period} 的数据；有数据的期间：${rangeZh}。`,
    );
  }
  return figuresOf(period, rollup);
}

export function figuresOf(period: string, rollup: Rollup): PeriodFigures {
  return {
    period,
    indicators: indicatorsFromRollup(rollup),
    bands: BANDS.map((b) => ({ key: b.key, min: b.min, max: b.max, count: rollup.bands[b.key] })),
    sources: Object.fromEntries(SOURCES.map((s) => [s, rollup[s]])) as Record<Source, number>,
    punctuality: punctualityOf(period, rollup),
  };
}

/** A rollup's punctuality as of today's China date (missing once the deadline is past). */
function punctualityOf(period: string, rollup: Rollup): PunctualityFigures | null {
  if (rollup.on_time === null || rollup.late === null || rollup.days_late === null) return null;
  const tally = {
    villages: rollup.villages,
    onTime: rollup.on_time,
    late: rollup.late,
    daysLate: rollup.days_late,
  };
  return punctualityFigures(
    period,
    tally,
    chinaDate(new Date().toISOString()),
    configuredDeadlineDay(),
  );
}

/** The period to show: the one asked for, else the latest with any return. */
export function resolvePeriod(data: RegionData, requested: string | undefined): string | null {
  return requested ?? data.latestPeriod ?? [...data.rollups.keys()].at(-1) ?? null;
}

export interface ChildRow {
  region: RegionRef;
  indicators: Indicators | null;
}

/** The children of a region with their indicators for one period. */
export function loadChildren(
  db: D1Database,
  region: Region,
  period: string | null,
  asOf: string | null = null,
): Promise<ChildRow[]> {
  return runPlan(db, childrenPlan(region, period, asOf));
}

/** The children of a region with their indicators for one period, as a plan (json-rows.ts). */
export function childrenPlan(
  region: Region,
  period: string | null,
  asOf: string | null = null,
): Plan<ChildRow[]> {
  if (!period) {
    const plan = regionChildrenPlan(region.code);
    return {
      read: plan.read,
      shape: (rows) =>
        plan.shape(rows).map((child) => ({ region: toRef(child), indicators: null })),
    };
  }
  if (region.level === "township") {
    // Children are villages: their own return (and a year earlier) for the period.
    const plan = villagesWithReturnsPlan(region.code, period, previousYear(period), asOf);
    return {
      read: plan.read,
      shape: (rows) => {
        const { children, current, previous } = plan.shape(rows);
        const deadlineDay = configuredDeadlineDay();
        return children.map((child) => {
          const ret = current.get(child.code);
          const prior = previous.get(child.code);
          const rollup = rollupReturns(
            period,
            isVillageCommittee(child.code) ? 1 : 0,
            ret ? [ret] : [],
            new Map(prior ? [[child.code, prior.total]] : []),
            deadlineDay,
          );
          return { region: toRef(child), indicators: indicatorsFromRollup(rollup) };
        });
      },
    };
  }
  const plan = childrenWithStatsPlan(region.code, period, asOf);
  return {
    read: plan.read,
    shape: (rows) => {
      const { children, stats } = plan.shape(rows);
      return children.map((child) => {
        const row = stats.get(child.code);
        return {
          region: toRef(child),
          indicators: row ? indicatorsFromRollup(rollupFromRow(row)) : null,
        };
      });
    },
  };
}

/** Year-to-date income by month, one line per year: the shape of the income chart. */
export interface IncomeByYear {
  years: string[];
  /** values[year][month - 1]: year-to-date total, null where no village reported. */
  values: Record<string, (number | null)[]>;
}

export function incomeByYear(data: RegionData): IncomeByYear {
  const values: Record<string, (number | null)[]> = {};
  for (const [period, rollup] of data.rollups) {
    const [year, month] = period.split("-") as [string, string];
    values[year] ??= Array.from({ length: 12 }, () => null);
    (values[year] as (number | null)[])[Number(month) - 1] =
      rollup.reporting > 0 ? rollup.income_total : null;
  }
  return { years: Object.keys(values).sort(), values };
}

/** Income by source for the same months of each year (year-to-date at `month`), oldest first. */
export function sourcesByYear(
  data: RegionData,
  period: string,
): {
  year: string;
  period: string;
  sources: Record<Source, number>;
  total: number;
  earned: number | null;
  reporting: number;
}[] {
  const month = period.slice(5);
  const rows = [];
  for (const [p, rollup] of data.rollups) {
    if (p.slice(5) !== month || p > period) continue;
    rows.push({
      year: p.slice(0, 4),
      period: p,
      sources: Object.fromEntries(SOURCES.map((s) => [s, rollup[s]])) as Record<Source, number>,
      total: rollup.income_total,
      earned: indicatorsFromRollup(rollup).earned_income.value,
      reporting: rollup.reporting,
    });
  }
  return rows.slice(-5);
}

/** Villages, reporting villages and coverage for each of the last `months` periods. */
export function coverageSeries(data: RegionData, period: string, months = 24) {
  return [...data.rollups]
    .filter(([p]) => p <= period)
    .slice(-months)
    .map(([p, rollup]) => ({ period: p, ...indicatorsFromRollup(rollup).coverage }));
}
