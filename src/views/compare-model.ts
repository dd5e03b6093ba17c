/**
 * Loads everything the comparison page (/compare?codes=…) shows, and what was wrong with
 * the request if anything, in at most two round trips: the regions (all in one query) in
 * parallel with the search's first read, then the search's names.
 */
import { runPlans } from "../db/json-rows.ts";
import type { DatasetMeta } from "../db/meta.ts";
import { searchRegions, type SearchHit } from "../db/search.ts";
import { translator, type Lang } from "../i18n/index.ts";
import {
  compareHref,
  comparisonPeriods,
  latestCommonPeriod,
  MAX_COMPARED,
  parseCompareCodes,
  withoutCode,
  type CompareCodes,
} from "../lib/compare.ts";
import { formatPeriod } from "../lib/format.ts";
import { isPeriod } from "../lib/periods.ts";
import { MAX_QUERY_LENGTH, parseQuery } from "../lib/search-terms.ts";
import {
  comparisonFrom,
  comparisonPlans,
  figuresAt,
  type Comparison,
} from "../services/compare-report.ts";
import {
  compareIncomeChart,
  compareRows,
  type ComparedRegion,
  type CompareRow,
} from "./compare-view.ts";
import type { ChartData } from "./region-charts.ts";

/** Most regions the page's search lists. */
export const COMPARE_SEARCH_LIMIT = 10;

/** A link that mends a list the page cannot show: remove a code, keep the first six… */
export interface Fix {
  label: string;
  href: string;
}

export interface CompareModel {
  status: 200 | 400 | 404;
  /** What is wrong with the request, in the reader's language (none: it is shown). */
  problems: string[];
  fixes: Fix[];
  /** Things said about the list that are not wrong (a code given twice). */
  notes: string[];
  /** The list the page's forms and links carry on. */
  codes: string[];
  /** The period the reader chose, if any (carried into links). */
  requested: string | undefined;
  regions: ComparedRegion[];
  period: string | null;
  periods: string[];
  rows: CompareRow[];
  chart: ChartData | null;
  search: { raw: string; tooLong: boolean; hits: SearchHit[] };
  meta: DatasetMeta;
}

/** The search of the page's "add" form (?q=), as /search reads it. */
function searchOf(db: D1Database, url: URL) {
  const raw = (url.searchParams.get("q") ?? "").trim();
  const tooLong = [...raw].length > MAX_QUERY_LENGTH;
  const query = raw && !tooLong ? parseQuery(raw) : null;
  const hits = query ? searchRegions(db, query, COMPARE_SEARCH_LIMIT) : Promise.resolve([]);
  return { raw, tooLong, hits };
}

/** What is wrong with the list before anything is read: 400s, with the links that mend it. */
function listProblems(asked: CompareCodes, lang: Lang): { problems: string[]; fixes: Fix[] } {
  const t = translator(lang);
  const problems: string[] = [];
  const fixes: Fix[] = [];
  if (asked.invalid.length) {
    problems.push(t("compare.invalid", { codes: asked.invalid.join(t("common.listSeparator")) }));
    fixes.push({ label: t("compare.fix.removeInvalid"), href: compareHref(lang, asked.codes) });
  }
  if (asked.codes.length > MAX_COMPARED) {
    problems.push(t("compare.tooMany", { max: MAX_COMPARED, n: asked.codes.length }));
    fixes.push({
      label: t("compare.fix.keepFirst", { max: MAX_COMPARED }),
      href: compareHref(lang, asked.codes.slice(0, MAX_COMPARED)),
    });
    for (const code of asked.codes) {
      fixes.push({
        label: t("compare.fix.remove", { code }),
        href: compareHref(lang, withoutCode(asked.codes, code)),
      });
    }
  }
  return { problems, fixes };
}

export async function loadCompareModel(
  db: D1Database,
  url: URL,
  lang: Lang,
): Promise<CompareModel> {
  const t = translator(lang);
  const asked = parseCompareCodes(url.searchParams.getAll("codes"));
  const requested = url.searchParams.get("period") || undefined;
  const { problems, fixes } = listProblems(asked, lang);
  if (requested !== undefined && !isPeriod(requested)) {
    problems.push(t("region.badPeriod", { period: requested }));
    fixes.push({ label: t("compare.fix.latest"), href: compareHref(lang, asked.codes) });
  }
  const search = searchOf(db, url);
  // A list that cannot be shown reads only the data facts (for the sample-data notice).
  const codes = problems.length ? [] : asked.codes;
  const [read, hits] = await Promise.all([runPlans(db, comparisonPlans(codes)), search.hits]);
  const comparison = comparisonFrom(codes, read);
  const model: CompareModel = {
    status: problems.length ? 400 : 200,
    problems,
    fixes,
    notes: asked.duplicates.length
      ? [t("compare.duplicates", { codes: asked.duplicates.join(t("common.listSeparator")) })]
      : [],
    codes: asked.codes,
    requested,
    regions: [],
    period: null,
    periods: [],
    rows: [],
    chart: null,
    search: { raw: search.raw, tooLong: search.tooLong, hits },
    meta: comparison.meta,
  };
  // Nothing asked for: the empty page, which says how to add regions.
  if (problems.length || codes.length === 0) return model;
  return { ...model, ...shown(comparison, asked.codes, requested, lang) };
}

/** The regions at their period, or why they cannot be shown (a 404 with its mends). */
function shown(
  comparison: Comparison,
  asked: string[],
  requested: string | undefined,
  lang: Lang,
): Partial<CompareModel> {
  const t = translator(lang);
  const { regions, unknown } = comparison;
  const known = regions.map((r) => r.region.code);
  if (unknown.length) {
    return {
      status: 404,
      problems: [t("compare.unknown", { codes: unknown.join(t("common.listSeparator")) })],
      fixes: unknown.map((code) => ({
        label: t("compare.fix.remove", { code }),
        href: compareHref(lang, withoutCode(asked, code)),
      })),
      codes: known,
    };
  }
  const periods = comparisonPeriods(regions);
  if (requested && !periods.includes(requested)) {
    const range = periods.length
      ? t("compare.periodRange", {
          first: formatPeriod(periods[0] as string, lang),
          last: formatPeriod(periods.at(-1) as string, lang),
        })
      : t("compare.noPeriods");
    return {
      status: 404,
      problems: [t("compare.noPeriod", { period: formatPeriod(requested, lang), range })],
      fixes: [{ label: t("compare.fix.latest"), href: compareHref(lang, known) }],
    };
  }
  const period = requested ?? latestCommonPeriod(regions);
  const compared = regions.map((data) => ({
    data,
    figures: period ? figuresAt(data, period) : null,
  }));
  return {
    regions: compared,
    period,
    periods,
    rows: period ? compareRows(compared, lang) : [],
    chart: period ? compareIncomeChart(regions, period, lang) : null,
  };
}
