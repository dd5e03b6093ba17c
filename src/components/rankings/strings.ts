/** The league tables' words in both languages, and how their values are written. */
import {
  formatCount,
  formatCountOf,
  formatGrowth,
  formatMoney,
  formatMoneyChange,
  formatPercent,
  formatPointChange,
} from "../../lib/format.ts";
import type { Lang } from "../../lib/i18n.ts";
import { LABELS } from "../../lib/labels.ts";
import { RANKING_KIND, type Mark, type RankingIndicator } from "../../lib/rankings.ts";
import type { RankingLevel } from "../../services/rankings.ts";

export const RANKING_TEXT = {
  zh: {
    title: "比武榜",
    lede: "同级地区按一项指标逐月排名：前20%为擂主，后10%列入约谈。排名只用已报送村的数据；没有报送的地区不参加排名。",
    level: "排名层级",
    indicator: "排名指标",
    period: "统计期",
    within: "范围",
    nationwide: "全部地区",
    show: "查看排名",
    rank: "名次",
    name: "地区",
    value: "数值",
    basis: "分子 / 分母",
    previous: "上期名次",
    change: "较上期",
    rankChange: "名次变化",
    mark: "标记",
    champion: "擂主",
    calledIn: "约谈",
    noData: "未报送",
    higher: "数值越高排名越前",
    lower: "数值越低排名越前",
    sectionTitle: "同级比武榜",
    choose: "换一个指标",
    levels: { province: "省", city: "市", county: "县（市、区）", township: "乡镇（街道）" },
  },
  en: {
    title: "League tables",
    lede: "Regions of the same level ranked each month on one indicator: the top 20% are champions, the bottom 10% are called in for a talk. Only villages that reported count; regions with no returns are not ranked.",
    level: "Level",
    indicator: "Indicator",
    period: "Period",
    within: "Within",
    nationwide: "All regions",
    show: "Show table",
    rank: "Rank",
    name: "Region",
    value: "Value",
    basis: "Numerator / denominator",
    previous: "Previous rank",
    change: "Change",
    rankChange: "Rank change",
    mark: "Mark",
    champion: "Champion",
    calledIn: "Called in",
    noData: "No returns",
    higher: "higher ranks first",
    lower: "lower ranks first",
    sectionTitle: "League table among its peers",
    choose: "Rank on another indicator",
    levels: { province: "provinces", city: "cities", county: "counties", township: "townships" },
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** The name of a ranking indicator. */
export function indicatorName(indicator: RankingIndicator, lang: Lang): string {
  if (indicator === "weak_share") {
    return lang === "en" ? "Share of weak villages (< ¥50k)" : "薄弱村（不足5万元）占比";
  }
  return LABELS[lang].indicators[indicator];
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
  if (!mark) return "";
  return mark === "champion" ? RANKING_TEXT[lang].champion : RANKING_TEXT[lang].calledIn;
}

export function levelName(level: RankingLevel, lang: Lang): string {
  return RANKING_TEXT[lang].levels[level];
}

const ONE_EN: Record<RankingLevel, string> = {
  province: "province",
  city: "city",
  county: "county",
  township: "township",
};

/** "3 counties", "1 county" in English; the count and the level's name in Chinese (“3个县”). */
export function countOfLevel(n: number, level: RankingLevel, lang: Lang): string {
  return lang === "en"
    ? formatCountOf(n, ONE_EN[level], levelName(level, lang))
    : `${formatCount(n)}个${levelName(level, lang)}`;
}
