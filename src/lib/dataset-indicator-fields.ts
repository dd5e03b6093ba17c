/**
 * The fields of the region-indicators dataset: the stored rollup (counts and sums) and the
 * indicators derived from it (DESIGN.md, "Collective income"), each with its definition.
 * Derived values are computed by indicatorsFromRollup, as on the pages and in the API.
 */
import { count, named, type FieldDef, type Words } from "./dataset-fields.ts";
import { indicatorsFromRollup, type Rollup } from "./indicators.ts";

const yuan = (name: string, title: Words, description: Words): FieldDef => ({
  ...named(name, "integer", title, description),
  unit: "元",
  constraints: { required: true, minimum: 0 },
});
const share = (name: string, title: Words, [description, descriptionEn]: Words): FieldDef => ({
  ...named(name, "number", title, [
    `${description}无报送村时为空。`,
    `${descriptionEn} Empty when no village reported.`,
  ]),
  unit: "比例（0—1）",
  constraints: { minimum: 0, maximum: 1 },
});

/** Stored rollup columns, in region_period_stats order. */
export const STATS_FIELDS: readonly FieldDef[] = [
  count(
    "villages",
    ["村委会数", "Village committees"],
    [
      "地区内的村委会数（不含城镇社区）。",
      "Village committees in the region (urban communities not included).",
    ],
  ),
  count(
    "reporting",
    ["报送村数", "Villages reporting"],
    ["本期报送了报表的村委会数。", "Village committees that filed a return for the period."],
  ),
  yuan(
    "income_total",
    ["收入合计", "Total income"],
    ["报送村当年累计收入之和。", "Sum of the year-to-date income of the reporting villages."],
  ),
  yuan(
    "operating",
    ["经营收入", "Operating income"],
    ["报送村经营收入之和。", "Sum of the operating income of the reporting villages."],
  ),
  yuan(
    "contracting",
    ["发包及上交收入", "Contracting and remittances"],
    [
      "报送村发包及上交收入之和。",
      "Sum of the contracting and remittance income of the reporting villages.",
    ],
  ),
  yuan(
    "investment",
    ["投资收益", "Investment income"],
    ["报送村投资收益之和。", "Sum of the investment income of the reporting villages."],
  ),
  yuan(
    "subsidy",
    ["补助收入", "Subsidies"],
    ["报送村补助收入之和。", "Sum of the subsidies of the reporting villages."],
  ),
  yuan(
    "other",
    ["其他收入", "Other income"],
    ["报送村其他收入之和。", "Sum of the other income of the reporting villages."],
  ),
  {
    ...named(
      "income_median",
      "number",
      ["收入中位数", "Median income"],
      [
        "报送村收入的中位数（偶数个时取中间两个的平均）；无报送村时为空。",
        "Median income of the reporting villages (the mean of the middle two when their number is even); empty when no village reported.",
      ],
    ),
    unit: "元",
  },
  count(
    "band_zero",
    ["空壳村数", "Shell villages"],
    ["收入为 0 的报送村数。", "Reporting villages with no income (0)."],
  ),
  count(
    "band_lt_5w",
    ["不足5万元村数", "Villages under ¥50k"],
    [
      "收入大于 0、不足 5 万元的报送村数。",
      "Reporting villages with income above 0 and under ¥50,000.",
    ],
  ),
  count(
    "band_5w_10w",
    ["5万—10万元村数", "Villages ¥50k–100k"],
    [
      "收入 5 万（含）至 10 万元的报送村数。",
      "Reporting villages with income of at least ¥50,000 and under ¥100,000.",
    ],
  ),
  count(
    "band_10w_30w",
    ["10万—30万元村数", "Villages ¥100k–300k"],
    [
      "收入 10 万（含）至 30 万元的报送村数。",
      "Reporting villages with income of at least ¥100,000 and under ¥300,000.",
    ],
  ),
  count(
    "band_30w_50w",
    ["30万—50万元村数", "Villages ¥300k–500k"],
    [
      "收入 30 万（含）至 50 万元的报送村数。",
      "Reporting villages with income of at least ¥300,000 and under ¥500,000.",
    ],
  ),
  count(
    "band_50w_100w",
    ["50万—100万元村数", "Villages ¥500k–1m"],
    [
      "收入 50 万（含）至 100 万元的报送村数。",
      "Reporting villages with income of at least ¥500,000 and under ¥1,000,000.",
    ],
  ),
  count(
    "band_ge_100w",
    ["100万元以上村数", "Villages ¥1m or more"],
    ["收入 100 万元及以上的报送村数。", "Reporting villages with income of ¥1,000,000 or more."],
  ),
  count(
    "yoy_matched",
    ["同比可比村数", "Comparable villages"],
    [
      "本期和上年同期都报送了的村数（同比的匹配样本）。",
      "Villages that reported both for this period and for the same period a year earlier (the matched sample for year-on-year growth).",
    ],
  ),
  yuan(
    "yoy_current",
    ["可比村本期收入", "Comparable villages' income, this period"],
    [
      "匹配样本在本期的收入合计（同比的分子）。",
      "Total income of the matched sample in this period (the numerator of year-on-year growth).",
    ],
  ),
  yuan(
    "yoy_previous",
    ["可比村上年同期收入", "Comparable villages' income, a year earlier"],
    [
      "匹配样本在上年同期的收入合计（同比的分母）。",
      "Total income of the matched sample in the same period a year earlier (the denominator of year-on-year growth).",
    ],
  ),
];

