/**
 * How each published indicator is computed, for the methodology page: the unit each is
 * given in. The formulas (numerator ÷ denominator, in words) and the units' names are the
 * dictionaries' (src/i18n/zh/methodology.ts and en/methodology.ts, keys
 * `methodology.formula.<indicator>` and `methodology.unit.<unit>`).
 */
import type { IndicatorKey } from "./indicators.ts";

export type MethodUnit = "yuan" | "villages" | "percent";

/** The unit of every indicator of DESIGN.md. */
export const INDICATOR_UNITS: Record<IndicatorKey, MethodUnit> = {
  villages: "villages",
  reporting: "villages",
  coverage: "percent",
  income_total: "yuan",
  income_median: "yuan",
  income_mean: "yuan",
  earned_income: "yuan",
  share_ge_10w: "percent",
  share_ge_30w: "percent",
  share_ge_50w: "percent",
  share_ge_100w: "percent",
  weak_villages: "villages",
  subsidy_share: "percent",
  yoy_growth: "percent",
  reported_on_time: "percent",
};
