/** How league tables write their values, and name their indicators, marks and levels. */
import { translator, type Lang } from "../../i18n/index.ts";
import {
  formatGrowth,
  formatMoney,
  formatMoneyChange,
  formatPercent,
  formatPointChange,
} from "../../lib/format.ts";
import { RANKING_KIND, type Mark, type RankingIndicator } from "../../lib/rankings.ts";
import type { RankingLevel } from "../../services/rankings.ts";

/** The name of a ranking indicator. */
export function indicatorName(indicator: RankingIndicator, lang: Lang): string {
  const t = translator(lang);
  return indicator === "weak_share" ? t("rankings.weakShare") : t(`indicator.${indicator}`);
}

/** A ranked value as a reader sees it. */
export function formatRankingValue(
  indicator: RankingIndicator,
  value: number | null,
  lang: Lang,
): string {
  const kind = RANKING_KIND[indicator];
  if (kind === "money") return formatMoney(value, lang);
  if (kind === "growth") return formatGrowth(value, lang);
  return formatPercent(value, lang);
}

/** The change of a ranked value since the previous period. */
export function formatRankingChange(
  indicator: RankingIndicator,
  change: number | null,
  lang: Lang,
): string {
  return RANKING_KIND[indicator] === "money"
    ? formatMoneyChange(change, lang)
    : formatPointChange(change, lang);
}

export function markName(mark: Mark | null, lang: Lang): string {
  return mark ? translator(lang)(`rankings.mark.${mark}`) : "";
}

export function levelName(level: RankingLevel, lang: Lang): string {
  return translator(lang)(`rankings.levels.${level}`);
}

/** "3 counties", "1 county" in English; the count and the level's name in Chinese (“3个县”). */
export function countOfLevel(n: number, level: RankingLevel, lang: Lang): string {
  return translator(lang)(`rankings.count.${level}`, { n });
}
