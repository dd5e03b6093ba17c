/**
 * Punctuality of disclosure (报送及时率): village affairs must be made public on time, so
 * a return counts as on time when it was first recorded by its deadline: by default the
 * 10th of the month after its period, China time (the day is configuration:
 * REPORTING_DEADLINE_DAY). A later first record is late by the calendar days after the
 * deadline; a village with no return is missing once the deadline has passed (before
 * then, not yet due). Corrections filed later do not change when a return was first
 * recorded. Pure functions; the rollups count with them (src/db/rollups.ts).
 */
import { chinaDate } from "./china-time.ts";
import { addMonths } from "./periods.ts";
import { daysBetween, ratio, type RatioFigure } from "./problem-indicators.ts";

export const DEFAULT_DEADLINE_DAY = 10;

/**
 * The deadline day from configuration: a whole day of the month from 1 to 28 (every
 * month has it), else the default. @example deadlineDay("15") // 15
 */
export function deadlineDay(configured: string | undefined): number {
  const day = Number(configured);
  return Number.isInteger(day) && day >= 1 && day <= 28 ? day : DEFAULT_DEADLINE_DAY;
}

/**
 * The last China date (YYYY-MM-DD) on which a return for `period` is on time: day `day` of
 * the following month. @example reportingDeadline("2026-12") // "2027-01-10"
 */
export function reportingDeadline(period: string, day = DEFAULT_DEADLINE_DAY): string {
  return `${addMonths(period, 1)}-${String(day).padStart(2, "0")}`;
}

export type Punctuality =
  | { status: "on_time" }
  | { status: "late"; daysLate: number }
  | { status: "missing" }
  | { status: "not_yet_due" };

/**
 * One village's punctuality for `period`: from the moment its return was first recorded
 * (an ISO timestamp; null when it has none) and today's China date.
 */
export function returnPunctuality(
  period: string,
  firstRecordedAt: string | null,
  today: string,
  day = DEFAULT_DEADLINE_DAY,
): Punctuality {
  const deadline = reportingDeadline(period, day);
  if (firstRecordedAt === null)
    return today > deadline ? { status: "missing" } : { status: "not_yet_due" };
  const recorded = chinaDate(firstRecordedAt);
  return recorded <= deadline
    ? { status: "on_time" }
    : { status: "late", daysLate: daysBetween(deadline, recorded) };
}

/** The counts a region's rollup keeps for a period. */
export interface PunctualityTally {
  /** Villages that should report (the region's village committees). */
  villages: number;
  onTime: number;
  late: number;
  /** Days late summed over the late returns. */
  daysLate: number;
}

/** Counts the first-record moments of a region's returns for `period` (one per reporting village). */
export function tallyPunctuality(
  period: string,
  villages: number,
  firstRecordedAt: readonly string[],
  day = DEFAULT_DEADLINE_DAY,
): PunctualityTally {
  const tally: PunctualityTally = { villages, onTime: 0, late: 0, daysLate: 0 };
  for (const at of firstRecordedAt) {
    // Any date after the deadline serves as "today": these returns exist.
    const p = returnPunctuality(period, at, "9999-12-31", day);
    if (p.status === "on_time") tally.onTime += 1;
    else if (p.status === "late") {
      tally.late += 1;
      tally.daysLate += p.daysLate;
    }
  }
  return tally;
}

export interface PunctualityFigures {
  /** On time over the villages that should report (numerator, denominator). */
  reported_on_time: RatioFigure;
  late: number;
  /** Mean days late of the late returns; null when none was late. */
  mean_days_late: number | null;
  /** No return: missing once the deadline has passed, else not yet due. */
  missing: number;
  due: boolean;
  deadline: string;
}

/** The indicator and the counts beside it, as of `today` (China date). */
export function punctualityFigures(
  period: string,
  t: PunctualityTally,
  today: string,
  day = DEFAULT_DEADLINE_DAY,
): PunctualityFigures {
  const deadline = reportingDeadline(period, day);
  return {
    reported_on_time: ratio(t.onTime, t.villages),
    late: t.late,
    mean_days_late: t.late > 0 ? t.daysLate / t.late : null,
    missing: t.villages - t.onTime - t.late,
    due: today > deadline,
    deadline,
  };
}
