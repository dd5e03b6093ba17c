/**
 * Updates to projects (progress reports), problems (status changes with dates and
 * departments), term targets (phase, actual value, status) and work teams (members, end of
 * term), uploaded like the returns:
 * every row checked, all errors at once, then a diff against the current state.
 * Rows name existing items by their number (编号); new items are not created by upload.
 */
import { z } from "zod";
import { label, type VocabularyKey } from "../vocabulary.ts";
import { choice, date, decimal, id, text, wholeNumber } from "./cells.ts";
import type { ColumnSpec, RowError } from "./columns.ts";
import { rowIssues, type Table } from "./table.ts";

export const UPDATE_KINDS = ["projects", "problems", "targets", "work-teams"] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export const UPDATE_COLUMNS: Record<UpdateKind, readonly ColumnSpec[]> = {
  projects: [
    { key: "id", zh: "项目编号", required: true, type: "id" },
    { key: "reported_on", zh: "报告日期", required: true, type: "date" },
    { key: "progress", zh: "进度", required: true, type: "integer" },
    { key: "invested", zh: "累计投资", required: true, type: "yuan" },
    { key: "status", zh: "状态", required: true, type: { vocabulary: "project_status" } },
    { key: "reason", zh: "说明", required: false, type: "text" },
  ],
  problems: [
    { key: "id", zh: "问题编号", required: true, type: "id" },
    { key: "status", zh: "状态", required: true, type: { vocabulary: "problem_status" } },
    { key: "date", zh: "日期", required: true, type: "date" },
    { key: "department", zh: "认领部门", required: false, type: "text" },
    { key: "note", zh: "备注", required: false, type: "text" },
  ],
  targets: [
    { key: "id", zh: "目标编号", required: true, type: "id" },
    { key: "phase", zh: "阶段", required: true, type: { vocabulary: "target_phase" } },
    { key: "actual", zh: "实际值", required: false, type: "decimal" },
    { key: "status", zh: "状态", required: true, type: { vocabulary: "target_status" } },
    { key: "reason", zh: "说明", required: false, type: "text" },
  ],
  "work-teams": [
    { key: "id", zh: "工作队编号", required: true, type: "id" },
    { key: "members", zh: "队员人数", required: true, type: "integer" },
    { key: "term_end", zh: "任期结束", required: true, type: "date" },
    { key: "reason", zh: "说明", required: false, type: "text" },
  ],
};

export const TEMPLATE_EXAMPLES: Record<UpdateKind, string[]> = {
  projects: ["101", "2026-11-15", "60", "1200000", "在建", ""],
  problems: ["2001", "已认领", "2026-11-12", "县自然资源局", "已安排现场踏勘"],
  targets: ["3001", "实施", "520", "按计划推进", ""],
  "work-teams": ["41", "4", "2027-05-31", "增派队员一名"],
};

export const ROW_SCHEMAS = {
  projects: z.object({
    id,
    reported_on: date,
    progress: wholeNumber("（百分数）", 100),
    invested: wholeNumber("（元）", Number.MAX_SAFE_INTEGER),
    status: choice("project_status", "项目状态"),
    reason: text(500),
  }),
  problems: z.object({
    id,
    status: choice("problem_status", "问题状态"),
    date,
    department: text(100),
    note: text(500),
  }),
  targets: z.object({
    id,
    phase: choice("target_phase", "阶段"),
    actual: decimal,
    status: choice("target_status", "目标状态"),
    reason: text(500),
  }),
  "work-teams": z.object({
    id,
    members: wholeNumber("（人）", 99).refine((n) => n > 0, { error: "队员人数至少为 1" }),
    term_end: date,
    reason: text(500),
  }),
} as const;

export type UpdateRow<K extends UpdateKind> = z.infer<(typeof ROW_SCHEMAS)[K]> & { line: number };

