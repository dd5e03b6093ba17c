/**
 * The open datasets: stable names, documented fields, keys and coverage. One description
 * feeds the API (/api/v1/datasets), the catalogue page (/data), the Frictionless data
 * package and the DCAT catalogue, so they cannot disagree. Field definitions follow
 * DESIGN.md. Every name, definition, schedule and filter is written in Chinese and English
 * (for /en/data). Pure data: the SQL behind each dataset is in src/db/datasets.ts.
 */
import { INDICATOR_FIELDS, STATS_FIELDS } from "./dataset-indicator-fields.ts";

/** Frictionless table-schema types used here ("yearmonth" is YYYY-MM). */
export type FieldType =
  "string" | "integer" | "number" | "yearmonth" | "date" | "datetime" | "array";

/** A text in Chinese and in English, in that order: ["名称", "Name"]. */
export type Words = readonly [zh: string, en: string];

/** Units of measure, as written in Chinese, and their English. */
export const UNITS_EN = {
  元: "yuan",
  "%": "%",
  人: "people",
  个: "count",
  比例: "ratio",
  "比例（0—1）": "ratio (0–1)",
} as const;
export type Unit = keyof typeof UNITS_EN;

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Name for people, in Chinese. */
  title: string;
  /** Name for people, in English. */
  titleEn: string;
  /** Definition, in Chinese. */
  description: string;
  /** Definition, in English. */
  descriptionEn: string;
  unit?: Unit;
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
 * statistical division codes).
 */
export type Versioning = "as-of" | "static";

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
  /** The same in English (null exactly when periodFilter is). */
  periodFilterEn: string | null;
  /** Whether `region` applies (a subtree of division codes). */
  regionFilter: boolean;
  updateSchedule: string;
  updateScheduleEn: string;
}

const CODE = "^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$";
const VILLAGE_CODE = "^\\d{12}$";

/** A field's name and definition in both languages; the helpers below add type and constraints. */
const named = (
  name: string,
  type: FieldType,
  [title, titleEn]: Words,
  [description, descriptionEn]: Words,
) => ({ name, type, title, titleEn, description, descriptionEn });

const code = (name: string, title: Words, description: Words, pattern = CODE): FieldDef => ({
  ...named(name, "string", title, description),
  constraints: { required: true, pattern },
});
const yuan = (name: string, title: Words, description: Words): FieldDef => ({
  ...named(name, "integer", title, description),
  unit: "元",
  constraints: { required: true, minimum: 0 },
});
const text = (name: string, title: Words, description: Words, required = false): FieldDef => ({
  ...named(name, "string", title, description),
  ...(required ? { constraints: { required } } : {}),
});
const choice = (name: string, title: Words, description: Words, values: readonly string[]) => ({
  ...named(name, "string", title, description),
  constraints: { required: true, enum: values },
});
const date = (name: string, title: Words, description: Words, required = false): FieldDef => ({
  ...named(name, "date", title, description),
  ...(required ? { constraints: { required } } : {}),
});
const stamp = (name: string, title: Words, description: Words): FieldDef => ({
  ...named(name, "datetime", title, description),
  constraints: { required: true },
});
const id = (name: string, [title, titleEn]: Words): FieldDef => ({
  ...named(
    name,
    "integer",
    [title, titleEn],
    [
      `${title}，在本数据集内唯一且不变。`,
      `${titleEn}: unique within this dataset and never changes.`,
    ],
  ),
  constraints: { required: true, minimum: 1 },
});
/** A reference to another dataset's ID (many rows may share it). */
const ref = (name: string, [title, titleEn]: Words, [dataset, datasetEn]: Words): FieldDef => ({
  ...named(
    name,
    "integer",
    [title, titleEn],
    [
      `${dataset}中的${title}。`,
      `The ${titleEn.charAt(0).toLowerCase()}${titleEn.slice(1)} in the ${datasetEn} dataset.`,
    ],
  ),
  constraints: { required: true, minimum: 1 },
});

