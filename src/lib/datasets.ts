/**
 * The open datasets: stable names, documented fields, keys and coverage. One description
 * feeds the API (/api/v1/datasets), the catalogue page (/data), the Frictionless data
 * package and the DCAT catalogue, so they cannot disagree. Field definitions follow
 * DESIGN.md. Pure data: the SQL behind each dataset is in src/db/datasets.ts.
 */
import { INDICATOR_FIELDS, STATS_FIELDS } from "./dataset-indicator-fields.ts";

/** Frictionless table-schema types used here ("yearmonth" is YYYY-MM). */
export type FieldType =
  "string" | "integer" | "number" | "yearmonth" | "date" | "datetime" | "array";

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Chinese name for people. */
  title: string;
  /** Definition, in Chinese. */
  description: string;
  unit?: string;
  constraints?: {
    required?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

/**
 * How a dataset reads as of a release: "as-of" rows are append-only or versioned and are
 * recomputed exactly as at the release's freeze moment; "static" never changes (the
 * statistical division codes); "current" holds current state only and has no history.
 */
export type Versioning = "as-of" | "static" | "current";

export interface DatasetDef {
  name: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  fields: readonly FieldDef[];
  primaryKey: readonly string[];
  foreignKeys: readonly { fields: string[]; resource: string; reference: string[] }[];
  versioning: Versioning;
  /** What `from`/`to` filter on (null: the dataset has no period and refuses them). */
  periodFilter: string | null;
  /** Whether `region` applies (a subtree of division codes). */
  regionFilter: boolean;
  updateSchedule: string;
}

const CODE = "^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$";
const VILLAGE_CODE = "^\\d{12}$";

const code = (name: string, title: string, description: string, pattern = CODE): FieldDef => ({
  name,
  type: "string",
  title,
  description,
  constraints: { required: true, pattern },
});
const yuan = (name: string, title: string, description: string): FieldDef => ({
  name,
  type: "integer",
  title,
  unit: "元",
  description,
  constraints: { required: true, minimum: 0 },
});
const text = (name: string, title: string, description: string, required = false): FieldDef => ({
  name,
  type: "string",
  title,
  description,
  ...(required ? { constraints: { required } } : {}),
});
const choice = (name: string, title: string, description: string, values: readonly string[]) => ({
  name,
  type: "string" as const,
  title,
  description,
  constraints: { required: true, enum: values },
});
const date = (name: string, title: string, description: string, required = false): FieldDef => ({
  name,
  type: "date",
  title,
  description,
  ...(required ? { constraints: { required } } : {}),
});
const stamp = (name: string, title: string, description: string): FieldDef => ({
  name,
  type: "datetime",
  title,
  description,
  constraints: { required: true },
});
const id = (name: string, title: string): FieldDef => ({
  name,
  type: "integer",
  title,
  description: `${title}，在本数据集内唯一且不变。`,
  constraints: { required: true, minimum: 1 },
});

const MONTHLY = "每月：各村次月10日前报送上月报表，每月20日随月度发布冻结。";

export const DATASETS: readonly DatasetDef[] = [
  {
    name: "regions",
    title: "地区（统计用区划代码）",
    titleEn: "Regions (statistical division codes)",
    description:
      "样例覆盖的省、市、县、乡镇、村五级地区。代码为国家统计局统计用区划代码；村级中 200—399 为村委会，001—199 为城镇社区（不计入村级统计）。",
    descriptionEn:
      "Every region in the data at five levels, keyed by the NBS statistical division code.",
    fields: [
      code(
        "code",
        "区划代码",
        "统计用区划代码，2、4、6、9 或 12 位数字，按文本处理（保留前导零）。",
      ),
      text("name", "名称", "地区名称。", true),
      choice("level", "层级", "province 省、city 市、county 县、township 乡镇、village 村。", [
        "province",
        "city",
        "county",
        "township",
        "village",
      ]),
      text("parent_code", "上级代码", "上一级地区的代码；省级为空。"),
      choice(
        "kind",
        "类别",
        "area 地区；village_committee 村委会（计入村级统计）；community 城镇社区。",
        ["area", "village_committee", "community"],
      ),
    ],
    primaryKey: ["code"],
    foreignKeys: [{ fields: ["parent_code"], resource: "regions", reference: ["code"] }],
    versioning: "static",
    periodFilter: null,
    regionFilter: true,
    updateSchedule: "区划代码调整时更新（很少）。",
  },
  {
    name: "village-income",
    title: "村集体经济收入月报（按来源）",
    titleEn: "Village collective income, monthly returns by source",
    description:
      "每个村委会每月报送的当年累计集体经济收入，按五类来源。合计 = 经营收入 + 发包及上交收入 + 投资收益 + 补助收入 + 其他收入。每村每期一行：当时有效的那一版；更正过的数在指定发布版本时按该版本冻结时的数给出。",
    descriptionEn:
      "Year-to-date collective income of each village committee by month and source; one row per village and period, as current at the release's freeze moment.",
    fields: [
      code("village_code", "村代码", "村委会的 12 位统计用区划代码。", VILLAGE_CODE),
      text("village_name", "村名", "村委会名称。", true),
      { ...code("period", "统计期", "报表所属月份 YYYY-MM。"), type: "yearmonth" },
      yuan("total", "收入合计", "当年1月至本期的累计集体经济收入，五类来源之和；12月为全年数。"),
      yuan("operating", "经营收入", "村集体经营活动取得的收入（累计）。"),
      yuan("contracting", "发包及上交收入", "土地、资产发包收入和承包上交收入（累计）。"),
      yuan("investment", "投资收益", "对外投资、入股分红取得的收益（累计）。"),
      yuan("subsidy", "补助收入", "财政等部门的补助收入（累计）；不算经营性收入。"),
      yuan("other", "其他收入", "以上以外的收入（累计）。"),
      stamp("recorded_at", "入库时间", "这一版数字入库的时间（UTC）。"),
      text("reason", "更正原因", "这一版更正了此前报送的数字时，更正的原因；首次报送为空。"),
    ],
    primaryKey: ["village_code", "period"],
    foreignKeys: [{ fields: ["village_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: "统计期 period",
    regionFilter: true,
    updateSchedule: MONTHLY,
  },
  {
    name: "region-indicators",
    title: "地区指标（按月）",
    titleEn: "Indicators by region and month",
    description:
      "每个地区（村以上各级）每月的汇总和指标，口径见方法说明：只计村委会；比例同时给出分子和分母。",
    descriptionEn:
      "Rollups and indicators of every region above village level for each month, with numerators and denominators.",
    fields: [
      code("region_code", "地区代码", "统计用区划代码（村以上各级）。"),
      text("region_name", "地区名称", "地区名称。", true),
      choice("level", "层级", "province、city、county 或 township。", [
        "province",
        "city",
        "county",
        "township",
      ]),
      { ...code("period", "统计期", "月份 YYYY-MM（当年累计）。"), type: "yearmonth" },
      ...STATS_FIELDS,
      ...INDICATOR_FIELDS,
    ],
    primaryKey: ["region_code", "period"],
    foreignKeys: [{ fields: ["region_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: "统计期 period",
    regionFilter: true,
    updateSchedule: MONTHLY,
  },
  {
    name: "projects",
    title: "项目库",
    titleEn: "Projects",
    description:
      "第一书记项目库中的项目。默认为当前状态；指定发布版本时，只含该版本冻结前已有进度报告的项目，进度、已完成投资、状态和完工日期取冻结前入库的最近一次进度报告。",
    descriptionEn:
      "First-secretary projects. As of a release: projects reported by its freeze moment, with progress, investment and status from the latest progress report recorded by then.",
    fields: [
      id("id", "项目编号"),
      code("region_code", "地区代码", "项目所在地区（村或以上）。"),
      text("title", "项目名称", "项目名称。", true),
      choice(
        "category",
        "类别",
        "industry 产业、infrastructure 基础设施、livelihood 民生、ecology 生态、other 其他。",
        ["industry", "infrastructure", "livelihood", "ecology", "other"],
      ),
      text("supporting_unit", "后盾单位", "后盾单位。"),
      text("batch", "批次", "项目批次，如第一批。"),
      date("start_date", "开工日期", "开工日期。", true),
      date("planned_completion", "计划完工日期", "计划完工日期。", true),
      date("completed_date", "完工日期", "实际完工日期；未完工为空。"),
      yuan("budget", "总投资", "计划总投资。"),
      yuan("invested", "已完成投资", "截至最近一次进度报告的累计完成投资。"),
      {
        name: "progress",
        type: "integer",
        title: "进度",
        unit: "%",
        description: "形象进度，0—100。",
        constraints: { required: true, minimum: 0, maximum: 100 },
      },
      choice("status", "状态", "planned 计划、under_way 在建、completed 完工、suspended 暂停。", [
        "planned",
        "under_way",
        "completed",
        "suspended",
      ]),
      stamp("updated_at", "更新时间", "最近一次进度报告入库的时间（UTC）。"),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["region_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: "开工月份 start_date",
    regionFilter: true,
    updateSchedule: "随各地上报随时更新。",
  },
  {
    name: "problems",
    title: "问题清单",
    titleEn: "Problems",
    description:
      "问题清单：收集 → 部门认领 → 解决 → 销号。默认为当前状态；指定发布版本时，只含该版本冻结前已入库提出记录的问题，状态、认领部门和各环节日期按冻结前入库的办理记录（problem-events）还原。",
    descriptionEn:
      "Problem list items. As of a release: problems raised by its freeze moment, with status, department and dates rebuilt from the events recorded by then.",
    fields: [
      id("id", "问题编号"),
      code("region_code", "地区代码", "问题所在地区。"),
      {
        ...id("project_id", "所属项目编号"),
        constraints: { minimum: 1 },
        description: "问题所属项目；无则为空。",
      },
      text("title", "问题", "问题内容。", true),
      choice("category", "类别", "用地、用水、用电、资金、报批、技术、市场、人才、其他。", [
        "land",
        "water",
        "power",
        "funding",
        "approval",
        "technology",
        "market",
        "people",
        "other",
      ]),
      choice(
        "channel",
        "收集渠道",
        "matchmaking 项目对接会、direct_line 书记直通车、visit 走访、other。",
        ["matchmaking", "direct_line", "visit", "other"],
      ),
      date("raised_on", "提出日期", "问题提出日期。", true),
      date("due_on", "办结时限", "要求办结的日期。"),
      text("department", "认领部门", "认领问题的部门。"),
      date("claimed_on", "认领日期", "部门认领日期。"),
      date("resolved_on", "解决日期", "问题解决日期。"),
      date("closed_on", "销号日期", "销号日期。"),
      choice("status", "状态", "open 待认领、claimed 已认领、resolved 已解决、closed 已销号。", [
        "open",
        "claimed",
        "resolved",
        "closed",
      ]),
      stamp("updated_at", "更新时间", "最近一次办理记录入库的时间（UTC）。"),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["region_code"], resource: "regions", reference: ["code"] },
      { fields: ["project_id"], resource: "projects", reference: ["id"] },
    ],
    versioning: "as-of",
    periodFilter: "提出月份 raised_on",
    regionFilter: true,
    updateSchedule: "随各地上报随时更新。",
  },
  {
    name: "problem-events",
    title: "问题办理记录",
    titleEn: "Problem events",
    description:
      "问题的每一次状态变化及其日期（只增不改）。指定发布版本时，给出该版本冻结前入库的记录。",
    descriptionEn: "Every status change of a problem with its date (append-only).",
    fields: [
      id("id", "记录编号"),
      id("problem_id", "问题编号"),
      code("region_code", "地区代码", "问题所在地区。"),
      choice("status", "新状态", "open、claimed、resolved 或 closed。", [
        "open",
        "claimed",
        "resolved",
        "closed",
      ]),
      date("event_date", "日期", "状态变化的日期。", true),
      text("department", "部门", "经办部门。"),
      text("note", "说明", "办理说明。"),
      stamp("recorded_at", "入库时间", "记录入库的时间（UTC）。"),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["problem_id"], resource: "problems", reference: ["id"] }],
    versioning: "as-of",
    periodFilter: "事件月份 event_date",
    regionFilter: true,
    updateSchedule: "随各地上报随时更新。",
  },
  {
    name: "targets",
    title: "任期目标",
    titleEn: "Term targets",
    description:
      "驻村工作队与村委会签订的任期目标：阶段、措施、基数/目标/实际值和状态。只有当前状态：不保存历史，不能按发布版本（release）读取。",
    descriptionEn:
      "Term targets signed by work teams with village committees, current state only: no history, so it cannot be read as of a release.",
    fields: [
      id("id", "目标编号"),
      code("village_code", "村代码", "村委会代码。", VILLAGE_CODE),
      id("work_team_id", "工作队编号"),
      text("title", "目标", "目标内容。", true),
      choice("category", "类别", "产业、基础设施、民生、生态、治理、其他。", [
        "industry",
        "infrastructure",
        "livelihood",
        "ecology",
        "governance",
        "other",
      ]),
      choice("phase", "阶段", "plan 制定、implement 实施、consolidate 巩固。", [
        "plan",
        "implement",
        "consolidate",
      ]),
      { name: "measures", type: "array", title: "措施", description: "分解措施，JSON 数组。" },
      text("metric", "指标", "衡量目标的指标。", true),
      text("unit", "单位", "指标的单位。", true),
      { name: "baseline", type: "number", title: "基数", description: "签订时的基数。" },
      { name: "target", type: "number", title: "目标值", description: "任期目标值。" },
      { name: "actual", type: "number", title: "实际值", description: "最近一次报告的实际值。" },
      date("due_on", "完成时限", "目标的完成时限。", true),
      text("signed_off_by", "验收单位", "签字验收的派出单位。"),
      choice(
        "status",
        "状态",
        "on_track 正常推进、achieved 完成、exceeded 超额完成、at_risk 有风险、missed 未完成。",
        ["on_track", "achieved", "exceeded", "at_risk", "missed"],
      ),
      stamp("updated_at", "更新时间", "最近一次更新的时间（UTC）。"),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["village_code"], resource: "regions", reference: ["code"] },
      { fields: ["work_team_id"], resource: "work-teams", reference: ["id"] },
    ],
    versioning: "current",
    periodFilter: "完成时限月份 due_on",
    regionFilter: true,
    updateSchedule: "随各地上报随时更新。",
  },
  {
    name: "work-teams",
    title: "驻村工作队",
    titleEn: "Resident work teams",
    description:
      "驻村工作队：所驻村、派出单位、人数和任期。不含个人信息。只有当前状态：不保存历史，不能按发布版本（release）读取。",
    descriptionEn:
      "Resident work teams: village, dispatching unit, members, term. No personal data. Current state only: no history, so it cannot be read as of a release.",
    fields: [
      id("id", "工作队编号"),
      code("village_code", "村代码", "所驻村委会代码。", VILLAGE_CODE),
      text("dispatching_unit", "派出单位", "派出单位。", true),
      {
        name: "members",
        type: "integer",
        title: "队员人数",
        unit: "人",
        description: "工作队人数（含第一书记）。",
        constraints: { required: true, minimum: 1 },
      },
      date("term_start", "任期开始", "任期开始日期。", true),
      date("term_end", "任期结束", "任期结束日期。", true),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["village_code"], resource: "regions", reference: ["code"] }],
    versioning: "current",
    periodFilter: null,
    regionFilter: true,
    updateSchedule: "工作队轮换时更新。",
  },
  {
    name: "releases",
    title: "发布日历",
    titleEn: "Releases",
    description: "月度发布的日历：每次发布的统计期、预定时间和状态；published_at 为数据冻结时刻。",
    descriptionEn: "The release calendar; published_at is the moment the data was frozen.",
    fields: [
      id("id", "发布编号"),
      { ...code("period", "统计期", "发布报告的月份 YYYY-MM。"), type: "yearmonth" },
      text("title", "标题", "发布标题。", true),
      choice(
        "status",
        "状态",
        "provisional 暂定、confirmed 已确认、published 已发布、cancelled 已取消。",
        ["provisional", "confirmed", "published", "cancelled"],
      ),
      stamp("scheduled_at", "预定时间", "预告的发布时间（UTC）。"),
      {
        name: "published_at",
        type: "datetime",
        title: "发布时间",
        description: "数据冻结并发布的时刻（UTC）。",
      },
    ],
    primaryKey: ["id"],
    foreignKeys: [],
    versioning: "current",
    periodFilter: "统计期 period",
    regionFilter: false,
    updateSchedule: "提前至少四周预告。",
  },
];

export const DATASET_NAMES = DATASETS.map((d) => d.name) as [string, ...string[]];

export function findDataset(name: string): DatasetDef | undefined {
  return DATASETS.find((d) => d.name === name);
}

/** The licence every dataset is published under. */
export const LICENCE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** JSON pages: default and maximum rows per page. */
export const PAGE_SIZE = { default: 1000, max: 5000 } as const;

/** How to cite a dataset, in Chinese (the release makes the citation exact). */
export function citation(def: DatasetDef, release: string | null, url: string): string {
  const version = release ? `${release} 月度发布版` : "最新数据";
  return `村务公开台账：${def.title}（${def.name}），${version}。${url}，CC BY 4.0。`;
}

/** How to cite a dataset, in English (the title stays in both languages so it can be found). */
export function citationEn(def: DatasetDef, release: string | null, url: string): string {
  const version = release ? `monthly release ${release}` : "latest data";
  return `Village Ledger (村务公开台账): ${def.titleEn} (${def.name}), ${version}. ${url}, CC BY 4.0.`;
}