/** Cell checks of every row, and the same item twice in one file. */
export function parseUpdates<K extends UpdateKind>(
  kind: K,
  table: Table,
): { rows: UpdateRow<K>[]; errors: RowError[] } {
  const columns = UPDATE_COLUMNS[kind];
  const errors: RowError[] = [...table.errors];
  const rows: UpdateRow<K>[] = [];
  const seen = new Map<number, number>();
  for (const row of table.rows) {
    const { line } = row;
    const parsed = ROW_SCHEMAS[kind].safeParse(row.cells);
    if (!parsed.success || row.bad.size > 0) {
      if (!parsed.success) errors.push(...rowIssues(table, row, columns, parsed.error.issues));
      continue;
    }
    const item = { ...parsed.data, line } as unknown as UpdateRow<K>;
    const first = seen.get(item.id);
    if (first !== undefined) {
      errors.push({
        line,
        column: columns[0]?.zh ?? "编号",
        letter: table.columns.get("id")?.letter,
        value: String(item.id),
        message: `与第${first}行重复：同一编号在一个文件里只能出现一次`,
      });
      continue;
    }
    seen.set(item.id, line);
    rows.push(item);
  }
  return { rows, errors };
}

export interface ProblemState {
  id: number;
  region_code: string;
  status: VocabularyKey<"problem_status">;
  raised_on: string;
  department: string | null;
  claimed_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
}

export interface ProjectState {
  id: number;
  region_code: string;
  status: VocabularyKey<"project_status">;
  progress: number;
  invested: number;
  start_date: string;
  completed_date: string | null;
  last_reported_on: string | null;
}

export interface TargetState {
  id: number;
  village_code: string;
  phase: VocabularyKey<"target_phase">;
  actual: number | null;
  status: VocabularyKey<"target_status">;
  signed_off_by: string | null;
}

export interface WorkTeamState {
  id: number;
  village_code: string;
  dispatching_unit: string;
  members: number;
  term_start: string;
  term_end: string;
}

export interface Change<R, S> {
  row: R;
  before: S;
  after: S;
}

export interface Checked<R, S> {
  errors: RowError[];
  changes: Change<R, S>[];
  unchanged: R[];
}

const RANK = { open: 0, claimed: 1, resolved: 2, closed: 3 } as const;

/** Checks shared by all kinds: the item exists and lies inside the uploader's region. */
function located<S>(
  row: { id: number; line: number },
  state: S | undefined,
  region: (s: S) => string,
  scope: string | null,
  idColumn: string,
  errors: RowError[],
): state is S {
  if (!state) {
    errors.push({ line: row.line, column: idColumn, message: `编号 ${row.id} 不存在` });
    return false;
  }
  if (scope !== null && !region(state).startsWith(scope)) {
    errors.push({
      line: row.line,
      column: idColumn,
      message: `编号 ${row.id} 属于 ${region(state)}，不在您负责的地区（${scope}）内`,
    });
    return false;
  }
  return true;
}

export function checkProblems(
  rows: UpdateRow<"problems">[],
  states: Map<number, ProblemState>,
  scope: string | null,
  today: string,
): Checked<UpdateRow<"problems">, ProblemState> {
  const out: Checked<UpdateRow<"problems">, ProblemState> = {
    errors: [],
    changes: [],
    unchanged: [],
  };
  for (const row of rows) {
    const s = states.get(row.id);
    if (!located(row, s, (x) => x.region_code, scope, "问题编号", out.errors)) continue;
    const stageDate = {
      open: s.raised_on,
      claimed: s.claimed_on,
      resolved: s.resolved_on,
      closed: s.closed_on,
    }[s.status];
    if (row.status === s.status) {
      if (row.date === stageDate && (row.department === null || row.department === s.department))
        out.unchanged.push(row);
      else
        out.errors.push({
          line: row.line,
          column: "状态",
          message: `问题已是“${label("problem_status", s.status, "zh")}”（${stageDate}），状态没有变化；日期有误请联系编辑更正`,
        });
      continue;
    }
    if (RANK[row.status] < RANK[s.status]) {
      out.errors.push({
        line: row.line,
        column: "状态",
        message: `状态不能倒退：当前为“${label("problem_status", s.status, "zh")}”`,
      });
      continue;
    }
    const floor = stageDate ?? s.raised_on;
    if (row.date < floor) {
      out.errors.push({
        line: row.line,
        column: "日期",
        message: `日期 ${row.date} 早于上一环节的日期 ${floor}`,
      });
      continue;
    }
    if (row.date > today) {
      out.errors.push({ line: row.line, column: "日期", message: `日期 ${row.date} 还没有到` });
      continue;
    }
    const department = row.department ?? s.department;
    if (!department) {
      out.errors.push({ line: row.line, column: "认领部门", message: "认领问题须写明认领部门" });
      continue;
    }
    // A skipped stage is dated with this change (e.g. claimed and resolved the same day).
    const after: ProblemState = {
      ...s,
      status: row.status,
      department,
      claimed_on: s.claimed_on ?? row.date,
      resolved_on: RANK[row.status] >= 2 ? (s.resolved_on ?? row.date) : null,
      closed_on: row.status === "closed" ? row.date : null,
    };
    out.changes.push({ row, before: s, after });
  }
  return out;
}

