/** The open datasets of projects and problems: projects, problems, problem-events. */
import {
  named,
  code,
  yuan,
  text,
  vocabularyChoice,
  date,
  stamp,
  id,
  ref,
  AS_REPORTED,
  AS_REPORTED_EN,
  type DatasetDef,
} from "./dataset-fields.ts";

export const ACTIVITY_DATASETS: readonly DatasetDef[] = [
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
      vocabularyChoice(
        "category",
        "project_category",
        ["类别", "Category"],
        ["项目类别：", "Category of the project:"],
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
      vocabularyChoice(
        "status",
        "project_status",
        ["状态", "Status"],
        ["项目状态：", "Status of the project (under_way: under construction):"],
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
      vocabularyChoice(
        "category",
        "problem_category",
        ["类别", "Category"],
        [
          "问题所涉方面：",
          "What the problem concerns (land use, water, power supply, funding, approvals, technology, markets, skilled people or other):",
        ],
      ),
      vocabularyChoice(
        "channel",
        "problem_channel",
        ["收集渠道", "Channel"],
        ["问题的收集渠道：", "How the problem was collected:"],
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
      vocabularyChoice(
        "status",
        "problem_status",
        ["状态", "Status"],
        ["问题状态：", "Status of the problem (closed: signed off):"],
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
      vocabularyChoice(
        "status",
        "problem_status",
        ["新状态", "New status"],
        ["问题转入的状态：", "The status the problem moved to:"],
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
];
