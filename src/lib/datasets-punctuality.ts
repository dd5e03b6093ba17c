/**
 * The open dataset of punctuality of disclosure (报送及时率, src/lib/punctuality.ts):
 * reporting-punctuality, one row per region and period from the stored rollups, like
 * region-indicators. Rollups stored before punctuality was counted (on_time NULL) are
 * left out, so every row's figures are complete.
 */
import {
  AREA_FIELDS,
  count,
  code,
  date,
  named,
  MONTHLY,
  MONTHLY_EN,
  type DatasetDef,
} from "./dataset-fields.ts";

export const PUNCTUALITY_DATASETS: readonly DatasetDef[] = [
  {
    name: "reporting-punctuality",
    title: "报送及时情况（按地区和月份）",
    titleEn: "Punctuality of returns by region and month",
    description:
      "每个地区（村以上各级）每月的报表是否按时报送：按时、迟报、未报的村委会数和迟报天数，以及报送及时率。以各村首次报送的时间为准（此后的更正不改变），截止日为次月10日（北京时间，可配置），截止日当天或之前首次报送的为按时，之后的为迟报。只列出计入了及时情况的汇总；此项统计开始之前写入、此后没有重算的汇总不列出。指定发布版本时按该版本冻结时的数给出。",
    descriptionEn:
      "Whether each region's village committees filed each month's return on time: villages on time, late and missing, days late and the share on time, for every region above village level. A return counts from when it was first recorded (corrections filed later do not move it); the deadline is the 10th of the following month, China time (configurable), and a return first recorded on or before it is on time. Rollups stored before punctuality was counted, and not recomputed since, are left out. With a release, the figures as frozen at that release.",
    fields: [
      ...AREA_FIELDS,
      {
        ...code(
          "period",
          ["统计期", "Period"],
          ["报表所属月份 YYYY-MM。", "The month the returns are for, YYYY-MM."],
        ),
        type: "yearmonth",
      },
      date(
        "deadline",
        ["报送截止日", "Reporting deadline"],
        [
          "本期报表的报送截止日 YYYY-MM-DD：次月的第 N 日（北京时间），N 为网站配置的截止日（默认10日）。当天或之前首次报送的为按时。",
          "The period's reporting deadline, YYYY-MM-DD: day N of the following month, China time, where N is the site's configured deadline day (the 10th by default). A return first recorded on or before it is on time.",
        ],
        true,
      ),
      count(
        "villages",
        ["村委会数", "Village committees"],
        [
          "地区内应报送的村委会数（不含城镇社区）。",
          "Village committees in the region that should report (urban communities not included).",
        ],
      ),
      count(
        "on_time",
        ["按时报送村数", "Villages on time"],
        [
          "本期报表在截止日当天或之前首次报送的村委会数。",
          "Village committees whose return for the period was first recorded on or before the deadline.",
        ],
      ),
      count(
        "late",
        ["迟报村数", "Villages late"],
        [
          "本期报表在截止日之后才首次报送的村委会数。",
          "Village committees whose return for the period was first recorded after the deadline.",
        ],
      ),
      count(
        "missing",
        ["未报村数", "Villages missing"],
        [
          "在数据时点（最新数据为当前，指定发布版本时为该版本冻结时）还没有本期报表的村委会数 = 村委会数 − 按时报送村数 − 迟报村数。不论截止日是否已过都计入：截止日未到时，其中的村尚未逾期。",
          "Village committees with no return for the period at the data's moment (now for the latest data, the freeze moment for a release): villages − on time − late. Counted whether or not the deadline had passed: before the deadline, these villages are not yet overdue.",
        ],
      ),
      {
        ...named(
          "days_late",
          "integer",
          ["迟报天数合计", "Days late, total"],
          [
            "各迟报村迟报天数之和：首次报送日（北京时间）比截止日晚的日历天数。",
            "Days late summed over the late villages: the calendar days from the deadline to the China date each return was first recorded.",
          ],
        ),
        unit: "天",
        constraints: { required: true, minimum: 0 },
      },
      {
        ...named(
          "mean_days_late",
          "number",
          ["平均迟报天数", "Mean days late"],
          [
            "迟报天数合计 ÷ 迟报村数；没有迟报的村时为空。",
            "Days late, total ÷ villages late; empty when no village was late.",
          ],
        ),
        unit: "天",
        constraints: { minimum: 0 },
      },
      {
        ...named(
          "reported_on_time",
          "number",
          ["报送及时率", "Returns on time"],
          [
            "按时报送村数 ÷ 村委会数；地区内没有村委会时为空。",
            "Villages on time ÷ village committees; empty when the region has no village committee.",
          ],
        ),
        unit: "比例（0—1）",
        constraints: { minimum: 0, maximum: 1 },
      },
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
];
