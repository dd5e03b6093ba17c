/**
 * New items by upload: projects entered into the project library, problems collected,
 * work teams dispatched and the term targets they signed. Each row is checked on its own
 * (cells), then against the database (region, scope, references, duplicates); all errors
 * are reported at once, in Chinese, by row and column. Numbers are assigned in file order.
 */
import { z } from "zod";
import { choice, date, decimal, id, text, wholeNumber } from "./cells.ts";
import type { ColumnSpec, RowError } from "./columns.ts";
import { rowIssues, type Table } from "./table.ts";

export const NEW_KINDS = ["new-projects", "new-problems", "new-work-teams", "new-targets"] as const;
export type NewKind = (typeof NEW_KINDS)[number];

export const NEW_COLUMNS: Record<NewKind, readonly ColumnSpec[]> = {
  "new-projects": [
    { key: "region_code", zh: "地区代码", required: true, type: "code" },
    { key: "title", zh: "项目名称", required: true, type: "text" },
    { key: "category", zh: "类别", required: true, type: { vocabulary: "project_category" } },
    { key: "supporting_unit", zh: "后盾单位", required: false, type: "text" },
    { key: "batch", zh: "批次", required: false, type: "text" },
    { key: "start_date", zh: "开工日期", required: true, type: "date" },
    { key: "planned_completion", zh: "计划完工日期", required: true, type: "date" },
    { key: "budget", zh: "计划投资", required: true, type: "yuan" },
  ],
  "new-problems": [
    { key: "region_code", zh: "地区代码", required: true, type: "code" },
    { key: "title", zh: "问题", required: true, type: "text" },
    { key: "category", zh: "类别", required: true, type: { vocabulary: "problem_category" } },
    { key: "channel", zh: "收集渠道", required: true, type: { vocabulary: "problem_channel" } },
    { key: "raised_on", zh: "收集日期", required: true, type: "date" },
    { key: "due_on", zh: "办理时限", required: false, type: "date" },
    { key: "project_id", zh: "所属项目编号", required: false, type: "id" },
    { key: "note", zh: "备注", required: false, type: "text" },
  ],
  "new-work-teams": [
    { key: "village_code", zh: "村代码", required: true, type: "code" },
    { key: "dispatching_unit", zh: "派出单位", required: true, type: "text" },
    { key: "members", zh: "队员人数", required: true, type: "integer" },
    { key: "term_start", zh: "任期开始", required: true, type: "date" },
    { key: "term_end", zh: "任期结束", required: true, type: "date" },
  ],
  "new-targets": [
    { key: "work_team_id", zh: "工作队编号", required: true, type: "id" },
    { key: "title", zh: "目标", required: true, type: "text" },
    { key: "category", zh: "类别", required: true, type: { vocabulary: "target_category" } },
    { key: "measures", zh: "措施", required: false, type: "text" },
    { key: "metric", zh: "指标", required: true, type: "text" },
    { key: "unit", zh: "单位", required: true, type: "text" },
    { key: "baseline", zh: "基期值", required: true, type: "decimal" },
    { key: "target", zh: "目标值", required: true, type: "decimal" },
    { key: "due_on", zh: "完成时限", required: true, type: "date" },
  ],
};

export const NEW_TEMPLATE_EXAMPLES: Record<NewKind, string[]> = {
  "new-projects": [
    "450422104211",
    "黑山羊养殖基地二期",
    "产业",
    "市农业农村局",
    "第二批",
    "2026-12-01",
    "2027-10-31",
    "600000",
  ],
  "new-problems": [
    "450422104211",
    "羊舍扩建用地审批慢",
    "用地",
    "书记直通车",
    "2026-11-20",
    "2027-01-31",
    "",
    "",
  ],
  "new-work-teams": ["450422104211", "市农业农村局", "3", "2026-12-01", "2028-11-30"],
  "new-targets": [
    "41",
    "村集体经济收入达到 20 万元",
    "产业",
    "盘活闲置资产；发展光伏项目",
    "村集体经济年收入",
    "万元",
    "12",
    "20",
    "2027-12-31",
  ],
};

const code = z.string().regex(/^\d{6}$|^\d{9}$|^\d{12}$/, {
  error: (i) => `“${String(i.input)}”不是县、乡镇或村的代码`,
});
const villageCode = z
  .string()
  .regex(/^\d{12}$/, { error: (i) => `“${String(i.input)}”不是 12 位的村代码` });
const title = (max: number) =>
  z
    .string()
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, { error: "不能为空" })
        .max(max, { error: `不能超过${max}字` }),
    );
const required = (what: string) =>
  decimal.refine((v) => v !== null, { error: `请填写${what}` }).transform((v) => v as number);

export const NEW_ROW_SCHEMAS = {
  "new-projects": z.object({
    region_code: code,
    title: title(100),
    category: choice("project_category", "项目类别"),
    supporting_unit: text(100),
    batch: text(50),
    start_date: date,
    planned_completion: date,
    budget: wholeNumber("（元）", Number.MAX_SAFE_INTEGER),
  }),
  "new-problems": z.object({
    region_code: code,
    title: title(200),
    category: choice("problem_category", "问题类别"),
    channel: choice("problem_channel", "收集渠道"),
    raised_on: date,
    due_on: z.union([z.literal("").transform(() => null), date]),
    project_id: z.union([z.literal("").transform(() => null), id]),
    note: text(500),
  }),
  "new-work-teams": z.object({
    village_code: villageCode,
    dispatching_unit: title(100),
    members: wholeNumber("（人）", 99).refine((n) => n > 0, { error: "队员人数至少为 1" }),
    term_start: date,
    term_end: date,
  }),
  "new-targets": z.object({
    work_team_id: id,
    title: title(200),
    category: choice("target_category", "目标类别"),
    // Measures are one cell, separated by 、；; or line breaks.
    measures: z.string().transform((v) =>
      v
        .split(/[；;\n]/)
        .map((m) => m.trim())
        .filter((m) => m.length > 0),
    ),
    metric: title(100),
    unit: title(20),
    baseline: required("基期值"),
    target: required("目标值"),
    due_on: date,
  }),
} as const;

export type NewRow<K extends NewKind> = z.infer<(typeof NEW_ROW_SCHEMAS)[K]> & { line: number };

/** Cell checks of every row. */
export function parseNewItems<K extends NewKind>(
  kind: K,
  table: Table,
): { rows: NewRow<K>[]; errors: RowError[] } {
  const columns = NEW_COLUMNS[kind];
  const errors: RowError[] = [...table.errors];
  const rows: NewRow<K>[] = [];
  for (const row of table.rows) {
    const { line } = row;
    const parsed = NEW_ROW_SCHEMAS[kind].safeParse(row.cells);
    if (!parsed.success || row.bad.size > 0) {
      if (!parsed.success) errors.push(...rowIssues(table, row, columns, parsed.error.issues));
      continue;
    }
    rows.push({ ...parsed.data, line } as unknown as NewRow<K>);
  }
  return { rows, errors };
}
