/**
 * League tables (比武榜) for the API, the /rankings page and each region page's section:
 * computed here once, from the per-region rollups, so that the pages and the API agree.
 */
import { runPlan, type Plan } from "../db/json-rows.ts";
import { levelLeaguePlan, type League } from "../db/league.ts";
import { readDatasetMeta, type DatasetMeta } from "../db/meta.ts";
import { findRegion, type Region } from "../db/regions.ts";
import { rollupFromRow } from "../db/stats.ts";
import { LEVELS } from "../lib/codes.ts";
import { NotFoundError, regionNotFound } from "../lib/errors.ts";
import { indicatorsFromRollup, type Figure } from "../lib/indicators.ts";
import { addMonths } from "../lib/periods.ts";
import {
  directionOf,
  rankingFigure,
  rankLeague,
  type Direction,
  type Mark,
  type RankingIndicator,
} from "../lib/rankings.ts";
import { toRef, type RegionRef } from "./region-report.ts";

/** Levels with rollups, so with league tables (villages have returns, not rollups). */
export const RANKING_LEVELS = ["province", "city", "county", "township"] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

/** A request that cannot be answered as asked (a 400): which parameter, and why. */
export class RankingRequestError extends Error {
  readonly parameter: string;
  readonly detailZh: string;
  constructor(parameter: string, detail: string, detailZh: string) {
    super(detail);
    this.parameter = parameter;
    this.detailZh = detailZh;
  }
}

export interface RankingRow {
  region: RegionRef;
  rank: number | null;
  figure: Figure | null;
  previous: { rank: number | null; value: number | null } | null;
  change: number | null;
  rankChange: number | null;
  mark: Mark | null;
}

export interface Ranking {
  level: RankingLevel;
  indicator: RankingIndicator;
  direction: Direction;
  period: string;
  previousPeriod: string | null;
  within: RegionRef | null;
  /** Regions at the level (ranked or not), ranked ones, champions and called-in places. */
  total: number;
  ranked: number;
  champions: number;
  calledIn: number;
  rows: RankingRow[];
  meta: DatasetMeta;
}

export interface RankingRequest {
  level: RankingLevel;
  indicator: RankingIndicator;
  period?: string | undefined;
  within?: string | null | undefined;
}

async function resolveWithin(
  db: D1Database,
  level: RankingLevel,
  code: string | null | undefined,
): Promise<Region | null> {
  if (!code) return null;
  const within = await findRegion(db, code);
  if (!within) {
    throw regionNotFound(code);
  }
  if (LEVELS.indexOf(within.level) >= LEVELS.indexOf(level)) {
    throw new RankingRequestError(
      "within",
      `within: ${within.name} (${within.level}) is not above the level ranked (${level}).`,
      `参数有误：within：${within.name} 不在所排名层级（${level}）之上。`,
    );
  }
  return within;
}

/**
 * The league table of `level` on `indicator` for a month (the latest when omitted).
 * `known`: the data facts and the region ranked within, when the caller has read them.
 */
export async function loadRanking(
  db: D1Database,
  request: RankingRequest,
  known?: { meta: DatasetMeta; within: Region | null },
): Promise<Ranking> {
  const [meta, within] = known
    ? [known.meta, known.within]
    : await Promise.all([readDatasetMeta(db), resolveWithin(db, request.level, request.within)]);
  return runPlan(db, rankingPlan(request, meta, within));
}

/**
 * The league table as a plan (json-rows.ts), to be read with a page's other reads; throws
 * NotFoundError when there is no data for the period asked for.
 */
export function rankingPlan(
  request: RankingRequest,
  meta: DatasetMeta,
  within: Region | null,
): Plan<Ranking> {
  const { level } = request;
  const period = request.period ?? meta.latestPeriod;
  const first = meta.firstPeriod;
  if (!period || !first || period < first || period > (meta.latestPeriod ?? "")) {
    const range = first ? `${first} to ${meta.latestPeriod}` : "none";
    throw new NotFoundError(
      `No data for ${request.period ?? "any period"}; periods with data: ${range}.`,
      `没有 ${request.period ?? "任何"} 的数据；有数据的期间：${first ? `${first} 至 ${meta.latestPeriod}` : "无"}。`,
    );
  }
  const previousPeriod = addMonths(period, -1) >= first ? addMonths(period, -1) : null;
  const code = within?.code ?? null;
  const league = levelLeaguePlan(level, code, previousPeriod ? [period, previousPeriod] : [period]);
  return {
    read: league.read,
    shape: (rows) => {
      const { regions, stats } = league.shape(rows);
      return shapeRanking(request, meta, within, period, previousPeriod, regions, stats);
    },
  };
}

function shapeRanking(
  { level, indicator }: RankingRequest,
  meta: DatasetMeta,
  within: Region | null,
  period: string,
  previousPeriod: string | null,
  regions: League["regions"],
  stats: League["stats"],
): Ranking {
  const figureOf = new Map<string, Figure>();
  for (const row of stats) {
    const figure = rankingFigure(indicatorsFromRollup(rollupFromRow(row)), indicator);
    figureOf.set(`${row.region_code}|${row.period}`, figure);
  }
  const current = (c: string) => figureOf.get(`${c}|${period}`) ?? null;
  const before = (c: string) =>
    previousPeriod ? (figureOf.get(`${c}|${previousPeriod}`)?.value ?? null) : null;
  const direction = directionOf(indicator);
  const league = rankLeague(
    regions.map((r) => ({
      code: r.code,
      value: current(r.code)?.value ?? null,
      previous: before(r.code),
    })),
    direction,
  );
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return {
    level,
    indicator,
    direction,
    period,
    previousPeriod,
    within: within ? toRef(within) : null,
    total: regions.length,
    ranked: league.ranked,
    champions: league.champions,
    calledIn: league.calledIn,
    rows: league.rows.map((row) => {
      const region = byCode.get(row.code) as (typeof regions)[number];
      return {
        region: { code: region.code, name: region.name, level, kind: region.kind },
        rank: row.rank,
        figure: current(row.code),
        previous: previousPeriod ? { rank: row.previousRank, value: row.previous } : null,
        change: row.change,
        rankChange: row.rankChange,
        mark: row.mark,
      };
    }),
    meta,
  };
}

/**
 * A region ranked among its siblings (the children of its parent; provinces: all), as a
 * plan; null for villages, which have no league. Throws NotFoundError as rankingPlan does.
 */
export function siblingRankingPlan(
  region: Region,
  indicator: RankingIndicator,
  period: string | undefined,
  known: { meta: DatasetMeta; parent: Region | null },
): Plan<Ranking> | null {
  if (region.level === "village") return null;
  return rankingPlan(
    { level: region.level as RankingLevel, indicator, period, within: region.parent_code },
    known.meta,
    known.parent,
  );
}

/** The API's shape of a ranking (snake_case, as the other endpoints). */
export function rankingBody(ranking: Ranking) {
  return {
    level: ranking.level,
    indicator: ranking.indicator,
    direction: ranking.direction,
    period: ranking.period,
    previous_period: ranking.previousPeriod,
    within: ranking.within,
    regions: ranking.total,
    ranked: ranking.ranked,
    champions: ranking.champions,
    called_in: ranking.calledIn,
    rows: ranking.rows.map((row) => ({
      rank: row.rank,
      region: row.region,
      value: row.figure,
      previous: row.previous,
      change: row.change,
      rank_change: row.rankChange,
      mark: row.mark,
    })),
    data_updated_at: ranking.meta.lastUpdated,
    sample_data: ranking.meta.sampleData,
  };
}
