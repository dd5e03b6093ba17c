/**
 * Keeps region_period_stats up to date when returns change: recomputes the rollups of a
 * region and every area below it from the current raw returns, for the given periods.
 * A rollup that changed gets a new version (the old one is closed with valid_to), so the
 * figures as of any earlier moment stay readable; an unchanged one is left alone.
 * Pages and the API only ever read the rollups.
 */
import { subtreeRange } from "../lib/codes.ts";
import type { Rollup, TimedReturn, VillageReturn } from "../lib/indicators.ts";
import { rollupReturns } from "../lib/indicators.ts";
import { previousYear } from "../lib/periods.ts";
import { DEFAULT_DEADLINE_DAY } from "../lib/punctuality.ts";

/** Column order of region_period_stats's values after (region_code, period). */
export const STATS_VALUE_COLUMNS = [
  "villages",
  "reporting",
  "income_total",
  "operating",
  "contracting",
  "investment",
  "subsidy",
  "other",
  "income_median",
  "band_zero",
  "band_lt_5w",
  "band_5w_10w",
  "band_10w_30w",
  "band_30w_50w",
  "band_50w_100w",
  "band_ge_100w",
  "yoy_matched",
  "yoy_current",
  "yoy_previous",
  "on_time",
  "late",
  "days_late",
] as const;

/** A rollup's values in STATS_VALUE_COLUMNS order. */
export function statsValues(r: Rollup): (number | null)[] {
  const b = r.bands;
  return [
    r.villages,
    r.reporting,
    r.income_total,
    r.operating,
    r.contracting,
    r.investment,
    r.subsidy,
    r.other,
    r.income_median,
    b.zero,
    b.lt_5w,
    b["5w_10w"],
    b["10w_30w"],
    b["30w_50w"],
    b["50w_100w"],
    b.ge_100w,
    r.yoy_matched,
    r.yoy_current,
    r.yoy_previous,
    r.on_time,
    r.late,
    r.days_late,
  ];
}

async function liveRollups(
  db: D1Database,
  low: string,
  high: string,
  period: string,
): Promise<Map<string, { values: (number | null)[]; validFrom: string }>> {
  const { results } = await db
    .prepare(
      `SELECT region_code, valid_from, ${STATS_VALUE_COLUMNS.join(", ")} FROM region_period_stats
       WHERE region_code >= ?1 AND region_code < ?2 AND period = ?3 AND valid_to IS NULL`,
    )
    .bind(low, high, period)
    .all<Record<string, number | null> & { region_code: string; valid_from: string }>();
  return new Map(
    results.map((row) => [
      row.region_code,
      { values: STATS_VALUE_COLUMNS.map((c) => row[c] ?? null), validFrom: row.valid_from },
    ]),
  );
}

