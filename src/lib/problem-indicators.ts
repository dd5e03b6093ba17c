/**
 * Indicator math of the problem lists (问题清单): counts by status, the resolution rate
 * 办结率 = (resolved + closed) / collected, and median days to claim and to resolve.
 * Pure functions; the API and the pages both get their figures through these.
 */
import { keys } from "./vocabulary.ts";

export const PROBLEM_STATUSES = keys("problem_status");
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** A figure published with what it was computed from. */
export interface RatioFigure {
  value: number | null;
  numerator: number;
  denominator: number;
}

/** A median with the number of cases it is taken over. */
export interface MedianFigure {
  value: number | null;
  sample: number;
}

/** How many cases had each value, as [value, cases] pairs in any order. */
export type Tally = readonly (readonly [value: number, cases: number])[];

/**
 * The median of a tally: the middle case, or the mean of the two middle cases when the
 * count is even; null when there are none. Durations are whole days, so a region's
 * problems come from the database as one row per distinct duration, however many there are.
 */
export function medianOfTally(tally: Tally): MedianFigure {
  const sorted = tally.filter(([, n]) => n > 0).toSorted((a, b) => a[0] - b[0]);
  const sample = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (sample === 0) return { value: null, sample };
  /** The k-th smallest case (0-based). */
  const at = (k: number): number => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (k < seen) return value;
    }
    throw new Error("medianOfTally: index past the end");
  };
  const mid = Math.floor(sample / 2);
  const value = sample % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { value, sample };
}

/** Whole days from one date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function ratio(numerator: number, denominator: number): RatioFigure {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}

export interface ProblemSummary {
  /** Every problem on the list. */
  collected: number;
  /** Current status of each problem; the four add up to collected. */
  by_status: Record<ProblemStatus, number>;
  /** Problems that reached each step (a closed problem was also claimed and resolved). */
  reached: { claimed: number; resolved: number; closed: number };
  /** Unresolved (open or claimed) problems, and those of them past their due date. */
  unresolved: number;
  overdue: number;
  /** 办结率 = (resolved + closed) / collected. */
  resolution_rate: RatioFigure;
  /** From raising to claiming, over claimed problems. */
  median_days_to_claim: MedianFigure;
  /** From raising to resolution, over resolved (and closed) problems. */
  median_days_to_resolve: MedianFigure;
}

/**
 * The summary of a problem list from its counts by status, its overdue count and tallies
 * of the durations (in days) of the problems that were claimed and resolved.
 */
export function summariseProblems(
  byStatus: Partial<Record<ProblemStatus, number>>,
  overdue: number,
  claimDays: Tally,
  resolveDays: Tally,
): ProblemSummary {
  const counts = Object.fromEntries(PROBLEM_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as Record<
    ProblemStatus,
    number
  >;
  const collected = counts.open + counts.claimed + counts.resolved + counts.closed;
  const solved = counts.resolved + counts.closed;
  return {
    collected,
    by_status: counts,
    reached: { claimed: collected - counts.open, resolved: solved, closed: counts.closed },
    unresolved: counts.open + counts.claimed,
    overdue,
    resolution_rate: ratio(solved, collected),
    median_days_to_claim: medianOfTally(claimDays),
    median_days_to_resolve: medianOfTally(resolveDays),
  };
}
