/** The open datasets of term targets, work teams and the release calendar. */
import {
  VILLAGE_CODE,
  named,
  code,
  text,
  choice,
  vocabularyChoice,
  date,
  stamp,
  id,
  ref,
  AS_REPORTED,
  AS_REPORTED_EN,
  type DatasetDef,
} from "./dataset-fields.ts";

export const TARGET_DATASETS: readonly DatasetDef[] = [
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
      vocabularyChoice(
        "category",
        "target_category",
        ["类别", "Category"],
        ["目标类别：", "Category of the target:"],
      ),
      vocabularyChoice(
        "phase",
        "target_phase",
        ["阶段", "Phase"],
        [
          "目标所处阶段：",
          "Phase of the target, from drawing it up through carrying it out to consolidating the result:",
        ],
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
      vocabularyChoice(
        "status",
        "target_status",
        ["状态", "Status"],
        ["目标完成情况：", "Status of the target:"],
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
