/** Chinese names of levels, indicators, bands and sources, shared by every page. */
import type { Level } from "./codes.ts";
import type { BandKey, IndicatorKey, Source } from "./indicators.ts";

export const LEVEL_NAMES: Record<Level, string> = {
  province: "省级",
  city: "市级",
  county: "县级",
  township: "乡镇级",
  village: "村级",
};

/** What a region's children are called, by the region's level. */
export const CHILD_NAMES: Record<Level, string> = {
  province: "市",
  city: "县（市、区）",
  county: "乡镇（街道）",
  township: "村（社区）",
  village: "",
};

export const INDICATOR_NAMES: Record<IndicatorKey, string> = {
  villages: "村委会数",
  reporting: "报送村数",
  coverage: "报送率",
  income_total: "集体经济收入合计",
  income_median: "村均收入中位数",
  income_mean: "村均收入",
  earned_income: "经营性收入",
  share_ge_10w: "收入10万元以上村占比",
  share_ge_30w: "收入30万元以上村占比",
  share_ge_50w: "收入50万元以上村占比",
  share_ge_100w: "收入100万元以上村占比",
  weak_villages: "薄弱村（不足5万元）",
  subsidy_share: "补助收入占比",
  yoy_growth: "同比增长",
};

export const BAND_NAMES: Record<BandKey, string> = {
  zero: "0（空壳村）",
  lt_5w: "不足5万元（薄弱村）",
  "5w_10w": "5万—10万元",
  "10w_30w": "10万—30万元",
  "30w_50w": "30万—50万元",
  "50w_100w": "50万—100万元",
  ge_100w: "100万元以上",
};

export const SOURCE_NAMES: Record<Source, string> = {
  operating: "经营收入",
  contracting: "发包及上交收入",
  investment: "投资收益",
  subsidy: "补助收入",
  other: "其他收入",
};
