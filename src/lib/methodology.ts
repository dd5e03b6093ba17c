/**
 * How each published indicator is computed, in both languages, for the methodology page.
 * Names come from labels.ts and chart definitions from definitions.ts; this adds the
 * formula (numerator ÷ denominator) of every indicator of DESIGN.md.
 */
import type { Lang } from "./i18n.ts";
import type { IndicatorKey } from "./indicators.ts";

export interface IndicatorMethod {
  /** How the value is computed, in words. */
  formula: string;
  unit: string;
}

type Methods = Record<IndicatorKey, Record<Lang, IndicatorMethod>>;

const yuanZh = "元（页面以万元、亿元显示）";
const yuanEn = "yuan (shown in thousands and millions)";
const shareZh = (w: string) => ({
  formula: `当期累计收入达到${w}元及以上的报送村数 ÷ 报送村数。恰好等于${w}元的村计入。`,
  unit: "%",
});
const shareEn = (w: string) => ({
  formula: `Reporting villages with year-to-date income of ${w} or more ÷ reporting villages. A village at exactly ${w} counts.`,
  unit: "%",
});

export const INDICATOR_METHODS: Methods = {
  villages: {
    zh: { formula: "地区内村委会的个数（区划代码末三位200—399），不含城镇社区。", unit: "个" },
    en: {
      formula:
        "Village committees in the region (division-code suffix 200–399); urban communities are not counted.",
      unit: "villages",
    },
  },
  reporting: {
    zh: { formula: "当月报送了收入报表的村委会数；分母为村委会数。", unit: "个" },
    en: {
      formula: "Village committees that filed a return for the month, out of all villages.",
      unit: "villages",
    },
  },
  coverage: {
    zh: { formula: "报送村数 ÷ 村委会数。", unit: "%" },
    en: { formula: "Villages reporting ÷ village committees.", unit: "%" },
  },
  income_total: {
    zh: { formula: "报送村当年累计总收入之和；未报送的村不计入。", unit: yuanZh },
    en: {
      formula: "Sum of the year-to-date totals of the reporting villages; others are left out.",
      unit: yuanEn,
    },
  },
  income_median: {
    zh: {
      formula: "把报送村的累计总收入从小到大排列后居中的数；村数为偶数时取中间两个数的平均。",
      unit: yuanZh,
    },
    en: {
      formula:
        "The middle of the reporting villages' year-to-date totals in order; the mean of the two middle values when their number is even.",
      unit: yuanEn,
    },
  },
  income_mean: {
    zh: { formula: "集体经济收入合计 ÷ 报送村数。", unit: yuanZh },
    en: { formula: "Collective income, total ÷ villages reporting.", unit: yuanEn },
  },
  earned_income: {
    zh: {
      formula: "集体经济收入合计 − 补助收入合计，与总收入并列显示，补助不能冒充村集体挣的收入。",
      unit: yuanZh,
    },
    en: {
      formula:
        "Collective income, total − subsidies; shown beside the total so that subsidies cannot pass for earned income.",
      unit: yuanEn,
    },
  },
  share_ge_10w: { zh: shareZh("10万"), en: shareEn("¥100,000") },
  share_ge_30w: { zh: shareZh("30万"), en: shareEn("¥300,000") },
  share_ge_50w: { zh: shareZh("50万"), en: shareEn("¥500,000") },
  share_ge_100w: { zh: shareZh("100万"), en: shareEn("¥1,000,000") },
  weak_villages: {
    zh: {
      formula: "当期累计收入不足5万元的报送村数（含收入为0的空壳村）；分母为报送村数。",
      unit: "个",
    },
    en: {
      formula:
        "Reporting villages with year-to-date income under ¥50,000, shell villages with none included; out of villages reporting.",
      unit: "villages",
    },
  },
  subsidy_share: {
    zh: { formula: "补助收入合计 ÷ 集体经济收入合计。", unit: "%" },
    en: { formula: "Subsidies ÷ collective income, total.", unit: "%" },
  },
  yoy_growth: {
    zh: {
      formula:
        "只比较当期和上年同期都报送了的村（匹配样本）：这些村本期累计收入之和 ÷ 它们上年同期累计收入之和 − 1。",
      unit: "%",
    },
    en: {
      formula:
        "Over the villages that reported both in the period and twelve months earlier (a matched sample): their total now ÷ their total a year earlier − 1.",
      unit: "%",
    },
  },
};