const MONTHLY = "每月：各村次月10日前报送上月报表，每月20日随月度发布冻结。";
const MONTHLY_EN =
  "Monthly: each village files its return for a month by the 10th of the next month; the data is frozen with the monthly release on the 20th.";
const AS_REPORTED = "随各地上报随时更新。";
const AS_REPORTED_EN = "Updated whenever areas report.";

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
        ["区划代码", "Division code"],
        [
          "统计用区划代码，2、4、6、9 或 12 位数字，按文本处理（保留前导零）。",
          "Statistical division code of 2, 4, 6, 9 or 12 digits, handled as text (leading zeros kept).",
        ],
      ),
      text("name", ["名称", "Name"], ["地区名称。", "Name of the region."], true),
      choice(
        "level",
        ["层级", "Level"],
        ["province 省、city 市、county 县、township 乡镇、village 村。", "Level of the region."],
        ["province", "city", "county", "township", "village"],
      ),
      text(
        "parent_code",
        ["上级代码", "Parent code"],
        ["上一级地区的代码；省级为空。", "Code of the region one level up; empty for provinces."],
      ),
      choice(
        "kind",
        ["类别", "Kind"],
        [
          "area 地区；village_committee 村委会（计入村级统计）；community 城镇社区。",
          "area: a region above village level; village_committee: a village committee (counted in village statistics); community: an urban community.",
        ],
        ["area", "village_committee", "community"],
      ),
    ],
    primaryKey: ["code"],
    foreignKeys: [{ fields: ["parent_code"], resource: "regions", reference: ["code"] }],
    versioning: "static",
    periodFilter: null,
    periodFilterEn: null,
    regionFilter: true,
    updateSchedule: "区划代码调整时更新（很少）。",
    updateScheduleEn: "Updated when the division codes change (rarely).",
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
      code(
        "village_code",
        ["村代码", "Village code"],
        [
          "村委会的 12 位统计用区划代码。",
          "The village committee's 12-digit statistical division code.",
        ],
        VILLAGE_CODE,
      ),
      text(
        "village_name",
        ["村名", "Village name"],
        ["村委会名称。", "Name of the village committee."],
        true,
      ),
      {
        ...code(
          "period",
          ["统计期", "Period"],
          ["报表所属月份 YYYY-MM。", "The month the return is for, YYYY-MM."],
        ),
        type: "yearmonth",
      },
      yuan(
        "total",
        ["收入合计", "Total income"],
        [
          "当年1月至本期的累计集体经济收入，五类来源之和；12月为全年数。",
          "Collective income from January of the year to this period, the sum of the five sources; December gives the full year.",
        ],
      ),
      yuan(
        "operating",
        ["经营收入", "Operating income"],
        [
          "村集体经营活动取得的收入（累计）。",
          "Income from the village collective's business operations (year to date).",
        ],
      ),
      yuan(
        "contracting",
        ["发包及上交收入", "Contracting and remittances"],
        [
          "土地、资产发包收入和承包上交收入（累计）。",
          "Income from contracting out land and assets, and payments remitted by contractors (year to date).",
        ],
      ),
      yuan(
        "investment",
        ["投资收益", "Investment income"],
        [
          "对外投资、入股分红取得的收益（累计）。",
          "Returns on outside investments and dividends on shareholdings (year to date).",
        ],
      ),
      yuan(
        "subsidy",
        ["补助收入", "Subsidies"],
        [
          "财政等部门的补助收入（累计）；不算经营性收入。",
          "Subsidies from the finance bureau and other departments (year to date); not counted as earned income (income excluding subsidies).",
        ],
      ),
      yuan(
        "other",
        ["其他收入", "Other income"],
        ["以上以外的收入（累计）。", "Income not covered above (year to date)."],
      ),
      stamp(
        "recorded_at",
        ["入库时间", "Recorded at"],
        ["这一版数字入库的时间（UTC）。", "When this version of the figures was recorded (UTC)."],
      ),
      text(
        "reason",
        ["更正原因", "Reason for revision"],
        [
          "这一版更正了此前报送的数字时，更正的原因；首次报送为空。",
          "Why this version revises figures filed earlier; empty for a first return.",
        ],
      ),
    ],
    primaryKey: ["village_code", "period"],
    foreignKeys: [{ fields: ["village_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: "统计期 period",
    periodFilterEn: "reporting month (period)",
    regionFilter: true,
    updateSchedule: MONTHLY,
    updateScheduleEn: MONTHLY_EN,
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
      code(
        "region_code",
        ["地区代码", "Region code"],
        ["统计用区划代码（村以上各级）。", "Statistical division code (levels above village)."],
      ),
      text("region_name", ["地区名称", "Region name"], ["地区名称。", "Name of the region."], true),
      choice(
        "level",
        ["层级", "Level"],
        ["province、city、county 或 township。", "Level of the region (above village)."],
        ["province", "city", "county", "township"],
      ),
      {
        ...code(
          "period",
          ["统计期", "Period"],
          ["月份 YYYY-MM（当年累计）。", "Month, YYYY-MM (year to date)."],
        ),
        type: "yearmonth",
      },
      ...STATS_FIELDS,
      ...INDICATOR_FIELDS,
    ],
    primaryKey: ["region_code", "period"],
    foreignKeys: [{ fields: ["region_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: "统计期 period",
    periodFilterEn: "reporting month (period)",
    regionFilter: true,
    updateSchedule: MONTHLY,
    updateScheduleEn: MONTHLY_EN,
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
      id("id", ["项目编号", "Project ID"]),
      code(
        "region_code",
        ["地区代码", "Region code"],
        ["项目所在地区（村或以上）。", "The region the project is in (village or higher)."],
      ),
      text("title", ["项目名称", "Project name"], ["项目名称。", "Name of the project."], true),
      choice(
        "category",
        ["类别", "Category"],
        [
          "industry 产业、infrastructure 基础设施、livelihood 民生、ecology 生态、other 其他。",
          "Category of the project.",
        ],
        ["industry", "infrastructure", "livelihood", "ecology", "other"],
      ),
      text(
        "supporting_unit",
        ["后盾单位", "Supporting unit"],
        ["后盾单位。", "The unit that backs the project."],
      ),
      text(
        "batch",
        ["批次", "Batch"],
        ["项目批次，如第一批。", "Project batch, e.g. the first batch."],
      ),
      date("start_date", ["开工日期", "Start date"], ["开工日期。", "Date work started."], true),
      date(
        "planned_completion",
        ["计划完工日期", "Planned completion"],
        ["计划完工日期。", "Planned completion date."],
        true,
      ),
      date(
        "completed_date",
        ["完工日期", "Completion date"],
        ["实际完工日期；未完工为空。", "Actual completion date; empty if not completed."],
      ),
      yuan("budget", ["总投资", "Total investment"], ["计划总投资。", "Planned total investment."]),
      yuan(
        "invested",
        ["已完成投资", "Invested to date"],
        [
          "截至最近一次进度报告的累计完成投资。",
          "Investment made in all, as of the latest progress report.",
        ],
      ),
      {
        ...named(
          "progress",
          "integer",
          ["进度", "Progress"],
          ["形象进度，0—100。", "Physical progress of the works, 0–100."],
        ),
        unit: "%",
        constraints: { required: true, minimum: 0, maximum: 100 },
      },
      choice(
        "status",
        ["状态", "Status"],
        [
          "planned 计划、under_way 在建、completed 完工、suspended 暂停。",
          "Status of the project (under_way: under construction).",
        ],
        ["planned", "under_way", "completed", "suspended"],
      ),
      stamp(
        "updated_at",
        ["更新时间", "Updated at"],
        [
          "最近一次进度报告入库的时间（UTC）。",
          "When the latest progress report was recorded (UTC).",
        ],
      ),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["region_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: "开工月份 start_date",
    periodFilterEn: "month work started (start_date)",
    regionFilter: true,
    updateSchedule: AS_REPORTED,
    updateScheduleEn: AS_REPORTED_EN,
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
      id("id", ["问题编号", "Problem ID"]),
      code(
        "region_code",
        ["地区代码", "Region code"],
        ["问题所在地区。", "The region the problem is in."],
      ),
      {
        ...id("project_id", ["所属项目编号", "Project ID"]),
        constraints: { minimum: 1 },
        description: "问题所属项目；无则为空。",
        descriptionEn: "The project the problem belongs to; empty if none.",
      },
      text("title", ["问题", "Problem"], ["问题内容。", "What the problem is."], true),
      choice(
        "category",
        ["类别", "Category"],
        [
          "用地、用水、用电、资金、报批、技术、市场、人才、其他。",
          "What the problem concerns: land use, water, power supply, funding, approvals, technology, markets, skilled people or other.",
        ],
        [
          "land",
          "water",
          "power",
          "funding",
          "approval",
          "technology",
          "market",
          "people",
          "other",
        ],
      ),
      choice(
        "channel",
        ["收集渠道", "Channel"],
        [
          "matchmaking 项目对接会、direct_line 书记直通车、visit 走访、other。",
          "matchmaking: a project matchmaking meeting; direct_line: the secretary direct line; visit: a door-to-door visit; other.",
        ],
        ["matchmaking", "direct_line", "visit", "other"],
      ),
      date(
        "raised_on",
        ["提出日期", "Date raised"],
        ["问题提出日期。", "Date the problem was raised."],
        true,
      ),
      date(
        "due_on",
        ["办结时限", "Due date"],
        ["要求办结的日期。", "Date by which the problem must be settled."],
      ),
      text(
        "department",
        ["认领部门", "Claiming department"],
        ["认领问题的部门。", "The department that claimed the problem."],
      ),
      date(
        "claimed_on",
        ["认领日期", "Date claimed"],
        ["部门认领日期。", "Date a department claimed it."],
      ),
      date(
        "resolved_on",
        ["解决日期", "Date resolved"],
        ["问题解决日期。", "Date the problem was resolved."],
      ),
      date(
        "closed_on",
        ["销号日期", "Date closed"],
        ["销号日期。", "Date the problem was closed (signed off)."],
      ),
      choice(
        "status",
        ["状态", "Status"],
        [
          "open 待认领、claimed 已认领、resolved 已解决、closed 已销号。",
          "Status of the problem: open (awaiting a department's claim), claimed, resolved or closed (signed off).",
        ],
        ["open", "claimed", "resolved", "closed"],
      ),
      stamp(
        "updated_at",
        ["更新时间", "Updated at"],
        [
          "最近一次办理记录入库的时间（UTC）。",
          "When the latest event of the problem was recorded (UTC).",
        ],
      ),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["region_code"], resource: "regions", reference: ["code"] },
      { fields: ["project_id"], resource: "projects", reference: ["id"] },
    ],
    versioning: "as-of",
    periodFilter: "提出月份 raised_on",
    periodFilterEn: "month raised (raised_on)",
    regionFilter: true,
    updateSchedule: AS_REPORTED,
    updateScheduleEn: AS_REPORTED_EN,
  },
  {
    name: "problem-events",
    title: "问题办理记录",
    titleEn: "Problem events",
    description:
      "问题的每一次状态变化及其日期（只增不改）。指定发布版本时，给出该版本冻结前入库的记录。",
    descriptionEn: "Every status change of a problem with its date (append-only).",
    fields: [
      id("id", ["记录编号", "Event ID"]),
      ref("problem_id", ["问题编号", "Problem ID"], ["问题清单", "problems"]),
      code(
        "region_code",
        ["地区代码", "Region code"],
        ["问题所在地区。", "The region the problem is in."],
      ),
      choice(
        "status",
        ["新状态", "New status"],
        ["open、claimed、resolved 或 closed。", "The status the problem moved to."],
        ["open", "claimed", "resolved", "closed"],
      ),
      date(
        "event_date",
        ["日期", "Date"],
        ["状态变化的日期。", "Date of the status change."],
        true,
      ),
      text(
        "department",
        ["部门", "Department"],
        ["经办部门。", "The department handling the problem."],
      ),
      text("note", ["说明", "Note"], ["办理说明。", "Note on how the problem was handled."]),
      stamp(
        "recorded_at",
        ["入库时间", "Recorded at"],
        ["记录入库的时间（UTC）。", "When the event was recorded (UTC)."],
      ),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["problem_id"], resource: "problems", reference: ["id"] }],
    versioning: "as-of",
    periodFilter: "事件月份 event_date",
    periodFilterEn: "month of the event (event_date)",
    regionFilter: true,
    updateSchedule: AS_REPORTED,
    updateScheduleEn: AS_REPORTED_EN,
  },
  {
    name: "targets",
    title: "任期目标",
    titleEn: "Term targets",
    description:
      "驻村工作队与村委会签订的任期目标：阶段、措施、基数/目标/实际值和状态。按发布版本读取时：该版本冻结时已登记的目标，阶段、实际值、状态和验收单位取自当时最近一次记录的更新。",
    descriptionEn:
      "Term targets signed by work teams with village committees: phase, measures, baseline, target, actual value and status. As of a release: targets recorded by its freeze moment, with phase, actual value, status and sign-off from the latest update recorded by then.",
    fields: [
      id("id", ["目标编号", "Target ID"]),
      code(
        "village_code",
        ["村代码", "Village code"],
        ["村委会代码。", "Code of the village committee."],
        VILLAGE_CODE,
      ),
      ref("work_team_id", ["工作队编号", "Work team ID"], ["驻村工作队", "work-teams"]),
      text("title", ["目标", "Target"], ["目标内容。", "What the target is."], true),
      choice(
        "category",
        ["类别", "Category"],
        ["产业、基础设施、民生、生态、治理、其他。", "Category of the target."],
        ["industry", "infrastructure", "livelihood", "ecology", "governance", "other"],
      ),
      choice(
        "phase",
        ["阶段", "Phase"],
        [
          "plan 制定、implement 实施、consolidate 巩固。",
          "Phase of the target: drawing it up (plan), carrying it out (implement) or consolidating the result (consolidate).",
        ],
        ["plan", "implement", "consolidate"],
      ),
      named(
        "measures",
        "array",
        ["措施", "Measures"],
        ["分解措施，JSON 数组。", "The measures the target is broken into, as a JSON array."],
      ),
      text(
        "metric",
        ["指标", "Metric"],
        ["衡量目标的指标。", "What the target is measured by."],
        true,
      ),
      text("unit", ["单位", "Unit"], ["指标的单位。", "Unit of the metric."], true),
      named(
        "baseline",
        "number",
        ["基数", "Baseline"],
        ["签订时的基数。", "The value when the target was signed."],
      ),
      named(
        "target",
        "number",
        ["目标值", "Target value"],
        ["任期目标值。", "The value to reach within the term."],
      ),
      named(
        "actual",
        "number",
        ["实际值", "Actual value"],
        ["最近一次报告的实际值。", "The actual value at the latest report."],
      ),
      date(
        "due_on",
        ["完成时限", "Due date"],
        ["目标的完成时限。", "Date by which the target is to be met."],
        true,
      ),
      text(
        "signed_off_by",
        ["验收单位", "Signed off by"],
        ["签字验收的派出单位。", "The dispatching unit that signed the target off."],
      ),
      choice(
        "status",
        ["状态", "Status"],
        [
          "on_track 正常推进、achieved 完成、exceeded 超额完成、at_risk 有风险、missed 未完成。",
          "Status of the target: on track, achieved, exceeded, at risk or missed.",
        ],
        ["on_track", "achieved", "exceeded", "at_risk", "missed"],
      ),
      stamp(
        "updated_at",
        ["更新时间", "Updated at"],
        ["最近一次更新入库的时间（UTC）。", "When the latest update was recorded (UTC)."],
      ),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["village_code"], resource: "regions", reference: ["code"] },
      { fields: ["work_team_id"], resource: "work-teams", reference: ["id"] },
    ],
    versioning: "as-of",
    periodFilter: "完成时限月份 due_on",
    periodFilterEn: "month due (due_on)",
    regionFilter: true,
    updateSchedule: AS_REPORTED,
    updateScheduleEn: AS_REPORTED_EN,
  },
  {
    name: "work-teams",
    title: "驻村工作队",
    titleEn: "Resident work teams",
    description:
      "驻村工作队：所驻村、派出单位、人数和任期。不含个人信息。按发布版本读取时：该版本冻结时已登记的工作队，人数和任期取自当时最近一次记录的变更。",
    descriptionEn:
      "Resident work teams: village, dispatching unit, members, term. No personal data. As of a release: teams recorded by its freeze moment, with members and term from the latest change recorded by then.",
    fields: [
      id("id", ["工作队编号", "Work team ID"]),
      code(
        "village_code",
        ["村代码", "Village code"],
        ["所驻村委会代码。", "Code of the village committee the team is stationed in."],
        VILLAGE_CODE,
      ),
      text(
        "dispatching_unit",
        ["派出单位", "Dispatching unit"],
        ["派出单位。", "The unit that sent the team."],
        true,
      ),
      {
        ...named(
          "members",
          "integer",
          ["队员人数", "Members"],
          ["工作队人数（含第一书记）。", "Number of team members (including the first secretary)."],
        ),
        unit: "人",
        constraints: { required: true, minimum: 1 },
      },
      date(
        "term_start",
        ["任期开始", "Term start"],
        ["任期开始日期。", "Date the term started."],
        true,
      ),
      date(
        "term_end",
        ["任期结束", "Term end"],
        [
          "任期结束日期（延期后为新的结束日期）。",
          "Date the term ends (the new end date if it was extended).",
        ],
        true,
      ),
      stamp(
        "updated_at",
        ["更新时间", "Updated at"],
        ["最近一次变更入库的时间（UTC）。", "When the latest change was recorded (UTC)."],
      ),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["village_code"], resource: "regions", reference: ["code"] }],
    versioning: "as-of",
    periodFilter: null,
    periodFilterEn: null,
    regionFilter: true,
    updateSchedule: "工作队轮换时更新。",
    updateScheduleEn: "Updated when work teams rotate.",
  },
  {
    name: "releases",
    title: "发布日历",
    titleEn: "Releases",
    description:
      "月度发布的日历：每次发布的统计期、预定时间和状态；published_at 为数据冻结时刻。按发布版本读取时：该版本冻结时日历的样子（当时已预告的发布、当时的预定时间和状态）。",
    descriptionEn:
      "The release calendar; published_at is the moment the data was frozen. As of a release: the calendar as it stood at its freeze moment (the releases announced by then, with their dates and status then).",
    fields: [
      id("id", ["发布编号", "Release ID"]),
      {
        ...code(
          "period",
          ["统计期", "Period"],
          ["发布报告的月份 YYYY-MM。", "The month the release reports on, YYYY-MM."],
        ),
        type: "yearmonth",
      },
      text("title", ["标题", "Title"], ["发布标题。", "Title of the release."], true),
      choice(
        "status",
        ["状态", "Status"],
        [
          "provisional 暂定、confirmed 已确认、published 已发布、cancelled 已取消。",
          "Status of the release in the calendar.",
        ],
        ["provisional", "confirmed", "published", "cancelled"],
      ),
      stamp(
        "scheduled_at",
        ["预定时间", "Scheduled for"],
        ["预告的发布时间（UTC）。", "The announced release time (UTC)."],
      ),
      named(
        "published_at",
        "datetime",
        ["发布时间", "Published at"],
        ["数据冻结并发布的时刻（UTC）。", "When the data was frozen and published (UTC)."],
      ),
    ],
    primaryKey: ["id"],
    foreignKeys: [],
    versioning: "as-of",
    periodFilter: "统计期 period",
    periodFilterEn: "reporting month (period)",
    regionFilter: false,
    updateSchedule: "提前至少四周预告。",
    updateScheduleEn: "Each release is announced at least four weeks ahead.",
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