export function checkProjects(
  rows: UpdateRow<"projects">[],
  states: Map<number, ProjectState>,
  scope: string | null,
  today: string,
): Checked<UpdateRow<"projects">, ProjectState> {
  const out: Checked<UpdateRow<"projects">, ProjectState> = {
    errors: [],
    changes: [],
    unchanged: [],
  };
  for (const row of rows) {
    const s = states.get(row.id);
    if (!located(row, s, (x) => x.region_code, scope, "项目编号", out.errors)) continue;
    if (row.progress === s.progress && row.invested === s.invested && row.status === s.status) {
      out.unchanged.push(row);
      continue;
    }
    const errors: RowError[] = [];
    if (row.reported_on > today)
      errors.push({
        line: row.line,
        column: "报告日期",
        message: `日期 ${row.reported_on} 还没有到`,
      });
    else if (row.reported_on < (s.last_reported_on ?? s.start_date)) {
      errors.push({
        line: row.line,
        column: "报告日期",
        message: `报告日期早于上次报告或开工日期（${s.last_reported_on ?? s.start_date}）`,
      });
    }
    if (row.reason === null && row.invested < s.invested) {
      errors.push({
        line: row.line,
        column: "累计投资",
        message: `累计投资比上次（${s.invested}）少：如确有原因请在“说明”列写明`,
      });
    }
    if (row.reason === null && row.progress < s.progress) {
      errors.push({
        line: row.line,
        column: "进度",
        message: `进度比上次（${s.progress}%）低：如确有原因请在“说明”列写明`,
      });
    }
    if (row.status === "completed" && row.progress !== 100) {
      errors.push({ line: row.line, column: "进度", message: "已完成的项目进度应为100" });
    }
    if (errors.length > 0) {
      out.errors.push(...errors);
      continue;
    }
    const after: ProjectState = {
      ...s,
      progress: row.progress,
      invested: row.invested,
      status: row.status,
      completed_date: row.status === "completed" ? (s.completed_date ?? row.reported_on) : null,
      last_reported_on: row.reported_on,
    };
    out.changes.push({ row, before: s, after });
  }
  return out;
}

export function checkTargets(
  rows: UpdateRow<"targets">[],
  states: Map<number, TargetState>,
  scope: string | null,
): Checked<UpdateRow<"targets">, TargetState> {
  const out: Checked<UpdateRow<"targets">, TargetState> = {
    errors: [],
    changes: [],
    unchanged: [],
  };
  for (const row of rows) {
    const s = states.get(row.id);
    if (!located(row, s, (x) => x.village_code, scope, "目标编号", out.errors)) continue;
    const actual = row.actual ?? s.actual;
    if (row.phase === s.phase && actual === s.actual && row.status === s.status) {
      out.unchanged.push(row);
      continue;
    }
    out.changes.push({
      row,
      before: s,
      after: { ...s, phase: row.phase, actual, status: row.status },
    });
  }
  return out;
}

export function checkWorkTeams(
  rows: UpdateRow<"work-teams">[],
  states: Map<number, WorkTeamState>,
  scope: string | null,
): Checked<UpdateRow<"work-teams">, WorkTeamState> {
  const out: Checked<UpdateRow<"work-teams">, WorkTeamState> = {
    errors: [],
    changes: [],
    unchanged: [],
  };
  for (const row of rows) {
    const s = states.get(row.id);
    if (!located(row, s, (x) => x.village_code, scope, "工作队编号", out.errors)) continue;
    if (row.term_end <= s.term_start) {
      out.errors.push({
        line: row.line,
        column: "任期结束",
        message: `任期结束 ${row.term_end} 不晚于任期开始 ${s.term_start}`,
      });
      continue;
    }
    if (row.members === s.members && row.term_end === s.term_end) {
      out.unchanged.push(row);
      continue;
    }
    out.changes.push({
      row,
      before: s,
      after: { ...s, members: row.members, term_end: row.term_end },
    });
  }
  return out;
}
