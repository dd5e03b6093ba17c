/** A region's projects (项目库), summed over its whole subtree: what the API and pages show. */
import { activitySummaryPlans } from "../db/activity.ts";
import { runPlan } from "../db/json-rows.ts";
import {
  findProjectPage,
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
  type ProjectCategory,
  type ProjectGroup,
  type ProjectRow,
  type ProjectStatus,
} from "../db/projects.ts";
import type { Paging } from "../lib/activity.ts";
import { ratio, type RatioFigure } from "../lib/problem-indicators.ts";
import {
  type ActivityContext,
  countsFor,
  loadActivityContext,
  summaryWithPage,
  type PageRequest,
} from "./activity-context.ts";

interface Sums {
  projects: number;
  budget: number;
  invested: number;
}

export interface ProjectItem {
  id: number;
  title: string;
  region: { code: string; name: string };
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
  overdue: boolean;
}

export interface ProjectsReport extends ActivityContext {
  summary: Sums & {
    overdue: number;
    /** Invested to date over total budget. */
    invested_share: RatioFigure;
    by_status: Record<ProjectStatus, number>;
    by_category: Record<ProjectCategory, Sums>;
    /** Named batches (e.g. 第一批 of the 书记直通车 major projects), in the order they began. */
    by_batch: (Sums & { batch: string })[];
  };
  items: ProjectItem[];
  paging: Paging;
}

const add = (into: Sums, from: Sums) => {
  into.projects += from.projects;
  into.budget += from.budget;
  into.invested += from.invested;
};
const zero = (): Sums => ({ projects: 0, budget: 0, invested: 0 });

export async function loadProjectsReport(
  db: D1Database,
  code: string,
  request: PageRequest,
  /** The region and data facts, when the caller has read them already. */
  known?: ActivityContext,
  /** The groups and the page asked for, when the caller has read them already. */
  prefetched?: { summary: ProjectGroup[]; page: ProjectRow[] },
): Promise<ProjectsReport> {
  const context = known ?? (await loadActivityContext(db, code));
  // The groups and the page asked for in one round trip (see summaryWithPage).
  const {
    summary: groups,
    window,
    rows,
  } = await summaryWithPage(
    request,
    () => runPlan(db, activitySummaryPlans(code, context.data_date).project_groups),
    (gs) => gs.reduce((n, g) => n + g.projects, 0),
    (perPage, offset) => findProjectPage(db, code, context.data_date, perPage, offset),
    [],
    prefetched,
  );
  const total = zero();
  let overdue = 0;
  const byCategory = Object.fromEntries(PROJECT_CATEGORIES.map((c) => [c, zero()])) as Record<
    ProjectCategory,
    Sums
  >;
  const byBatch = new Map<string, Sums & { first: string }>();
  for (const g of groups) {
    add(total, g);
    add(byCategory[g.category], g);
    overdue += g.overdue;
    if (g.batch !== null) {
      const batch = byBatch.get(g.batch) ?? { ...zero(), first: g.first_start };
      add(batch, g);
      if (g.first_start < batch.first) batch.first = g.first_start;
      byBatch.set(g.batch, batch);
    }
  }
  return {
    ...context,
    summary: {
      ...total,
      overdue,
      invested_share: ratio(total.invested, total.budget),
      by_status: countsFor(
        PROJECT_STATUSES,
        groups.map((g) => ({ key: g.status, count: g.projects })),
      ),
      by_category: byCategory,
      by_batch: [...byBatch]
        .sort(([, a], [, b]) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))
        .map(([batch, { projects, budget, invested }]) => ({ batch, projects, budget, invested })),
    },
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      region: { code: r.region_code, name: r.region_name },
      category: r.category,
      supporting_unit: r.supporting_unit,
      batch: r.batch,
      start_date: r.start_date,
      planned_completion: r.planned_completion,
      completed_date: r.completed_date,
      budget: r.budget,
      invested: r.invested,
      progress: r.progress,
      status: r.status,
      overdue: r.overdue === 1,
    })),
    paging: window.info,
  };
}
