/**
 * The fields of an upload's report as a clerk reads them: Chinese names, vocabulary keys
 * as their labels, money in whole yuan as written. The report carries these beside its
 * keyed data, so the upload page shows "状态：在建 → 已完工", never {"status":"under_way"}.
 */
import { label, type VocabularyName } from "../vocabulary.ts";

/** Each stored field's Chinese name, and its vocabulary where it holds one. */
const FIELDS: Record<string, { zh: string; vocabulary?: VocabularyName }> = {
  status: { zh: "状态" },
  progress: { zh: "进度（%）" },
  invested: { zh: "累计投资（元）" },
  completed_date: { zh: "完工日期" },
  last_reported_on: { zh: "最近报告日期" },
  department: { zh: "认领部门" },
  claimed_on: { zh: "认领日期" },
  resolved_on: { zh: "解决日期" },
  closed_on: { zh: "销号日期" },
  phase: { zh: "阶段", vocabulary: "target_phase" },
  actual: { zh: "实际值" },
  members: { zh: "队员人数" },
  term_start: { zh: "任期开始" },
  term_end: { zh: "任期结束" },
  region_code: { zh: "地区代码" },
  village_code: { zh: "村代码" },
  title: { zh: "名称" },
  category: { zh: "类别" },
  channel: { zh: "收集渠道", vocabulary: "problem_channel" },
  supporting_unit: { zh: "后盾单位" },
  batch: { zh: "批次" },
  start_date: { zh: "开工日期" },
  planned_completion: { zh: "计划完工日期" },
  budget: { zh: "计划投资（元）" },
  raised_on: { zh: "收集日期" },
  due_on: { zh: "时限" },
  project_id: { zh: "所属项目编号" },
  note: { zh: "备注" },
  reason: { zh: "说明" },
  dispatching_unit: { zh: "派出单位" },
  work_team_id: { zh: "工作队编号" },
  measures: { zh: "措施" },
  metric: { zh: "指标" },
  unit: { zh: "单位" },
  baseline: { zh: "基期值" },
  target: { zh: "目标值" },
};

/** The vocabularies of status and category, which depend on the kind of item. */
const BY_KIND: Record<string, Partial<Record<string, VocabularyName>>> = {
  projects: { status: "project_status", category: "project_category" },
  "new-projects": { status: "project_status", category: "project_category" },
  problems: { status: "problem_status", category: "problem_category" },
  "new-problems": { status: "problem_status", category: "problem_category" },
  targets: { status: "target_status", category: "target_category" },
  "new-targets": { status: "target_status", category: "target_category" },
};

/** A field's Chinese name. */
export function fieldName(key: string): string {
  return FIELDS[key]?.zh ?? key;
}

/** A field's value as a clerk reads it ("" for none). */
export function fieldText(kind: string, key: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("；");
  const vocabulary = BY_KIND[kind]?.[key] ?? FIELDS[key]?.vocabulary;
  if (vocabulary && typeof value === "string") {
    try {
      return label(vocabulary, value, "zh");
    } catch {
      return value;
    }
  }
  return String(value);
}

/** Each field of a row as [Chinese name, value as read], empty ones left out. */
export function fieldsText(kind: string, row: Record<string, unknown>): [string, string][] {
  return Object.entries(row)
    .filter(([key, value]) => key !== "line" && key !== "id" && value !== null && value !== "")
    .map(([key, value]) => [fieldName(key), fieldText(kind, key, value)]);
}