/** Derived indicators, computed from the stored columns. */
export const INDICATOR_FIELDS: readonly FieldDef[] = [
  share(
    "coverage",
    ["报送率", "Coverage"],
    ["报送村数 ÷ 村委会数。", "Villages reporting ÷ village committees."],
  ),
  {
    ...named(
      "income_mean",
      "number",
      ["村均收入", "Mean income per village"],
      [
        "收入合计 ÷ 报送村数；无报送村时为空。",
        "Total income ÷ villages reporting; empty when no village reported.",
      ],
    ),
    unit: "元",
  },
  {
    ...named(
      "earned_income",
      "integer",
      ["经营性收入", "Income excluding subsidies"],
      ["收入合计 − 补助收入。", "Total income − subsidies."],
    ),
    unit: "元",
  },
  share(
    "share_ge_10w",
    ["10万元以上村占比", "Share of villages with ¥100k or more"],
    [
      "收入 ≥ 10 万元的报送村数 ÷ 报送村数。",
      "Reporting villages with income ≥ ¥100,000 ÷ villages reporting.",
    ],
  ),
  share(
    "share_ge_30w",
    ["30万元以上村占比", "Share of villages with ¥300k or more"],
    [
      "收入 ≥ 30 万元的报送村数 ÷ 报送村数。",
      "Reporting villages with income ≥ ¥300,000 ÷ villages reporting.",
    ],
  ),
  share(
    "share_ge_50w",
    ["50万元以上村占比", "Share of villages with ¥500k or more"],
    [
      "收入 ≥ 50 万元的报送村数 ÷ 报送村数。",
      "Reporting villages with income ≥ ¥500,000 ÷ villages reporting.",
    ],
  ),
  share(
    "share_ge_100w",
    ["100万元以上村占比", "Share of villages with ¥1m or more"],
    [
      "收入 ≥ 100 万元的报送村数 ÷ 报送村数。",
      "Reporting villages with income ≥ ¥1,000,000 ÷ villages reporting.",
    ],
  ),
  count(
    "weak_villages",
    ["薄弱村数", "Weak villages"],
    [
      "收入不足 5 万元的报送村数（含空壳村）。",
      "Reporting villages with income under ¥50,000 (shell villages included).",
    ],
  ),
  share(
    "subsidy_share",
    ["补助收入占比", "Subsidy share"],
    ["补助收入 ÷ 收入合计。", "Subsidies ÷ total income."],
  ),
  {
    ...named(
      "yoy_growth",
      "number",
      ["同比增长", "Year-on-year growth"],
      [
        "可比村本期收入 ÷ 可比村上年同期收入 − 1（匹配样本）；无可比村时为空。",
        "Comparable villages' income this period ÷ their income a year earlier − 1 (matched sample); empty when no village is comparable.",
      ],
    ),
    unit: "比例",
  },
];

/** The derived fields of one rollup, keyed by field name. */
export function derivedIndicators(rollup: Rollup): Record<string, number | null> {
  const i = indicatorsFromRollup(rollup);
  return Object.fromEntries(
    INDICATOR_FIELDS.map((f) => [f.name, i[f.name as keyof typeof i].value]),
  );
}
