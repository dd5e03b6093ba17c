/** Who reported, and when: the village committees of a subtree and their monthly income returns. */
import { subtreeRange } from "../lib/codes.ts";
import { returnsAsOf } from "./as-of.ts";

/**
 * The village committees of a region's subtree with no income return for `period`, as the
 * data stood at `asOf` (a release's freeze moment; null: live), in code order.
 */
export async function findVillagesNotReporting(
  db: D1Database,
  code: string,
  period: string,
  asOf: string | null,
): Promise<{ code: string; name: string }[]> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT r.code, r.name FROM regions r
       WHERE r.code >= ?1 AND r.code < ?2 AND r.kind = 'village_committee'
         AND NOT EXISTS (SELECT 1 FROM income_returns i WHERE i.village_code = r.code
                         AND i.period = ?3 AND ${returnsAsOf("i", asOf ? "?4" : null)})
       ORDER BY r.code`,
    )
    .bind(...(asOf ? [low, high, period, asOf] : [low, high, period]))
    .all<{ code: string; name: string }>();
  return results;
}

/**
 * Each village committee under [?1, ?2) with the moment it first recorded a return for
 * period ?3 (superseded rows included: corrections do not move it), counting only rows
 * recorded by the bound time `asOf` (null: every row), or null when it had none. Returns
 * are only ever replaced, never withdrawn, so a null here is exactly a village that
 * findVillagesNotReporting lists. One primary-key seek per village.
 */
function firstRecordedSql(asOf: string | null): string {
  return `SELECT r.code, r.name,
            (SELECT min(i.recorded_at) FROM income_returns i
              WHERE i.village_code = r.code AND i.period = ?3
                ${asOf ? `AND i.recorded_at <= ${asOf}` : ""}) AS first_recorded_at
          FROM regions r
          WHERE r.code >= ?1 AND r.code < ?2 AND r.kind = 'village_committee'`;
}

/** A village whose return was first recorded after the deadline. */
export interface LateVillage {
  code: string;
  name: string;
  /** ISO timestamp (UTC) of its first return for the period. */
  first_recorded_at: string;
}

/**
 * The village committees of a region's subtree whose return for `period` was first
 * recorded after `deadline` (a China date, YYYY-MM-DD: late from the next day, China
 * time), as the data stood at `asOf` (null: live): the latest filers first, then by code,
 * at most `limit` of them, with the number of all.
 */
export async function findVillagesReportingLate(
  db: D1Database,
  code: string,
  period: string,
  deadline: string,
  asOf: string | null,
  limit: number,
): Promise<{ rows: LateVillage[]; count: number }> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT code, name, first_recorded_at, count(*) OVER () AS n
       FROM (${firstRecordedSql(asOf ? "?6" : null)})
       WHERE date(first_recorded_at, '+8 hours') > ?4
       ORDER BY first_recorded_at DESC, code LIMIT ?5`,
    )
    .bind(...[low, high, period, deadline, limit, ...(asOf ? [asOf] : [])])
    .all<LateVillage & { n: number }>();
  return {
    rows: results.map(({ n: _n, ...village }) => village),
    count: results[0]?.n ?? 0,
  };
}

/** A township's villages that filed late or not at all. */
export interface TownshipLapses {
  code: string;
  name: string;
  /** Villages whose return was first recorded after the deadline. */
  late: number;
  /** Villages with no return. */
  missing: number;
}

/**
 * The townships of a region's subtree (the region itself, for a township) with villages
 * whose return for `period` was first recorded after `deadline` (China date) or not at
 * all, as the data stood at `asOf` (null: live). Worst first: by late and missing
 * together, then by missing, then by code; at most `limit` of them, with the number of all.
 */
export async function findTownshipLapses(
  db: D1Database,
  code: string,
  period: string,
  deadline: string,
  asOf: string | null,
  limit: number,
): Promise<{ rows: TownshipLapses[]; count: number }> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT t.code, t.name, count(*) OVER () AS n,
              sum(coalesce(date(v.first_recorded_at, '+8 hours') > ?4, 0)) AS late,
              sum(v.first_recorded_at IS NULL) AS missing
       FROM (${firstRecordedSql(asOf ? "?6" : null)}) v
       JOIN regions t ON t.code = substr(v.code, 1, 9)
       GROUP BY t.code, t.name
       HAVING late + missing > 0
       ORDER BY late + missing DESC, missing DESC, t.code LIMIT ?5`,
    )
    .bind(...[low, high, period, deadline, limit, ...(asOf ? [asOf] : [])])
    .all<TownshipLapses & { n: number }>();
  return {
    rows: results.map(({ n: _n, ...township }) => township),
    count: results[0]?.n ?? 0,
  };
}
