/** The open datasets of regions and collective income: regions, village-income, region-indicators. */
import { INDICATOR_FIELDS, STATS_FIELDS } from "./dataset-indicator-fields.ts";
import {
  AREA_FIELDS,
  VILLAGE_CODE,
  code,
  yuan,
  text,
  choice,
  stamp,
  MONTHLY,
  MONTHLY_EN,
  type DatasetDef,
} from "./dataset-fields.ts";

export const INCOME_DATASETS: readonly DatasetDef[] = [
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
      ...AREA_FIELDS,
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
];
