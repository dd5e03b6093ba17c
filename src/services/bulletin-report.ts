/**
 * What a bulletin shows, computed from its release's data as of the release's freeze
 * moment (or live, for a draft previewed before its release is out): headline figures
 * chosen from the indicators, the children table, and the 提醒函 (reminder letter) part.
 */
import type { Bulletin } from "../db/bulletins.ts";
import type { Release } from "../db/releases.ts";
import { findChildrenStats, findRegionStatsSeries, rollupFromRow } from "../db/stats.ts";
import { findChildren, findRegion, type Region } from "../db/regions.ts";
import {
  indicatorsFromRollup,
  INDICATOR_KEYS,
  type Figure,
  type IndicatorKey,
  type Indicators,
} from "../lib/indicators.ts";
import { findOverdueByDepartment } from "../db/problems.ts";
import {
  findTownshipLapses,
  findVillagesNotReporting,
  findVillagesReportingLate,
} from "../db/reporting.ts";
import { findTargetsAtRisk } from "../db/targets.ts";
import { chinaDate } from "../lib/china-time.ts";
import { reportingDeadline, returnPunctuality } from "../lib/punctuality.ts";
import { configuredDeadlineDay } from "./reporting-deadline.ts";

/** Indicators an editor may pick as headline figures (2–6 of them). */
export const HEADLINE_CHOICES: readonly IndicatorKey[] = INDICATOR_KEYS;

export interface Reminders {
  asOf: string;
  overdueByDepartment: { department: string; count: number }[];
  targetsAtRisk: { village: string; title: string; due_on: string }[];
  targetsAtRiskCount: number;
  notReporting: { code: string; name: string }[];
  notReportingCount: number;
  /**
   * Punctuality (报送及时率, src/lib/punctuality.ts). Absent from 提醒函 frozen before it
   * was kept (the reminders_json of bulletins published earlier).
   */
  punctuality?: ReminderPunctuality;
}

/** Who filed the period's return late or not at all, as of the 提醒函's data moment. */
export interface ReminderPunctuality {
  /** The reporting deadline, a China date YYYY-MM-DD. */
  deadline: string;
  /** Whether the deadline had passed at the data moment (else unfiled ones are not yet due). */
  due: boolean;
  /** Villages first recorded after the deadline, latest first (at most REMINDER_LIST). */
  late: { code: string; name: string; days_late: number }[];
  lateCount: number;
  /** Townships with late or unfiled villages, worst first (at most REMINDER_LIST). */
  townships: { code: string; name: string; late: number; missing: number }[];
  townshipCount: number;
}

/** How many villages (or townships) a 提醒函 list names; the count says how many in all. */
export const REMINDER_LIST = 50;

export interface BulletinView {
  region: Region;
  asOf: string | null;
  headline: { key: IndicatorKey; figure: Figure }[];
  indicators: Indicators | null;
  children: { region: Region; indicators: Indicators | null }[];
  reminders: Reminders;
}

/** The data moment of a bulletin: its release's freeze time, or null (live) before it. */
export function dataMoment(release: Release): string | null {
  return release.status === "published" ? release.published_at : null;
}

/**
 * The 提醒函 part from the data as of `asOf` (returns, and when they were first recorded)
 * and now (problems, targets). Its reads run side by side: one round trip.
 */
export async function computeReminders(
  db: D1Database,
  regionCode: string,
  period: string,
  asOf: string | null,
  today: string,
): Promise<Reminders> {
  const day = configuredDeadlineDay();
  const deadline = reportingDeadline(period, day);
  const [overdue, atRisk, missing, late, townships] = await Promise.all([
    findOverdueByDepartment(db, regionCode, today),
    findTargetsAtRisk(db, regionCode, 20),
    findVillagesNotReporting(db, regionCode, period, asOf),
    findVillagesReportingLate(db, regionCode, period, deadline, asOf, REMINDER_LIST),
    findTownshipLapses(db, regionCode, period, deadline, asOf, REMINDER_LIST),
  ]);
  const moment = asOf ? chinaDate(asOf) : today;
  return {
    asOf: asOf ?? today,
    overdueByDepartment: overdue,
    targetsAtRisk: atRisk.rows,
    targetsAtRiskCount: atRisk.count,
    notReporting: missing.slice(0, REMINDER_LIST),
    notReportingCount: missing.length,
    punctuality: {
      deadline,
      due: moment > deadline,
      late: late.rows.map((v) => {
        const p = returnPunctuality(period, v.first_recorded_at, moment, day);
        return { code: v.code, name: v.name, days_late: p.status === "late" ? p.daysLate : 0 };
      }),
      lateCount: late.count,
      townships: townships.rows,
      townshipCount: townships.count,
    },
  };
}

export function headlineKeys(bulletin: Pick<Bulletin, "headline_indicators">): IndicatorKey[] {
  const keys = JSON.parse(bulletin.headline_indicators) as string[];
  return keys.filter((k): k is IndicatorKey => (INDICATOR_KEYS as readonly string[]).includes(k));
}

export async function loadBulletinView(
  db: D1Database,
  bulletin: Bulletin,
  release: Release,
  today: string,
): Promise<BulletinView> {
  const asOf = dataMoment(release);
  const region = await findRegion(db, bulletin.region_code);
  if (!region)
    throw new Error(`bulletin ${bulletin.id}: region ${bulletin.region_code} is missing`);
  const [series, children, childStats] = await Promise.all([
    findRegionStatsSeries(db, region.code, asOf),
    findChildren(db, region.code),
    findChildrenStats(db, region.code, bulletin.period, asOf),
  ]);
  const row = series.find((r) => r.period === bulletin.period);
  const indicators = row ? indicatorsFromRollup(rollupFromRow(row)) : null;
  const reminders = bulletin.reminders_json
    ? (JSON.parse(bulletin.reminders_json) as Reminders)
    : await computeReminders(db, region.code, bulletin.period, asOf, today);
  return {
    region,
    asOf,
    indicators,
    headline: indicators
      ? headlineKeys(bulletin).map((key) => ({ key, figure: indicators[key] }))
      : [],
    children: children
      .filter((c) => c.kind === "area")
      .map((c) => {
        const stats = childStats.get(c.code);
        return { region: c, indicators: stats ? indicatorsFromRollup(rollupFromRow(stats)) : null };
      }),
    reminders,
  };
}
