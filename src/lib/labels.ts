/** Names of levels, indicators, bands and sources in each language, shared by every page. */
import type { Level } from "./codes.ts";
import type { Lang } from "./i18n.ts";
import type { BandKey, IndicatorKey, Source } from "./indicators.ts";

interface Labels {
  levels: Record<Level, string>;
  /** What a region's children are called, by the region's level. */
  children: Record<Level, string>;
  /** The same for one child (English counts: "1 township", "3 townships"). */
  child: Record<Level, string>;
  indicators: Record<IndicatorKey, string>;
  bands: Record<BandKey, string>;
  sources: Record<Source, string>;
}

const zh: Labels = {
  levels: { province: "省级", city: "市级", county: "县级", township: "乡镇级", village: "村级" },
  children: {
    province: "市",
    city: "县（市、区）",
    county: "乡镇（街道）",
    township: "村（社区）",
    village: "",
  },
  child: {
    province: "市",
    city: "县（市、区）",
    county: "乡镇（街道）",
    township: "村（社区）",
    village: "",
  },
  indicators: {
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
  },
  bands: {
    zero: "0（空壳村）",
    lt_5w: "不足5万元（薄弱村）",
    "5w_10w": "5万—10万元",
    "10w_30w": "10万—30万元",
    "30w_50w": "30万—50万元",
    "50w_100w": "50万—100万元",
    ge_100w: "100万元以上",
  },
  sources: {
    operating: "经营收入",
    contracting: "发包及上交收入",
    investment: "投资收益",
    subsidy: "补助收入",
    other: "其他收入",
  },
};

const en: Labels = {
  levels: {
    province: "Province",
    city: "City",
    county: "County",
    township: "Township",
    village: "Village",
  },
  children: {
    province: "cities",
    city: "counties",
    county: "townships",
    township: "villages and communities",
    village: "",
  },
  child: {
    province: "city",
    city: "county",
    county: "township",
    township: "village or community",
    village: "",
  },
  indicators: {
    villages: "Village committees",
    reporting: "Villages reporting",
    coverage: "Coverage",
    income_total: "Collective income, total",
    income_median: "Median income per village",
    income_mean: "Mean income per village",
    earned_income: "Income excluding subsidies",
    share_ge_10w: "Villages with ¥100k or more",
    share_ge_30w: "Villages with ¥300k or more",
    share_ge_50w: "Villages with ¥500k or more",
    share_ge_100w: "Villages with ¥1m or more",
    weak_villages: "Weak villages (under ¥50k)",
    subsidy_share: "Subsidies as share of income",
    yoy_growth: "Growth on a year earlier",
  },
  bands: {
    zero: "Nil (shell villages)",
    lt_5w: "Under ¥50k (weak)",
    "5w_10w": "¥50k–100k",
    "10w_30w": "¥100k–300k",
    "30w_50w": "¥300k–500k",
    "50w_100w": "¥500k–1m",
    ge_100w: "¥1m or more",
  },
  sources: {
    operating: "Operating income",
    contracting: "Contracting and remittances",
    investment: "Investment income",
    subsidy: "Subsidies",
    other: "Other income",
  },
};

export const LABELS: Record<Lang, Labels> = { zh, en };
