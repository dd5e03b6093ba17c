/**
 * What the /rankings page shows, read from its query (?level, indicator, period, within).
 * Loaded by the page file so that it can set the status (400 for a request it refuses)
 * before anything is rendered.
 */
import type { DatasetMeta } from "../db/meta.ts";
import { datasetMetaPlan } from "../db/meta.ts";
import { runPlans } from "../db/json-rows.ts";
import { findRegion, provincesAndCitiesPlan, type Region } from "../db/regions.ts";
import { CODE_PATTERN } from "../lib/codes.ts";
import { NotFoundError } from "../lib/errors.ts";
import { translator, type Lang } from "../i18n/index.ts";
import { isPeriod, periodRange } from "../lib/periods.ts";
import { RANKING_INDICATORS, type RankingIndicator } from "../lib/rankings.ts";
import {
  loadRanking,
  RANKING_LEVELS,
  RankingRequestError,
  type Ranking,
  type RankingLevel,
} from "../services/rankings.ts";

export interface RankingsModel {
  status: number;
  level: RankingLevel;
  indicator: RankingIndicator;
  periodParam: string | undefined;
  withinParam: string | undefined;
  meta: DatasetMeta;
  /** Months with data, newest first. */
  periods: string[];
  /** Areas to rank within: provinces, their cities, and the one asked for if not among them. */
  areas: Region[];
  ranking: Ranking | null;
  error: string | null;
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export async function loadRankingsModel(
  db: D1Database,
  url: URL,
  lang: Lang,
): Promise<RankingsModel> {
  const t = translator(lang);
  const params = url.searchParams;
  const level = pick(params.get("level"), RANKING_LEVELS, "county");
  const indicator = pick(params.get("indicator"), RANKING_INDICATORS, "share_ge_10w");
  const periodParam = params.get("period") || undefined;
  const withinParam = params.get("within") || undefined;
  // The data facts and the areas to rank within: one statement.
  const { meta, areas } = await runPlans(db, {
    meta: datasetMetaPlan(),
    areas: provincesAndCitiesPlan(),
  });
  const periods =
    meta.firstPeriod && meta.latestPeriod
      ? periodRange(meta.firstPeriod, meta.latestPeriod).reverse()
      : [];

  let ranking: Ranking | null = null;
  let error: string | null = null;
  if (periodParam && !isPeriod(periodParam)) {
    error = t("rankings.badPeriod", { period: periodParam });
  } else if (withinParam && !CODE_PATTERN.test(withinParam)) {
    error = t("rankings.badWithin", { within: withinParam });
  } else {
    try {
      ranking = await loadRanking(db, {
        level,
        indicator,
        period: periodParam,
        within: withinParam,
      });
    } catch (e) {
      if (!(e instanceof NotFoundError || e instanceof RankingRequestError)) throw e;
      error = t.detail(e);
    }
  }
  // A county reached from its page's "all league tables" link: offer it in the list too.
  if (withinParam && !areas.some((a) => a.code === withinParam)) {
    const asked = CODE_PATTERN.test(withinParam) ? await findRegion(db, withinParam) : null;
    if (asked) areas.push(asked);
  }
  return {
    status: error ? 400 : 200,
    level,
    indicator,
    periodParam,
    withinParam,
    meta,
    periods,
    areas,
    ranking,
    error,
  };
}