function sameValues(a: (number | null)[], b: (number | null)[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The current returns of a period under [low, high), each with the moment its village
 * first recorded one for the period (the earliest row, superseded or not: the table is
 * clustered on village, period and recorded_at, so that is the first row of the group).
 */
async function currentReturns(
  db: D1Database,
  low: string,
  high: string,
  period: string,
): Promise<TimedReturn[]> {
  const { results } = await db
    .prepare(
      `SELECT i.village_code, i.total, i.operating, i.contracting, i.investment, i.subsidy,
              i.other,
              (SELECT min(f.recorded_at) FROM income_returns f
                WHERE f.village_code = i.village_code AND f.period = i.period) AS first_recorded_at
       FROM income_returns i
       WHERE i.village_code >= ?1 AND i.village_code < ?2 AND i.period = ?3
         AND i.superseded_at IS NULL`,
    )
    .bind(low, high, period)
    .all<TimedReturn>();
  return results;
}

/**
 * Recomputes the live rollups of `rootCode` and every area (non-village region) below it
 * for each of `periods`, as changed at `computedAt` (an ISO timestamp, the moment of the
 * change), with punctuality counted against day `deadlineDay` of the following month.
 * Writes in one atomic batch; returns the number of statements written.
 */
export async function rebuildRollups(
  db: D1Database,
  rootCode: string,
  periods: readonly string[],
  computedAt: string,
  deadlineDay = DEFAULT_DEADLINE_DAY,
): Promise<number> {
  const statements = await planRollups(db, rootCode, periods, computedAt, [], deadlineDay);
  if (statements.length > 0) await db.batch(statements);
  return statements.length;
}

/**
 * A return not yet written: planned rollups count it in place of the stored one. Its
 * village's first record for the period is the stored one's when there is one, else
 * the moment of the change.
 */
export type PendingReturn = VillageReturn & { period: string };

/**
 * The statements rebuildRollups would write, without writing them, counting `pending`
 * returns as if already stored: an upload puts them in the same batch as its returns,
 * so the returns and their rollups are written together or not at all.
 */
export async function planRollups(
  db: D1Database,
  rootCode: string,
  periods: readonly string[],
  computedAt: string,
  pending: readonly PendingReturn[] = [],
  deadlineDay = DEFAULT_DEADLINE_DAY,
): Promise<D1PreparedStatement[]> {
  const [low, high] = subtreeRange(rootCode);
  const { results: regions } = await db
    .prepare(`SELECT code, kind FROM regions WHERE code >= ?1 AND code < ?2`)
    .bind(low, high)
    .all<{ code: string; kind: string }>();
  const areas = regions.filter((r) => r.kind === "area").map((r) => r.code);
  const committees = new Set(
    regions.filter((r) => r.kind === "village_committee").map((r) => r.code),
  );
  const villageCounts = countByArea(areas, [...committees]);

  const columns = ["region_code", "period", ...STATS_VALUE_COLUMNS, "valid_from"];
  const insert = db.prepare(
    `INSERT INTO region_period_stats (${columns.join(", ")})
     VALUES (${columns.map((_, i) => `?${i + 1}`).join(", ")})`,
  );
  const close = db.prepare(
    `UPDATE region_period_stats SET valid_to = ?3
     WHERE region_code = ?1 AND period = ?2 AND valid_to IS NULL`,
  );
  // A second change at the same moment replaces that moment's version in place.
  const replace = db.prepare(
    `UPDATE region_period_stats SET ${STATS_VALUE_COLUMNS.map((c, i) => `${c} = ?${i + 3}`).join(", ")}
     WHERE region_code = ?1 AND period = ?2 AND valid_to IS NULL`,
  );
  const statements: D1PreparedStatement[] = [];
  for (const period of periods) {
    const [stored, storedPrevious, live] = await Promise.all([
      currentReturns(db, low, high, period),
      currentReturns(db, low, high, previousYear(period)),
      liveRollups(db, low, high, period),
    ]);
    const current = withPending(stored, pending, period, computedAt);
    const previous = withPending(storedPrevious, pending, previousYear(period), computedAt);
    const previousTotals = new Map(previous.map((r) => [r.village_code, r.total]));
    // Only village committees count; a stray return of a community is not a village's.
    const byArea = groupByArea(
      areas,
      current.filter((r) => committees.has(r.village_code)),
    );
    for (const area of areas) {
      const values = statsValues(
        rollupReturns(
          period,
          villageCounts.get(area) ?? 0,
          byArea.get(area) ?? [],
          previousTotals,
          deadlineDay,
        ),
      );
      const old = live.get(area);
      if (old && sameValues(old.values, values)) continue;
      if (old && old.validFrom === computedAt) {
        statements.push(replace.bind(area, period, ...values));
        continue;
      }
      if (old) statements.push(close.bind(area, period, computedAt));
      statements.push(insert.bind(area, period, ...values, computedAt));
    }
  }
  return statements;
}

/** Stored returns of a period with the pending ones of that period in their place. */
function withPending(
  stored: TimedReturn[],
  pending: readonly PendingReturn[],
  period: string,
  computedAt: string,
): TimedReturn[] {
  const mine = pending.filter((p) => p.period === period);
  if (mine.length === 0) return stored;
  const firstRecorded = new Map(stored.map((r) => [r.village_code, r.first_recorded_at]));
  const replaced = new Set(mine.map((p) => p.village_code));
  const toReturn = ({ period: _period, ...r }: PendingReturn): TimedReturn => ({
    ...r,
    first_recorded_at: firstRecorded.get(r.village_code) ?? computedAt,
  });
  return [...stored.filter((r) => !replaced.has(r.village_code)), ...mine.map(toReturn)];
}

/** The ancestor codes of a village (its township, county, city, province). */
function villageAncestors(code: string): string[] {
  return [code.slice(0, 9), code.slice(0, 6), code.slice(0, 4), code.slice(0, 2)];
}

function countByArea(areas: readonly string[], villages: readonly string[]): Map<string, number> {
  const counts = new Map(areas.map((a) => [a, 0]));
  for (const code of villages) {
    for (const area of villageAncestors(code)) {
      const n = counts.get(area);
      if (n !== undefined) counts.set(area, n + 1);
    }
  }
  return counts;
}

function groupByArea(
  areas: readonly string[],
  returns: readonly TimedReturn[],
): Map<string, TimedReturn[]> {
  const groups = new Map<string, TimedReturn[]>(areas.map((a) => [a, []]));
  for (const r of returns) {
    for (const area of villageAncestors(r.village_code)) groups.get(area)?.push(r);
  }
  return groups;
}
