/**
 * Term targets (任期目标) and resident work teams (驻村工作队) of a region's whole subtree.
 * Index range scans on targets_by_village and work_teams_by_village. Work teams are
 * public as counts and dispatching units only: no names of people are ever read here.
 */
import { subtreeRange } from "../lib/codes.ts";
import { keys } from "../lib/vocabulary.ts";

export const TARGET_PHASES = keys("target_phase");
export type TargetPhase = (typeof TARGET_PHASES)[number];
export const TARGET_STATUSES = keys("target_status");
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_CATEGORIES = keys("target_category");
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export async function findTargetCounts(
  db: D1Database,
  code: string,
): Promise<{ phase: TargetPhase; status: TargetStatus; targets: number; signed_off: number }[]> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT t.phase, t.status, count(*) AS targets, count(t.signed_off_by) AS signed_off
       FROM targets t WHERE t.village_code >= ?1 AND t.village_code < ?2
       GROUP BY t.phase, t.status`,
    )
    .bind(low, high)
    .all<{ phase: TargetPhase; status: TargetStatus; targets: number; signed_off: number }>();
  return results;
}

export interface TeamTotals {
  teams: number;
  members: number;
  villages: number;
  units: number;
}

export interface UnitRow {
  unit: string;
  teams: number;
  members: number;
}

/** Team totals, and the dispatching units with the most teams (up to `limit`). */
export async function findTeams(
  db: D1Database,
  code: string,
  limit: number,
): Promise<{ totals: TeamTotals; units: UnitRow[] }> {
  const [low, high] = subtreeRange(code);
  const [totals, units] = await db.batch([
    db
      .prepare(
        `SELECT count(*) AS teams, coalesce(sum(w.members), 0) AS members,
           count(DISTINCT w.village_code) AS villages, count(DISTINCT w.dispatching_unit) AS units
         FROM work_teams w WHERE w.village_code >= ?1 AND w.village_code < ?2`,
      )
      .bind(low, high),
    db
      .prepare(
        `SELECT w.dispatching_unit AS unit, count(*) AS teams, sum(w.members) AS members
         FROM work_teams w WHERE w.village_code >= ?1 AND w.village_code < ?2
         GROUP BY w.dispatching_unit ORDER BY teams DESC, members DESC, unit LIMIT ?3`,
      )
      .bind(low, high, limit),
  ]);
  return {
    totals: (totals?.results[0] ?? { teams: 0, members: 0, villages: 0, units: 0 }) as TeamTotals,
    units: (units?.results ?? []) as UnitRow[],
  };
}

export interface TargetRow {
  id: number;
  village_code: string;
  village_name: string;
  dispatching_unit: string;
  title: string;
  category: TargetCategory;
  phase: TargetPhase;
  measures: string;
  metric: string;
  unit: string;
  baseline: number;
  target: number;
  actual: number | null;
  due_on: string;
  signed_off_by: string | null;
  status: TargetStatus;
}

/** One page of the list: missed and at-risk targets first, then by village. */
export async function findTargetPage(
  db: D1Database,
  code: string,
  limit: number,
  offset: number,
): Promise<TargetRow[]> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT t.id, t.village_code, r.name AS village_name, w.dispatching_unit, t.title,
         t.category, t.phase, t.measures, t.metric, t.unit, t.baseline, t.target, t.actual,
         t.due_on, t.signed_off_by, t.status
       FROM targets t JOIN regions r ON r.code = t.village_code
         JOIN work_teams w ON w.id = t.work_team_id
       WHERE t.village_code >= ?1 AND t.village_code < ?2
       ORDER BY CASE t.status WHEN 'missed' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'on_track' THEN 2
           WHEN 'achieved' THEN 3 ELSE 4 END,
         t.village_code, t.id
       LIMIT ?3 OFFSET ?4`,
    )
    .bind(low, high, limit, offset)
    .all<TargetRow>();
  return results;
}
