/**
 * A region page's three activity summaries as plans (json-rows.ts), read in the page's
 * second statement: the projects by group, the problem counts and tallies, and the target
 * and team counts. The lists themselves are pages of their own (/r/{code}/projects,
 * /problems, /targets), read by the reports' own queries.
 */
import type { Plan } from "./json-rows.ts";
import { problemSummaryOf, problemSummaryRead, type ProblemSummaryRows } from "./problems.ts";
import { projectGroupsRead, type ProjectGroup } from "./projects.ts";
import { targetSummaryOf, targetSummaryRead, type TargetSummaryRows } from "./targets.ts";

/** The summaries of a region's subtree; `dataDate` (YYYY-MM-DD) decides what is overdue. */
export function activitySummaryPlans(
  code: string,
  dataDate: string | null,
  unitsListed: number,
): {
  project_groups: Plan<ProjectGroup[]>;
  problem_summary: Plan<ProblemSummaryRows>;
  target_summary: Plan<TargetSummaryRows>;
} {
  return {
    project_groups: {
      read: projectGroupsRead(code, dataDate),
      shape: (rows) => rows as unknown as ProjectGroup[],
    },
    problem_summary: {
      read: problemSummaryRead(code, dataDate),
      shape: (rows) => problemSummaryOf(rows as never),
    },
    target_summary: {
      read: targetSummaryRead(code, unitsListed),
      shape: (rows) => targetSummaryOf(rows as never),
    },
  };
}
