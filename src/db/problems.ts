/**
 * Problem lists (问题清单) of a region's whole subtree: counts by status, durations,
 * unresolved problems by department, and one page of the list with each problem's status
 * history. Subtree reads are index range scans on problems_summary (which holds every
 * column the summary reads). A problem is overdue
 * when it is unresolved (open or claimed) and its due date is before the data date.
 */
import { subtreeRange } from "../lib/codes.ts";
import type { Read } from "./json-rows.ts";
import type { ProblemStatus, Tally } from "../lib/problem-indicators.ts";
import { keys } from "../lib/vocabulary.ts";

export const PROBLEM_CATEGORIES = keys("problem_category");
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_CHANNELS = keys("problem_channel");
export type ProblemChannel = (typeof PROBLEM_CHANNELS)[number];

const RANGE = "p.region_code >= ?1 AND p.region_code < ?2";
const UNRESOLVED = "p.status IN ('open', 'claimed')";
const OVERDUE = `(${UNRESOLVED} AND p.due_on < ?3)`;

export interface ProblemSummaryRows {
  counts: { status: ProblemStatus; problems: number; overdue: number }[];
  /**
   * Tallies of the days from raising to claiming (claimed problems) and to resolution
   * (resolved ones): one row per distinct number of days, so a province's problems cost
   * a few hundred rows, not one per problem.
   */
  days: { claim: Tally; resolve: Tally };
  /** Unresolved and overdue problems per claiming department (null: not yet claimed). */
  byDepartment: { department: string | null; unresolved: number; overdue: number }[];
}

/** The read of a subtree's problem summary (see json-rows.ts and problemSummaryOf). */
export function problemSummaryRead(code: string, dataDate: string | null): Read {
  const [low, high] = subtreeRange(code);
  const days = (column: string) =>
    `CAST(round(julianday(p.${column}) - julianday(p.raised_on)) AS INTEGER)`;
  return {
    sql: `SELECT 'status' AS part, p.status AS name, NULL AS days, count(*) AS n, sum(${OVERDUE}) AS m
       FROM problems p WHERE ${RANGE} GROUP BY p.status
       UNION ALL
       SELECT 'claim', NULL, ${days("claimed_on")}, count(*), NULL
       FROM problems p WHERE ${RANGE} AND p.claimed_on IS NOT NULL GROUP BY 3
       UNION ALL
       SELECT 'resolve', NULL, ${days("resolved_on")}, count(*), NULL
       FROM problems p WHERE ${RANGE} AND p.resolved_on IS NOT NULL GROUP BY 3
       UNION ALL
       SELECT 'department', p.department, NULL, count(*), sum(p.due_on < ?3)
       FROM problems p WHERE ${RANGE} AND ${UNRESOLVED} GROUP BY p.department`,
    params: [low, high, dataDate ?? ""],
    columns: ["part", "name", "days", "n", "m"],
  };
}

type SummaryRow = {
  part: string;
  name: string | null;
  days: number | null;
  n: number;
  m: number | null;
};

/** The summary from the read's rows. */
export function problemSummaryOf(results: SummaryRow[]): ProblemSummaryRows {
  const part = (name: string) => results.filter((r) => r.part === name);
  const tally = (name: string): Tally => part(name).map((r) => [r.days ?? 0, r.n] as const);
  return {
    counts: part("status").map((r) => ({
      status: r.name as ProblemStatus,
      problems: r.n,
      overdue: r.m ?? 0,
    })),
    days: { claim: tally("claim"), resolve: tally("resolve") },
    byDepartment: part("department")
      .map((r) => ({ department: r.name, unresolved: r.n, overdue: r.m ?? 0 }))
      // Most overdue first, then most unresolved; not yet claimed last; then by name.
      .sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.unresolved - a.unresolved ||
          Number(a.department === null) - Number(b.department === null) ||
          ((a.department ?? "") < (b.department ?? "")
            ? -1
            : a.department === b.department
              ? 0
              : 1),
      ),
  };
}

export interface ProblemRow {
  id: number;
  region_code: string;
  region_name: string;
  project_id: number | null;
  project_title: string | null;
  title: string;
  category: ProblemCategory;
  channel: ProblemChannel;
  raised_on: string;
  due_on: string | null;
  department: string | null;
  claimed_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  status: ProblemStatus;
  overdue: number;
}

export interface ProblemEventRow {
  problem_id: number;
  status: ProblemStatus;
  event_date: string;
  department: string | null;
  note: string | null;
}

// Unresolved first (overdue ones at the top), then the most recently raised.
const PAGE = `SELECT p.id FROM problems p WHERE ${RANGE}
  ORDER BY ${UNRESOLVED} DESC, ${OVERDUE} DESC, p.raised_on DESC, p.id DESC LIMIT ?4 OFFSET ?5`;

/** The reads of one page of the list and of the status events of the problems on it. */
function problemPageReads(
  code: string,
  dataDate: string | null,
  limit: number,
  offset: number,
): { rows: Read; events: Read } {
  const [low, high] = subtreeRange(code);
  const params = [low, high, dataDate ?? "", limit, offset];
  return {
    rows: {
      sql: `SELECT p.id, p.region_code, r.name AS region_name, p.project_id, j.title AS project_title,
           p.title, p.category, p.channel, p.raised_on, p.due_on, p.department, p.claimed_on,
           p.resolved_on, p.closed_on, p.status, ${OVERDUE} AS overdue
         FROM problems p JOIN regions r ON r.code = p.region_code
           LEFT JOIN projects j ON j.id = p.project_id
         WHERE p.id IN (${PAGE})
         ORDER BY ${UNRESOLVED} DESC, ${OVERDUE} DESC, p.raised_on DESC, p.id DESC`,
      params,
      columns: [
        "id",
        "region_code",
        "region_name",
        "project_id",
        "project_title",
        "title",
        "category",
        "channel",
        "raised_on",
        "due_on",
        "department",
        "claimed_on",
        "resolved_on",
        "closed_on",
        "status",
        "overdue",
      ],
    },
    events: {
      sql: `SELECT e.problem_id, e.status, e.event_date, e.department, e.note
         FROM problem_events e WHERE e.problem_id IN (${PAGE})
         ORDER BY e.problem_id, e.event_date, e.id`,
      params,
      columns: ["problem_id", "status", "event_date", "department", "note"],
    },
  };
}

/** One page of the list, and the status events of the problems on it. */
export async function findProblemPage(
  db: D1Database,
  code: string,
  dataDate: string | null,
  limit: number,
  offset: number,
): Promise<{ rows: ProblemRow[]; events: ProblemEventRow[] }> {
  const reads = problemPageReads(code, dataDate, limit, offset);
  const [rows, events] = await db.batch([
    db.prepare(reads.rows.sql).bind(...reads.rows.params),
    db.prepare(reads.events.sql).bind(...reads.events.params),
  ]);
  return {
    rows: (rows?.results ?? []) as ProblemRow[],
    events: (events?.results ?? []) as ProblemEventRow[],
  };
}

/**
 * Problems of a region's subtree overdue on `today` (YYYY-MM-DD, China date), counted per
 * claiming department ("（未认领）" for those not yet claimed), most first; at most 30.
 */
export async function findOverdueByDepartment(
  db: D1Database,
  code: string,
  today: string,
): Promise<{ department: string; count: number }[]> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT COALESCE(p.department, '（未认领）') AS department, count(*) AS count FROM problems p
       WHERE ${RANGE} AND ${OVERDUE}
       GROUP BY 1 ORDER BY count DESC, department LIMIT 30`,
    )
    .bind(low, high, today)
    .all<{ department: string; count: number }>();
  return results;
}
