/**
 * The fields of the region-indicators dataset: the stored rollup (counts and sums) and the
 * indicators derived from it (DESIGN.md, "Collective income"), each with its definition.
 * Derived values are computed by indicatorsFromRollup, as on the pages and in the API.
 */
import type { FieldDef } from "./datasets.ts";
import { indicatorsFromRollup, type Rollup } from "./indicators.ts";

const count = (name: string, title: string, description: string): FieldDef => ({
  name,
  type: "integer",
  title,
  unit: "个",
  description,
  constraints: { required: true, minimum: 0 },
});
const yuan = (name: string, title: string, description: string): FieldDef => ({
  name,
  type: "integer",
  title,
  unit: "元",
  description,
  constraints: { required: true, minimum: 0 },
});
const share = (name: string, title: string, description: string): FieldDef => ({
  name,
  type: "number",
  title,
  unit: "比例（0—1）",
  description: `${description}无报送村时为空。`,
  constraints: { minimum: 0, maximum: 1 },
});

/** Stored rollup columns, in region_period_stats order. */
export const STATS_FIELDS: readonly FieldDef[] = [
  count("villages", "村委会数", "地区内的村委会数（不含城镇社区）。"),
  count("reporting", "报送村数", "本期报送了报表的村委会数。"),
  yuan("income_total", "收入合计", "报送村当年累计收入之和。"),
  yuan("operating", "经营收入", "报送村经营收入之和。"),
  yuan("contracting", "发包及上交收入", "报送村发包及上交收入之和。"),
  yuan("investment", "投资收益", "报送村投资收益之和。"),
  yuan("subsidy", "补助收入", "报送村补助收入之和。"),
  yuan("other", "其他收入", "报送村其他收入之和。"),
  {
    name: "income_median",
    type: "number",
    title: "收入中位数",
    unit: "元",
    description: "报送村收入的中位数（偶数个时取中间两个的平均）；无报送村时为空。",
  },
  count("band_zero", "空壳村数", "收入为 0 的报送村数。"),
  count("band_lt_5w", "不足5万元村数", "收入大于 0、不足 5 万元的报送村数。"),
  count("band_5w_10w", "5万—10万元村数", "收入 5 万（含）至 10 万元的报送村数。"),
  count("band_10w_30w", "10万—30万元村数", "收入 10 万（含）至 30 万元的报送村数。"),
  count("band_30w_50w", "30万—50万元村数", "收入 30 万（含）至 50 万元的报送村数。"),
  count("band_50w_100w", "50万—100万元村数", "收入 50 万（含）至 100 万元的报送村数。"),
  count("band_ge_100w", "100万元以上村数", "收入 100 万元及以上的报送村数。"),
  count("yoy_matched", "同比可比村数", "本期和上年同期都报送了的村数（同比的匹配样本）。"),
  yuan("yoy_current", "可比村本期收入", "匹配样本在本期的收入合计（同比的分子）。"),
  yuan("yoy_previous", "可比村上年同期收入", "匹配样本在上年同期的收入合计（同比的分母）。"),
];

/** Derived indicators, computed from the stored columns. */
export const INDICATOR_FIELDS: readonly FieldDef[] = [
  share("coverage", "报送率", "报送村数 ÷ 村委会数。"),
  {
    name: "income_mean",
    type: "number",
    title: "村均收入",
    unit: "元",
    description: "收入合计 ÷ 报送村数；无报送村时为空。",
  },
  {
    name: "earned_income",
    type: "integer",
    title: "经营性收入",
    unit: "元",
    description: "收入合计 − 补助收入。",
  },
  share("share_ge_10w", "10万元以上村占比", "收入 ≥ 10 万元的报送村数 ÷ 报送村数。"),
  share("share_ge_30w", "30万元以上村占比", "收入 ≥ 30 万元的报送村数 ÷ 报送村数。"),
  share("share_ge_50w", "50万元以上村占比", "收入 ≥ 50 万元的报送村数 ÷ 报送村数。"),
  share("share_ge_100w", "100万元以上村占比", "收入 ≥ 100 万元的报送村数 ÷ 报送村数。"),
  count("weak_villages", "薄弱村数", "收入不足 5 万元的报送村数（含空壳村）。"),
  share("subsidy_share", "补助收入占比", "补助收入 ÷ 收入合计。"),
  {
    name: "yoy_growth",
    type: "number",
    title: "同比增长",
    unit: "比例",
    description: "可比村本期收入 ÷ 可比村上年同期收入 − 1（匹配样本）；无可比村时为空。",
  },
];

/** The derived fields of one rollup, keyed by field name. */
export function derivedIndicators(rollup: Rollup): Record<string, number | null> {
  const i = indicatorsFromRollup(rollup);
  return Object.fromEntries(
    INDICATOR_FIELDS.map((f) => [f.name, i[f.name as keyof typeof i].value]),
  );
}
