/**
 * Indicator math of the problem lists (问题清单): counts by status, the resolution rate
 * 办结率 = (resolved + closed) / collected, and median days to claim and to resolve.
 * Pure functions; the API and the pages both get their figures through these.
 */

export const PROBLEM_STATUSES = ["open", "claimed", "resolved", "closed"] as const;
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

/** The middle value; the mean of the two middle values when even; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function medianFigure(values: readonly number[]): MedianFigure {
  return { value: median(values), sample: values.length };
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
 * The summary of a problem list from its counts by status, its overdue count and the
 * durations (in days) of the problems that were claimed and resolved.
 */
export function summariseProblems(
  byStatus: Partial<Record<ProblemStatus, number>>,
  overdue: number,
  claimDays: readonly number[],
  resolveDays: readonly number[],
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
    median_days_to_claim: medianFigure(claimDays),
    median_days_to_resolve: medianFigure(resolveDays),
  };
}
