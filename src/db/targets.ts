/**
 * Term targets (任期目标) and resident work teams (驻村工作队) of a region's whole subtree.
 * Index range scans on targets_by_village (lists), and on targets_summary and
 * work_teams_summary, which hold every column the summaries read. Work teams are
 * public as counts and dispatching units only: no names of people are ever read here.
 */
import { subtreeRange } from "../lib/codes.ts";
import type { Read } from "./json-rows.ts";
import { keys } from "../lib/vocabulary.ts";

export const TARGET_PHASES = keys("target_phase");
export type TargetPhase = (typeof TARGET_PHASES)[number];
export const TARGET_STATUSES = keys("target_status");
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_CATEGORIES = keys("target_category");
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

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

export interface TargetSummaryRows {
  counts: { phase: TargetPhase; status: TargetStatus; targets: number; signed_off: number }[];
  totals: TeamTotals;
  units: UnitRow[];
}

/**
 * The read of a subtree's targets and work teams summed up: targets by phase and status
 * (and how many signed off), the teams' totals, and the `limit` dispatching units with the
 * most teams (see targetSummaryOf).
 */
export function targetSummaryRead(code: string, limit: number): Read {
  const [low, high] = subtreeRange(code);
  return {
    sql: `SELECT 'count' AS part, t.phase AS a, t.status AS b, count(*) AS n1,
         count(t.signed_off_by) AS n2, NULL AS n3, NULL AS n4
       FROM targets t WHERE t.village_code >= ?1 AND t.village_code < ?2
       GROUP BY t.phase, t.status
       UNION ALL
       SELECT 'totals', NULL, NULL, count(*), coalesce(sum(w.members), 0),
         count(DISTINCT w.village_code), count(DISTINCT w.dispatching_unit)
       FROM work_teams w WHERE w.village_code >= ?1 AND w.village_code < ?2
       UNION ALL
       SELECT * FROM (
         SELECT 'unit', w.dispatching_unit, NULL, count(*) AS teams, sum(w.members) AS members,
           NULL, NULL
         FROM work_teams w WHERE w.village_code >= ?1 AND w.village_code < ?2
         GROUP BY w.dispatching_unit ORDER BY teams DESC, members DESC, w.dispatching_unit LIMIT ?3
       )`,
    params: [low, high, limit],
    columns: ["part", "a", "b", "n1", "n2", "n3", "n4"],
  };
}

type SummaryRow = {
  part: string;
  a: string | null;
  b: string | null;
  n1: number;
  n2: number | null;
  n3: number | null;
  n4: number | null;
};

/** The summary from the read's rows. */
export function targetSummaryOf(results: SummaryRow[]): TargetSummaryRows {
  const totals = results.find((r) => r.part === "totals");
  return {
    counts: results
      .filter((r) => r.part === "count")
      .map((r) => ({
        phase: r.a as TargetPhase,
        status: r.b as TargetStatus,
        targets: r.n1,
        signed_off: r.n2 ?? 0,
      })),
    totals: {
      teams: totals?.n1 ?? 0,
      members: totals?.n2 ?? 0,
      villages: totals?.n3 ?? 0,
      units: totals?.n4 ?? 0,
    },
    // Most teams first, then most members, then by name (as the subquery chose them).
    units: results
      .filter((r) => r.part === "unit")
      .map((r) => ({ unit: r.a as string, teams: r.n1, members: r.n2 ?? 0 }))
      .sort((x, y) => y.teams - x.teams || y.members - x.members || (x.unit < y.unit ? -1 : 1)),
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

/** The read of one page of the list: missed and at-risk targets first, then by village. */
function targetPageRead(code: string, limit: number, offset: number): Read {
  const [low, high] = subtreeRange(code);
  return {
    sql: `SELECT t.id, t.village_code, r.name AS village_name, w.dispatching_unit, t.title,
         t.category, t.phase, t.measures, t.metric, t.unit, t.baseline, t.target, t.actual,
         t.due_on, t.signed_off_by, t.status
       FROM targets t JOIN regions r ON r.code = t.village_code
         JOIN work_teams w ON w.id = t.work_team_id
       WHERE t.village_code >= ?1 AND t.village_code < ?2
       ORDER BY CASE t.status WHEN 'missed' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'on_track' THEN 2
           WHEN 'achieved' THEN 3 ELSE 4 END,
         t.village_code, t.id
       LIMIT ?3 OFFSET ?4`,
    params: [low, high, limit, offset],
    columns: [
      "id",
      "village_code",
      "village_name",
      "dispatching_unit",
      "title",
      "category",
      "phase",
      "measures",
      "metric",
      "unit",
      "baseline",
      "target",
      "actual",
      "due_on",
      "signed_off_by",
      "status",
    ],
  };
}

/** One page of the list: missed and at-risk targets first, then by village. */
export async function findTargetPage(
  db: D1Database,
  code: string,
  limit: number,
  offset: number,
): Promise<TargetRow[]> {
  const read = targetPageRead(code, limit, offset);
  const { results } = await db
    .prepare(read.sql)
    .bind(...read.params)
    .all<TargetRow>();
  return results;
}

/**
 * The targets at risk in a region's subtree: the first `limit` by due date, with their
 * village's name, and how many there are in all.
 */
export async function findTargetsAtRisk(
  db: D1Database,
  code: string,
  limit: number,
): Promise<{ rows: { village: string; title: string; due_on: string }[]; count: number }> {
  const [low, high] = subtreeRange(code);
  const [rows, count] = await Promise.all([
    db
      .prepare(
        `SELECT r.name AS village, t.title, t.due_on FROM targets t JOIN regions r ON r.code = t.village_code
         WHERE t.village_code >= ?1 AND t.village_code < ?2 AND t.status = 'at_risk'
         ORDER BY t.due_on, t.id LIMIT ?3`,
      )
      .bind(low, high, limit)
      .all<{ village: string; title: string; due_on: string }>(),
    db
      .prepare(
        `SELECT count(*) AS n FROM targets WHERE village_code >= ?1 AND village_code < ?2 AND status = 'at_risk'`,
      )
      .bind(low, high)
      .first<{ n: number }>(),
  ]);
  return { rows: rows.results, count: count?.n ?? 0 };
}
