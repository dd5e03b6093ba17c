/**
 * Loads everything a region page shows, and what was wrong with the request if anything.
 * Called from the page files (not a component) so that they can set the HTTP status
 * before the page starts streaming.
 */
import { ancestorCodes, CODE_PATTERN, levelOfCode, parentCode } from "../lib/codes.ts";
import { NotFoundError } from "../lib/errors.ts";
import { translator, type Lang } from "../i18n/index.ts";
import { isPeriod } from "../lib/periods.ts";
import {
  type ChildRow,
  childrenPlan,
  figuresFor,
  type PeriodFigures,
  type RegionData,
  regionDataFrom,
  regionDataPlans,
  resolvePeriod,
} from "../services/region-report.ts";
import { type ChartData, regionCharts } from "./region-charts.ts";
import { RANKING_INDICATORS, type RankingIndicator } from "../lib/rankings.ts";
import { activitySummaryPlans } from "../db/activity.ts";
import { runPlansThen, type Plan } from "../db/json-rows.ts";
import type { DatasetMeta } from "../db/meta.ts";
import type { ProblemSummaryRows } from "../db/problems.ts";
import type { ProjectGroup } from "../db/projects.ts";
import type { TargetSummaryRows } from "../db/targets.ts";
import { activityContext, type ActivityContext } from "../services/activity-context.ts";
import { loadProblemsReport, type ProblemsReport } from "../services/problems-report.ts";
import { loadProjectsReport, type ProjectsReport } from "../services/projects-report.ts";
import { siblingRankingPlan, type Ranking } from "../services/rankings.ts";
import { loadTargetsReport, type TargetsReport } from "../services/targets-report.ts";
import type { Region } from "../db/regions.ts";

/** The summaries of the projects, problems and targets of the region's subtree (no items). */
export interface ActivityModel {
  projects: ProjectsReport;
  problems: ProblemsReport;
  targets: TargetsReport;
}

/** The league table of the region among its siblings, on the indicator the reader chose. */
export interface RankingModel {
  indicator: RankingIndicator;
  ranking: Ranking | null;
}

export interface RegionPageModel {
  status: number;
  problem: string | null;
  data: RegionData | null;
  figures: PeriodFigures | null;
  children: ChildRow[];
  charts: ChartData[];
  /** The period the reader asked for, if any (carried into links). */
  requested: string | undefined;
  activity: ActivityModel | null;
  ranking: RankingModel | null;
}

export async function loadRegionPageModel(
  db: D1Database,
  code: string,
  url: URL,
  lang: Lang,
): Promise<RegionPageModel> {
  const t = translator(lang);
  const requested = url.searchParams.get("period") ?? undefined;
  const fail = (status: number, problem: string): RegionPageModel => ({
    status,
    problem,
    data: null,
    figures: null,
    children: [],
    charts: [],
    requested,
    activity: null,
    ranking: null,
  });
  if (!CODE_PATTERN.test(code)) {
    return fail(400, t("region.badCode", { code }));
  }
  if (requested !== undefined && !isPeriod(requested)) {
    return fail(400, t("region.badPeriod", { period: requested }));
  }
  try {
    // One statement for the whole page: the region's own reads, and with them what the
    // rest of the page reads, guessed from the code and the data facts last seen here (a
    // wrong guess costs a second statement, never a wrong figure: runPlansThen).
    const guess = lastMeta && guessedData(code, lastMeta);
    const { value, read } = await runPlansThen(
      db,
      regionDataPlans(code),
      (first) => {
        const data = regionDataFrom(code, first);
        const period = resolvePeriod(data, requested);
        const figures = period ? figuresFor(data, period) : null;
        return { value: { data, figures }, plans: pagePlans(data, period, url) };
      },
      guess && pagePlans(guess, resolvePeriod(guess, requested), url),
    );
    const { data, figures } = value;
    lastMeta = data.meta;
    const children = read.children ?? [];
    const ranking = figures ? { indicator: rankingIndicator(url), ranking: read.ranking } : null;
    const context = activityContext(data.region, data.meta);
    const activity = await activityOf(db, context, read);
    const charts = figures ? regionCharts(data, figures, lang) : [];
    return {
      status: 200,
      problem: null,
      data,
      figures,
      children,
      charts,
      requested,
      activity,
      ranking,
    };
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    return fail(404, t.detail(e));
  }
}

/** The reports of the region's projects, problems and targets, from their summaries. */
async function activityOf(
  db: D1Database,
  context: ActivityContext,
  read: {
    project_groups: ProjectGroup[];
    problem_summary: ProblemSummaryRows;
    target_summary: TargetSummaryRows;
  },
): Promise<ActivityModel> {
  const code = context.region.code;
  // Only the summaries: the lists are pages of their own (activity-list-model.ts).
  const first = { page: 1, perPage: 1, clamp: true };
  const [projects, problems, targets] = await Promise.all([
    loadProjectsReport(db, code, first, context, { summary: read.project_groups, page: [] }),
    loadProblemsReport(db, code, first, context, {
      summary: read.problem_summary,
      page: { rows: [], events: [] },
    }),
    loadTargetsReport(db, code, first, context, { summary: read.target_summary, page: [] }),
  ]);
  return { projects, problems, targets };
}

/** The data facts of the last region page read in this isolate: the base of the guess. */
let lastMeta: DatasetMeta | null = null;

/**
 * What a region page reads besides the region's own data: its children, its league table
 * and the summaries of its projects, problems and targets, for one period (none: no
 * children, no league).
 */
function pagePlans(data: RegionData, period: string | null, url: URL) {
  const context = activityContext(data.region, data.meta);
  return {
    children: period ? childrenPlan(data.region, period) : null,
    ranking: period ? rankingPlan(data, period, url) : null,
    ...activitySummaryPlans(data.region.code, context.data_date),
  };
}

/**
 * A region's data as far as the code and the data facts tell it, before it is read: its
 * level and ancestors from the code, its latest period from the data set's. Names are
 * unknown; only the reads built from it are used (runPlansThen).
 */
function guessedData(code: string, meta: DatasetMeta): RegionData {
  const ref = (c: string): Region => ({
    code: c,
    name: "",
    level: levelOfCode(c) ?? "province",
    parent_code: parentCode(c),
    kind: "area",
  });
  return {
    region: ref(code),
    parents: ancestorCodes(code).map(ref),
    rollups: new Map(),
    latestPeriod: meta.latestPeriod,
    meta,
    returns: null,
  };
}

/** The indicator the league table ranks by (?rank=, else the share at 10万元 or more). */
function rankingIndicator(url: URL): RankingIndicator {
  const chosen = url.searchParams.get("rank");
  return RANKING_INDICATORS.includes(chosen as RankingIndicator)
    ? (chosen as RankingIndicator)
    : "share_ge_10w";
}

/**
 * The league table among the region's siblings on ?rank=, as a plan: none for villages,
 * and none (an empty section) when the period has no league.
 */
function rankingPlan(data: RegionData, period: string, url: URL): Plan<Ranking> | null {
  const parentRef = data.parents.at(-1);
  const parent: Region | null = parentRef
    ? { ...parentRef, parent_code: data.parents.at(-2)?.code ?? null }
    : null;
  try {
    return siblingRankingPlan(data.region, rankingIndicator(url), period, {
      meta: data.meta,
      parent,
    });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return null;
  }
}
