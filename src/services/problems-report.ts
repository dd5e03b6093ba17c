/**
 * A region's problem lists (问题清单) over its whole subtree: counts, 办结率, median days
 * to claim and to resolve, unresolved problems by department, and one page of the list
 * with each problem's status history. What the API and pages show.
 */
import { activitySummaryPlans } from "../db/activity.ts";
import { runPlan } from "../db/json-rows.ts";
import {
  findProblemPage,
  type ProblemCategory,
  type ProblemChannel,
  type ProblemEventRow,
  type ProblemRow,
  type ProblemSummaryRows,
} from "../db/problems.ts";
import type { Paging } from "../lib/activity.ts";
import {
  type ProblemStatus,
  type ProblemSummary,
  summariseProblems,
} from "../lib/problem-indicators.ts";
import {
  type ActivityContext,
  loadActivityContext,
  summaryWithPage,
  type PageRequest,
} from "./activity-context.ts";

export interface ProblemEvent {
  status: ProblemStatus;
  date: string;
  department: string | null;
  note: string | null;
}

export interface ProblemItem {
  id: number;
  title: string;
  region: { code: string; name: string };
  project: { id: number; title: string | null } | null;
  category: ProblemCategory;
  channel: ProblemChannel;
  raised_on: string;
  due_on: string | null;
  department: string | null;
  claimed_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  status: ProblemStatus;
  overdue: boolean;
  events: ProblemEvent[];
}

export interface ProblemsReport extends ActivityContext {
  summary: ProblemSummary;
  /** Unresolved problems per claiming department; department null: not yet claimed. */
  by_department: { department: string | null; unresolved: number; overdue: number }[];
  items: ProblemItem[];
  paging: Paging;
}

export async function loadProblemsReport(
  db: D1Database,
  code: string,
  request: PageRequest,
  /** The region and data facts, when the caller has read them already. */
  known?: ActivityContext,
  /** The summary and the page asked for, when the caller has read them already. */
  prefetched?: {
    summary: ProblemSummaryRows;
    page: { rows: ProblemRow[]; events: ProblemEventRow[] };
  },
): Promise<ProblemsReport> {
  const context = known ?? (await loadActivityContext(db, code));
  // Counts, tallies and the page asked for in one round trip (see summaryWithPage).
  const read = await summaryWithPage(
    request,
    () => runPlan(db, activitySummaryPlans(code, context.data_date).problem_summary),
    ({ counts }) => counts.reduce((sum, c) => sum + c.problems, 0),
    (perPage, offset) => findProblemPage(db, code, context.data_date, perPage, offset),
    { rows: [], events: [] },
    prefetched,
  );
  const { counts, days, byDepartment } = read.summary;
  const summary = summariseProblems(
    Object.fromEntries(counts.map((c) => [c.status, c.problems])),
    counts.reduce((sum, c) => sum + c.overdue, 0),
    days.claim,
    days.resolve,
  );
  const { window } = read;
  const { rows, events } = read.rows;
  const history = new Map<number, ProblemEvent[]>();
  for (const e of events) {
    const list = history.get(e.problem_id) ?? [];
    list.push({ status: e.status, date: e.event_date, department: e.department, note: e.note });
    history.set(e.problem_id, list);
  }
  return {
    ...context,
    summary,
    by_department: byDepartment,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      region: { code: r.region_code, name: r.region_name },
      project: r.project_id === null ? null : { id: r.project_id, title: r.project_title },
      category: r.category,
      channel: r.channel,
      raised_on: r.raised_on,
      due_on: r.due_on,
      department: r.department,
      claimed_on: r.claimed_on,
      resolved_on: r.resolved_on,
      closed_on: r.closed_on,
      status: r.status,
      overdue: r.overdue === 1,
      events: history.get(r.id) ?? [],
    })),
    paging: window.info,
  };
}
