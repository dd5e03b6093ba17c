/**
 * Projects (项目库) of a region's whole subtree: counts and sums, and one page of the list.
 * Subtree reads are index range scans on projects_by_region ([code, code~)). A project is
 * overdue when its planned completion is before the data date and it is not completed.
 */
import { subtreeRange } from "../lib/codes.ts";
import type { Read } from "./json-rows.ts";
import { keys } from "../lib/vocabulary.ts";

export const PROJECT_STATUSES = keys("project_status");
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_CATEGORIES = keys("project_category");
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** Counts and sums for one combination of status, category and batch. */
export interface ProjectGroup {
  status: ProjectStatus;
  category: ProjectCategory;
  batch: string | null;
  projects: number;
  budget: number;
  invested: number;
  overdue: number;
  /** The earliest start in the group: batches are listed in the order they began. */
  first_start: string;
}

export interface ProjectRow {
  id: number;
  region_code: string;
  region_name: string;
  title: string;
  category: ProjectCategory;
  supporting_unit: string | null;
  batch: string | null;
  start_date: string;
  planned_completion: string;
  completed_date: string | null;
  budget: number;
  invested: number;
  progress: number;
  status: ProjectStatus;
  overdue: number;
}

const OVERDUE = "(p.status <> 'completed' AND p.planned_completion < ?3)";

/** The read of a subtree's projects by status, category and batch (see json-rows.ts). */
export function projectGroupsRead(code: string, dataDate: string | null): Read {
  const [low, high] = subtreeRange(code);
  return {
    sql: `SELECT p.status, p.category, p.batch, count(*) AS projects, sum(p.budget) AS budget,
         sum(p.invested) AS invested, sum(${OVERDUE}) AS overdue,
         min(p.start_date) AS first_start
       FROM projects p WHERE p.region_code >= ?1 AND p.region_code < ?2
       GROUP BY p.status, p.category, p.batch`,
    params: [low, high, dataDate ?? ""],
    columns: [
      "status",
      "category",
      "batch",
      "projects",
      "budget",
      "invested",
      "overdue",
      "first_start",
    ],
  };
}

/**
 * The read of one page of the list: overdue first, then under way, suspended, planned,
 * completed.
 */
function projectPageRead(
  code: string,
  dataDate: string | null,
  limit: number,
  offset: number,
): Read {
  const [low, high] = subtreeRange(code);
  return {
    sql: `SELECT p.id, p.region_code, r.name AS region_name, p.title, p.category, p.supporting_unit,
         p.batch, p.start_date, p.planned_completion, p.completed_date, p.budget, p.invested,
         p.progress, p.status, ${OVERDUE} AS overdue
       FROM projects p JOIN regions r ON r.code = p.region_code
       WHERE p.region_code >= ?1 AND p.region_code < ?2
       ORDER BY overdue DESC,
         CASE p.status WHEN 'under_way' THEN 0 WHEN 'suspended' THEN 1 WHEN 'planned' THEN 2
           ELSE 3 END,
         p.planned_completion, p.id
       LIMIT ?4 OFFSET ?5`,
    params: [low, high, dataDate ?? "", limit, offset],
    columns: [
      "id",
      "region_code",
      "region_name",
      "title",
      "category",
      "supporting_unit",
      "batch",
      "start_date",
      "planned_completion",
      "completed_date",
      "budget",
      "invested",
      "progress",
      "status",
      "overdue",
    ],
  };
}

/** One page of the list: overdue first, then under way, suspended, planned, completed. */
export async function findProjectPage(
  db: D1Database,
  code: string,
  dataDate: string | null,
  limit: number,
  offset: number,
): Promise<ProjectRow[]> {
  const read = projectPageRead(code, dataDate, limit, offset);
  const { results } = await db
    .prepare(read.sql)
    .bind(...read.params)
    .all<ProjectRow>();
  return results;
}
