/**
 * A region page's three lists in one statement (json-rows.ts): the projects by group and a
 * page of them, the problem summary and a page with its status events, the target and team
 * summary and a page of targets. One query and one round trip where six reads were.
 */
import { readTogether } from "./json-rows.ts";
import {
  problemPageReads,
  problemSummaryOf,
  problemSummaryRead,
  type ProblemEventRow,
  type ProblemRow,
  type ProblemSummaryRows,
} from "./problems.ts";
import {
  projectGroupsRead,
  projectPageRead,
  type ProjectGroup,
  type ProjectRow,
} from "./projects.ts";
import {
  targetPageRead,
  targetSummaryOf,
  targetSummaryRead,
  type TargetRow,
  type TargetSummaryRows,
} from "./targets.ts";

/** Which page of each list to read: its size and where it starts. */
export interface ListPages {
  projects: { limit: number; offset: number };
  problems: { limit: number; offset: number };
  targets: { limit: number; offset: number };
}

export interface ActivityRows {
  projects: { groups: ProjectGroup[]; page: ProjectRow[] };
  problems: {
    summary: ProblemSummaryRows;
    page: { rows: ProblemRow[]; events: ProblemEventRow[] };
  };
  targets: { summary: TargetSummaryRows; page: TargetRow[] };
}

export async function findActivity(
  db: D1Database,
  code: string,
  dataDate: string | null,
  unitsListed: number,
  pages: ListPages,
): Promise<ActivityRows> {
  const problemPage = problemPageReads(code, dataDate, pages.problems.limit, pages.problems.offset);
  const rows = await readTogether(db, {
    project_groups: projectGroupsRead(code, dataDate),
    project_page: projectPageRead(code, dataDate, pages.projects.limit, pages.projects.offset),
    problem_summary: problemSummaryRead(code, dataDate),
    problem_rows: problemPage.rows,
    problem_events: problemPage.events,
    target_summary: targetSummaryRead(code, unitsListed),
    target_page: targetPageRead(code, pages.targets.limit, pages.targets.offset),
  });
  return {
    projects: {
      groups: rows.project_groups as unknown as ProjectGroup[],
      page: rows.project_page as unknown as ProjectRow[],
    },
    problems: {
      summary: problemSummaryOf(rows.problem_summary as never),
      page: {
        rows: rows.problem_rows as unknown as ProblemRow[],
        events: rows.problem_events as unknown as ProblemEventRow[],
      },
    },
    targets: {
      summary: targetSummaryOf(rows.target_summary as never),
      page: rows.target_page as unknown as TargetRow[],
    },
  };
}
