/**
 * What a bulletin shows, computed from its release's data as of the release's freeze
 * moment (or live, for a draft previewed before its release is out): headline figures
 * chosen from the indicators, the children table, and the 提醒函 (reminder letter) part.
 */
import type { Bulletin } from "../db/bulletins.ts";
import type { Release } from "../db/releases.ts";
import { findChildrenStats, findRegionStatsSeries, rollupFromRow } from "../db/stats.ts";
import { findChildren, findRegion, type Region } from "../db/regions.ts";
import { subtreeRange } from "../lib/codes.ts";
import {
  indicatorsFromRollup,
  INDICATOR_KEYS,
  type Figure,
  type IndicatorKey,
  type Indicators,
} from "../lib/indicators.ts";
import { returnsAsOf } from "../db/as-of.ts";

/** Indicators an editor may pick as headline figures (2–6 of them). */
export const HEADLINE_CHOICES: readonly IndicatorKey[] = INDICATOR_KEYS;

export interface Reminders {
  asOf: string;
  overdueByDepartment: { department: string; count: number }[];
  targetsAtRisk: { village: string; title: string; due_on: string }[];
  targetsAtRiskCount: number;
  notReporting: { code: string; name: string }[];
  notReportingCount: number;
}

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

/** The 提醒函 part from the data as of `asOf` (returns) and now (problems, targets). */
export async function computeReminders(
  db: D1Database,
  regionCode: string,
  period: string,
  asOf: string | null,
  today: string,
): Promise<Reminders> {
  const [low, high] = subtreeRange(regionCode);
  const asOfParam = asOf ? "?4" : null;
  const [overdue, atRisk, atRiskCount, missing] = await Promise.all([
    db
      .prepare(
        `SELECT COALESCE(department, '（未认领）') AS department, count(*) AS count FROM problems
         WHERE region_code >= ?1 AND region_code < ?2 AND status IN ('open', 'claimed')
           AND due_on IS NOT NULL AND due_on < ?3
         GROUP BY 1 ORDER BY count DESC, department LIMIT 30`,
      )
      .bind(low, high, today)
      .all<{ department: string; count: number }>(),
    db
      .prepare(
        `SELECT r.name AS village, t.title, t.due_on FROM targets t JOIN regions r ON r.code = t.village_code
         WHERE t.village_code >= ?1 AND t.village_code < ?2 AND t.status = 'at_risk'
         ORDER BY t.due_on, t.id LIMIT 20`,
      )
      .bind(low, high)
      .all<{ village: string; title: string; due_on: string }>(),
    db
      .prepare(
        `SELECT count(*) AS n FROM targets WHERE village_code >= ?1 AND village_code < ?2 AND status = 'at_risk'`,
      )
      .bind(low, high)
      .first<{ n: number }>(),
    db
      .prepare(
        `SELECT r.code, r.name FROM regions r
         WHERE r.code >= ?1 AND r.code < ?2 AND r.kind = 'village_committee'
           AND NOT EXISTS (SELECT 1 FROM income_returns i WHERE i.village_code = r.code
                           AND i.period = ?3 AND ${returnsAsOf("i", asOfParam)})
         ORDER BY r.code`,
      )
      .bind(...(asOf ? [low, high, period, asOf] : [low, high, period]))
      .all<{ code: string; name: string }>(),
  ]);
  return {
    asOf: asOf ?? today,
    overdueByDepartment: overdue.results,
    targetsAtRisk: atRisk.results,
    targetsAtRiskCount: atRiskCount?.n ?? 0,
    notReporting: missing.results.slice(0, 50),
    notReportingCount: missing.results.length,
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
