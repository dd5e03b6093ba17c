/**
 * A region's three activity summaries as plans (json-rows.ts): the projects by group, the
 * problem counts and tallies, and the target and team counts. The region page reads them
 * in its second statement, the reports (API and list pages) one by one.
 *
 * A province's summaries aggregate tens of thousands of rows at national scale, so they are
 * also kept ready-made in activity_summaries (migration 0015): the rows of each read as
 * JSON, for the data date they were reckoned at. A read takes them when they are there for
 * its data date and reads live otherwise, in the same statement; any write to the
 * province's projects, problems, teams or targets drops them (triggers), and the Cron
 * Trigger computes them again (refreshActivitySummaries).
 */
import { renumber, type Plan, type Read } from "./json-rows.ts";
import { problemSummaryOf, problemSummaryRead, type ProblemSummaryRows } from "./problems.ts";
import { projectGroupsRead, type ProjectGroup } from "./projects.ts";
import { targetSummaryOf, targetSummaryRead, type TargetSummaryRows } from "./targets.ts";

/** The dispatching units listed in a target summary, those with the most teams first. */
export const UNITS_LISTED = 20;

/** Regions whose summaries are kept ready-made: the provinces (a 2-digit code). */
export function keepsActivitySummaries(code: string): boolean {
  return code.length === 2;
}

const SUMMARIES = ["project_groups", "problem_summary", "target_summary"] as const;
type Summary = (typeof SUMMARIES)[number];

function liveReads(code: string, dataDate: string | null): Record<Summary, Read> {
  return {
    project_groups: projectGroupsRead(code, dataDate),
    problem_summary: problemSummaryRead(code, dataDate),
    target_summary: targetSummaryRead(code, UNITS_LISTED),
  };
}

/** A scalar sub-select: the read's rows as one JSON array of arrays, in the read's order. */
function rowsAsJson(read: Read, offset: number): string {
  const values = read.columns.map((c) => `q.${c}`).join(", ");
  return `(SELECT json_group_array(json_array(${values}) ORDER BY q.ord__)
    FROM (SELECT r.*, row_number() OVER () AS ord__ FROM (${renumber(read.sql, offset)}) r) q)`;
}

/**
 * The read, answered from the kept rows of `summary` when they are there for `dataDate`,
 * else live. coalesce() stops at its first non-null argument, so a kept summary costs one
 * primary-key lookup and the live aggregate does not run at all.
 */
function keptOrLive(read: Read, summary: Summary, code: string, dataDate: string | null): Read {
  if (!keepsActivitySummaries(code)) return read;
  const n = read.params.length;
  const values = read.columns.map((c, i) => `j.value ->> ${i} AS ${c}`).join(", ");
  return {
    sql: `SELECT ${values} FROM json_each(coalesce(
        (SELECT a.${summary} FROM activity_summaries a
          WHERE a.region_code = ?${n + 1} AND a.data_date = ?${n + 2}),
        ${rowsAsJson(read, 0)})) j`,
    params: [...read.params, code, dataDate ?? ""],
    columns: read.columns,
  };
}

/** The summaries of a region's subtree; `dataDate` (YYYY-MM-DD) decides what is overdue. */
export function activitySummaryPlans(
  code: string,
  dataDate: string | null,
): {
  project_groups: Plan<ProjectGroup[]>;
  problem_summary: Plan<ProblemSummaryRows>;
  target_summary: Plan<TargetSummaryRows>;
} {
  const live = liveReads(code, dataDate);
  const read = (summary: Summary) => keptOrLive(live[summary], summary, code, dataDate);
  return {
    project_groups: {
      read: read("project_groups"),
      shape: (rows) => rows as unknown as ProjectGroup[],
    },
    problem_summary: {
      read: read("problem_summary"),
      shape: (rows) => problemSummaryOf(rows as never),
    },
    target_summary: {
      read: read("target_summary"),
      shape: (rows) => targetSummaryOf(rows as never),
    },
  };
}

/**
 * The statement that computes and keeps a province's summaries for `dataDate` (replacing
 * what was kept). Plain SQL and parameters, so the national builder runs it too.
 */
export function keepSummariesStatement(
  code: string,
  dataDate: string | null,
  computedAt: string,
): { sql: string; params: unknown[] } {
  const live = liveReads(code, dataDate);
  const params: unknown[] = [code, dataDate ?? "", computedAt];
  const columns = SUMMARIES.map((summary) => {
    const sql = rowsAsJson(live[summary], params.length);
    params.push(...live[summary].params);
    return sql;
  });
  return {
    sql: `INSERT OR REPLACE INTO activity_summaries
        (region_code, data_date, computed_at, ${SUMMARIES.join(", ")})
      VALUES (?1, ?2, ?3, ${columns.join(",\n")})`,
    params,
  };
}

/** Provinces with no summaries kept for `dataDate` (never kept, dropped or reckoned earlier). */
export async function provincesWithoutSummaries(
  db: D1Database,
  dataDate: string | null,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT r.code FROM regions r
       LEFT JOIN activity_summaries a ON a.region_code = r.code AND a.data_date = ?1
       WHERE r.level = 'province' AND a.region_code IS NULL ORDER BY r.code`,
    )
    .bind(dataDate ?? "")
    .all<{ code: string }>();
  return results.map((r) => r.code);
}

/**
 * Computes and keeps the summaries of the provinces that have none for `dataDate`, in one
 * batch (one round trip); the codes it kept.
 */
export async function refreshActivitySummaries(
  db: D1Database,
  dataDate: string | null,
  computedAt: string,
): Promise<string[]> {
  const codes = await provincesWithoutSummaries(db, dataDate);
  if (!codes.length) return [];
  await db.batch(
    codes.map((code) => {
      const { sql, params } = keepSummariesStatement(code, dataDate, computedAt);
      return db.prepare(sql).bind(...params);
    }),
  );
  return codes;
}
