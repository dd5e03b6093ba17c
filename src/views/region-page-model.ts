/**
 * Loads everything a region page shows, and what was wrong with the request if anything.
 * Called from the page files (not a component) so that they can set the HTTP status
 * before the page starts streaming.
 */
import { CODE_PATTERN } from "../lib/codes.ts";
import { NotFoundError } from "../lib/errors.ts";
import type { Lang } from "../lib/i18n.ts";
import { isPeriod } from "../lib/periods.ts";
import {
  type ChildRow,
  figuresFor,
  loadChildren,
  loadRegionData,
  type PeriodFigures,
  type RegionData,
  resolvePeriod,
} from "../services/region-report.ts";
import { type ChartData, regionCharts } from "./region-charts.ts";
import { parsePageParam } from "../lib/activity.ts";
import { RANKING_INDICATORS, type RankingIndicator } from "../lib/rankings.ts";
import { findActivity } from "../db/activity.ts";
import { activityContext, firstOffset } from "../services/activity-context.ts";
import { loadProblemsReport, type ProblemsReport } from "../services/problems-report.ts";
import { loadProjectsReport, type ProjectsReport } from "../services/projects-report.ts";
import { loadSiblingRanking, type Ranking } from "../services/rankings.ts";
import { loadTargetsReport, UNITS_LISTED, type TargetsReport } from "../services/targets-report.ts";
import type { Region } from "../db/regions.ts";

/** Items per page of the projects, problems and targets lists: short enough for a phone. */
const ACTIVITY_PER_PAGE = 10;

/** The projects, problems and targets of the region's subtree, a page of each list. */
export interface ActivityModel {
  projects: ProjectsReport;
  problems: ProblemsReport;
  targets: TargetsReport;
  /** Which page parameters were not a page number (the first page is shown). */
  invalid: { projects: string | null; problems: string | null; targets: string | null };
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
  const en = lang === "en";
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
    return fail(
      400,
      en
        ? `“${code}” is not a statistical division code: codes have 2, 4, 6, 9 or 12 digits, e.g. 450422.`
        : `“${code}”不是有效的统计用区划代码：区划代码是2、4、6、9或12位数字，例如 450422。`,
    );
  }
  if (requested !== undefined && !isPeriod(requested)) {
    return fail(
      400,
      en
        ? `The period “${requested}” is not a month written YYYY-MM, e.g. 2026-10.`
        : `统计期“${requested}”的格式不对：请写成“年-月”，例如 2026-10。`,
    );
  }
  try {
    const data = await loadRegionData(db, code);
    const period = resolvePeriod(data, requested);
    const figures = period ? figuresFor(data, period) : null;
    // Everything else the page shows depends only on the region and the period: one wave.
    const [children, activity, ranking] = await Promise.all([
      figures ? loadChildren(db, data.region, figures.period) : [],
      loadActivity(db, data, url),
      figures ? loadRanking(db, data, figures.period, url) : null,
    ]);
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
    return fail(404, en ? e.message : e.detailZh);
  }
}

/** The activity lists of the region, a page of each as the query string asks. */
async function loadActivity(db: D1Database, data: RegionData, url: URL): Promise<ActivityModel> {
  const params = url.searchParams;
  const pages = {
    projects: parsePageParam(params.get("projects_page")),
    problems: parsePageParam(params.get("problems_page")),
    targets: parsePageParam(params.get("targets_page")),
  };
  const request = (key: keyof typeof pages) => ({
    page: pages[key].page,
    perPage: ACTIVITY_PER_PAGE,
    clamp: true,
  });
  // Region and data facts are read once, for the page, not once per list; the three lists,
  // each with its summary and the page asked for, in one statement.
  const context = activityContext(data.region, data.meta);
  const code = data.region.code;
  const at = (key: keyof typeof pages) => ({
    limit: ACTIVITY_PER_PAGE,
    offset: firstOffset(request(key)),
  });
  const rows = await findActivity(db, code, context.data_date, UNITS_LISTED, {
    projects: at("projects"),
    problems: at("problems"),
    targets: at("targets"),
  });
  const [projects, problems, targets] = await Promise.all([
    loadProjectsReport(db, code, request("projects"), context, {
      summary: rows.projects.groups,
      page: rows.projects.page,
    }),
    loadProblemsReport(db, code, request("problems"), context, rows.problems),
    loadTargetsReport(db, code, request("targets"), context, rows.targets),
  ]);
  return {
    projects,
    problems,
    targets,
    invalid: {
      projects: pages.projects.invalid,
      problems: pages.problems.invalid,
      targets: pages.targets.invalid,
    },
  };
}

/** The league table among the region's siblings (none for villages), on ?rank=. */
async function loadRanking(
  db: D1Database,
  data: RegionData,
  period: string,
  url: URL,
): Promise<RankingModel> {
  const chosen = url.searchParams.get("rank");
  const indicator: RankingIndicator = RANKING_INDICATORS.includes(chosen as RankingIndicator)
    ? (chosen as RankingIndicator)
    : "share_ge_10w";
  const parentRef = data.parents.at(-1);
  const parent: Region | null = parentRef
    ? { ...parentRef, parent_code: data.parents.at(-2)?.code ?? null }
    : null;
  try {
    const ranking = await loadSiblingRanking(db, data.region, indicator, period, {
      meta: data.meta,
      parent,
    });
    return { indicator, ranking };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return { indicator, ranking: null };
  }
}
