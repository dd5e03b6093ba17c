/**
 * League tables (比武榜, 比武打擂): regions of one level ranked on one indicator for a
 * month, as the monthly tables of the source articles do it: the top 20% are champions
 * (擂主), the bottom 10% are called in for a talk (约谈). Pure functions.
 *
 * - Competition ranking ("1224"): tied values share a rank, the next rank skips.
 * - Higher is better, except for weak villages (薄弱村) and their share.
 * - Regions without a value (no village reported) are not ranked and count for nothing.
 * - Top 20% and bottom 10% of the ranked regions, each rounded up, ties included: a region
 *   is a champion when fewer than ⌈20% × n⌉ regions are strictly better, and is called in
 *   when fewer than ⌈10% × n⌉ are strictly worse. A region that would be both (a league
 *   of one, or all tied) is neither.
 * - Change since the previous period: the value's change and the move in rank, against the
 *   previous month's table of the same regions.
 */
import type { Figure, Indicators } from "./indicators.ts";
import { ratio } from "./indicators.ts";

export const RANKING_INDICATORS = [
  "share_ge_10w",
  "share_ge_30w",
  "share_ge_50w",
  "share_ge_100w",
  "income_median",
  "income_mean",
  "income_total",
  "yoy_growth",
  "coverage",
  "reported_on_time",
  "weak_share",
] as const;
export type RankingIndicator = (typeof RANKING_INDICATORS)[number];

/** How a ranking indicator's value reads: a share, money, or a growth rate. */
export const RANKING_KIND: Record<RankingIndicator, "share" | "money" | "growth"> = {
  share_ge_10w: "share",
  share_ge_30w: "share",
  share_ge_50w: "share",
  share_ge_100w: "share",
  income_median: "money",
  income_mean: "money",
  income_total: "money",
  yoy_growth: "growth",
  coverage: "share",
  reported_on_time: "share",
  weak_share: "share",
};

export type Direction = "higher" | "lower";

export function directionOf(indicator: RankingIndicator): Direction {
  return indicator === "weak_share" ? "lower" : "higher";
}

export const CHAMPION_SHARE = 0.2;
export const CALLED_IN_SHARE = 0.1;

/** The figure ranked: an indicator, or the share of weak villages (weak / reporting). */
export function rankingFigure(indicators: Indicators, indicator: RankingIndicator): Figure {
  if (indicator === "weak_share") {
    const weak = indicators.weak_villages;
    return ratio(weak.numerator ?? 0, weak.denominator ?? 0);
  }
  return indicators[indicator];
}

export type Mark = "champion" | "called_in";

export interface LeagueEntry {
  code: string;
  value: number | null;
  previous: number | null;
}

export interface LeagueRow extends LeagueEntry {
  rank: number | null;
  previousRank: number | null;
  /** value − previous (null when either is missing). */
  change: number | null;
  /** Places moved up since the previous period (negative: down). */
  rankChange: number | null;
  mark: Mark | null;
}

export interface League {
  rows: LeagueRow[];
  ranked: number;
  champions: number;
  calledIn: number;
}

/** Competition ranks ("1224") of the values; null values get no rank. O(n log n). */
export function competitionRanks(
  values: readonly (number | null)[],
  direction: Direction,
): (number | null)[] {
  const sorted = values
    .filter((v): v is number => v !== null)
    .sort((a, b) => (direction === "higher" ? b - a : a - b));
  // The first position of a value in best-first order is its rank.
  const rankOf = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!rankOf.has(v)) rankOf.set(v, i + 1);
  });
  return values.map((v) => (v === null ? null : (rankOf.get(v) ?? null)));
}

/** How many places are champions and called in, for n ranked regions. */
export function markCounts(n: number): { champions: number; calledIn: number } {
  // Rounded after scaling to whole percent, so 20% of 10 is exactly 2, not 2.0000000004.
  return {
    champions: Math.ceil(Math.round(n * CHAMPION_SHARE * 1e6) / 1e6),
    calledIn: Math.ceil(Math.round(n * CALLED_IN_SHARE * 1e6) / 1e6),
  };
}

/** Ranks the entries; rows come back in rank order (unranked last), ties by code. */
export function rankLeague(entries: readonly LeagueEntry[], direction: Direction): League {
  const values = entries.map((e) => e.value);
  const ranks = competitionRanks(values, direction);
  const previousRanks = competitionRanks(
    entries.map((e) => e.previous),
    direction,
  );
  const worse = competitionRanks(values, direction === "higher" ? "lower" : "higher");
  const ranked = values.filter((v) => v !== null).length;
  const { champions, calledIn } = markCounts(ranked);
  const rows = entries.map((entry, i): LeagueRow => {
    const rank = ranks[i] ?? null;
    const previousRank = previousRanks[i] ?? null;
    const fromBottom = worse[i] ?? null;
    const top = rank !== null && rank <= champions;
    const bottom = fromBottom !== null && fromBottom <= calledIn;
    return {
      ...entry,
      rank,
      previousRank,
      change: entry.value !== null && entry.previous !== null ? entry.value - entry.previous : null,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      mark: top && !bottom ? "champion" : bottom && !top ? "called_in" : null,
    };
  });
  rows.sort((a, b) => {
    if (a.rank === null || b.rank === null) {
      if (a.rank !== b.rank) return a.rank === null ? 1 : -1;
    } else if (a.rank !== b.rank) return a.rank - b.rank;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  return { rows, ranked, champions, calledIn };
}
