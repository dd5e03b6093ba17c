/**
 * A region's term targets (任期目标) and resident work teams over its whole subtree: by
 * phase and status, commitment against delivery for each target, and the teams as counts
 * and dispatching units (no personal data). What the API and pages show.
 */
import { activitySummaryPlans } from "../db/activity.ts";
import { runPlan } from "../db/json-rows.ts";
import {
  findTargetPage,
  TARGET_PHASES,
  TARGET_STATUSES,
  type TargetCategory,
  type TargetPhase,
  type TargetStatus,
  type TeamTotals,
  type TargetRow,
  type TargetSummaryRows,
  type UnitRow,
} from "../db/targets.ts";
import { type Paging, targetProgress } from "../lib/activity.ts";
import {
  type ActivityContext,
  countsFor,
  loadActivityContext,
  summaryWithPage,
  type PageRequest,
} from "./activity-context.ts";

export interface TargetItem {
  id: number;
  title: string;
  village: { code: string; name: string };
  dispatching_unit: string;
  category: TargetCategory;
  phase: TargetPhase;
  status: TargetStatus;
  measures: string[];
  metric: string;
  unit: string;
  baseline: number;
  target: number;
  actual: number | null;
  /** (actual − baseline) / (target − baseline): 1 means the target was reached. */
  progress: number | null;
  due_on: string;
  signed_off_by: string | null;
}

export interface TargetsReport extends ActivityContext {
  summary: {
    targets: number;
    signed_off: number;
    by_phase: Record<TargetPhase, number>;
    by_status: Record<TargetStatus, number>;
    by_phase_status: Record<TargetPhase, Record<TargetStatus, number>>;
    teams: TeamTotals;
    /** The dispatching units with the most teams, at most UNITS_LISTED (src/db/activity.ts) of them. */
    units: UnitRow[];
  };
  items: TargetItem[];
  paging: Paging;
}

function parseMeasures(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export async function loadTargetsReport(
  db: D1Database,
  code: string,
  request: PageRequest,
  /** The region and data facts, when the caller has read them already. */
  known?: ActivityContext,
  /** The summary and the page asked for, when the caller has read them already. */
  prefetched?: { summary: TargetSummaryRows; page: TargetRow[] },
): Promise<TargetsReport> {
  const context = known ?? (await loadActivityContext(db, code));
  // Counts, teams and the page asked for in one round trip (see summaryWithPage).
  const read = await summaryWithPage(
    request,
    () => runPlan(db, activitySummaryPlans(code, context.data_date).target_summary),
    ({ counts }) => counts.reduce((sum, c) => sum + c.targets, 0),
    (perPage, offset) => findTargetPage(db, code, perPage, offset),
    [],
    prefetched,
  );
  const { counts, ...teams } = read.summary;
  const { window, rows } = read;
  const total = counts.reduce((sum, c) => sum + c.targets, 0);
  const byPhaseStatus = Object.fromEntries(
    TARGET_PHASES.map((phase) => [
      phase,
      countsFor(
        TARGET_STATUSES,
        counts.filter((c) => c.phase === phase).map((c) => ({ key: c.status, count: c.targets })),
      ),
    ]),
  ) as Record<TargetPhase, Record<TargetStatus, number>>;
  return {
    ...context,
    summary: {
      targets: total,
      signed_off: counts.reduce((sum, c) => sum + c.signed_off, 0),
      by_phase: countsFor(
        TARGET_PHASES,
        counts.map((c) => ({ key: c.phase, count: c.targets })),
      ),
      by_status: countsFor(
        TARGET_STATUSES,
        counts.map((c) => ({ key: c.status, count: c.targets })),
      ),
      by_phase_status: byPhaseStatus,
      teams: teams.totals,
      units: teams.units,
    },
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      village: { code: r.village_code, name: r.village_name },
      dispatching_unit: r.dispatching_unit,
      category: r.category,
      phase: r.phase,
      status: r.status,
      measures: parseMeasures(r.measures),
      metric: r.metric,
      unit: r.unit,
      baseline: r.baseline,
      target: r.target,
      actual: r.actual,
      progress: targetProgress(r.baseline, r.target, r.actual),
      due_on: r.due_on,
      signed_off_by: r.signed_off_by,
    })),
    paging: window.info,
  };
}
