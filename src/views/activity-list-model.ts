/**
 * Loads a list page of a region: its projects, problems or targets (/r/{code}/projects,
 * /problems, /targets), a page at a time, with the summary above the list. Two round
 * trips: the region with its ancestors and the data facts, then the report (the same
 * service as /api/v1/regions/{code}/projects and the others).
 */
import { runPlans } from "../db/json-rows.ts";
import { datasetMetaPlan } from "../db/meta.ts";
import { regionLineagePlan } from "../db/regions.ts";
import { parsePageParam } from "../lib/activity.ts";
import { CODE_PATTERN } from "../lib/codes.ts";
import { regionNotFound } from "../lib/errors.ts";
import { localePath, translator, type Lang } from "../i18n/index.ts";
import { activityContext, type PageRequest } from "../services/activity-context.ts";
import { loadProblemsReport, type ProblemsReport } from "../services/problems-report.ts";
import { loadProjectsReport, type ProjectsReport } from "../services/projects-report.ts";
import { toRef, type RegionRef } from "../services/region-report.ts";
import { loadTargetsReport, type TargetsReport } from "../services/targets-report.ts";

/** The lists a region has, each a page of its own. */
export const ACTIVITY_LISTS = ["projects", "problems", "targets"] as const;
export type ActivityList = (typeof ACTIVITY_LISTS)[number];

/** Items per page: short enough for a phone, long enough to read through. */
export const LIST_PER_PAGE = 20;

export type ListReport =
  | { list: "projects"; report: ProjectsReport }
  | { list: "problems"; report: ProblemsReport }
  | { list: "targets"; report: TargetsReport };

export interface ActivityListModel {
  status: number;
  problem: string | null;
  region: RegionRef | null;
  parents: RegionRef[];
  sampleData: boolean;
  sourceNote: string | null;
  shown: ListReport | null;
  /** The page parameter when it was not a page number (the first page is shown). */
  invalidPage: string | null;
}

export function isActivityList(value: string | undefined): value is ActivityList {
  return ACTIVITY_LISTS.includes(value as ActivityList);
}

/** The address of a region's list page, in the reader's language. */
export function listPath(lang: Lang, code: string, list: ActivityList): string {
  return localePath(lang, `/r/${code}/${list}`);
}

/**
 * Where an old region-page link to a list page (`?projects_page=2`, before the lists had
 * pages of their own) now leads, or null when the URL has no such parameter.
 */
export function movedListHref(url: URL, lang: Lang, code: string): string | null {
  for (const list of ACTIVITY_LISTS) {
    const page = url.searchParams.get(`${list}_page`);
    if (page === null) continue;
    return `${listPath(lang, code, list)}${page === "1" ? "" : `?page=${encodeURIComponent(page)}`}`;
  }
  return null;
}

export async function loadActivityListModel(
  db: D1Database,
  code: string,
  /** The URL's list segment: projects, problems or targets; anything else is a 404. */
  list: string,
  url: URL,
  lang: Lang,
): Promise<ActivityListModel> {
  const t = translator(lang);
  const fail = (status: number, problem: string): ActivityListModel => ({
    status,
    problem,
    region: null,
    parents: [],
    sampleData: true,
    sourceNote: null,
    shown: null,
    invalidPage: null,
  });
  if (!isActivityList(list)) {
    return fail(404, t("activity.badList", { list }));
  }
  if (!CODE_PATTERN.test(code)) {
    return fail(400, t("region.badCode", { code }));
  }
  const { lineage, meta } = await runPlans(db, {
    lineage: regionLineagePlan(code),
    meta: datasetMetaPlan(),
  });
  if (!lineage.region) {
    return fail(404, t.detail(regionNotFound(code)));
  }
  const context = activityContext(lineage.region, meta);
  const { page, invalid } = parsePageParam(url.searchParams.get("page"));
  const request: PageRequest = { page, perPage: LIST_PER_PAGE, clamp: true };
  return {
    status: 200,
    problem: null,
    region: context.region,
    parents: lineage.ancestors.map(toRef),
    sampleData: meta.sampleData,
    sourceNote: meta.sourceNote,
    shown: await loadReport(db, code, list, request, context),
    invalidPage: invalid,
  };
}

async function loadReport(
  db: D1Database,
  code: string,
  list: ActivityList,
  request: PageRequest,
  context: ReturnType<typeof activityContext>,
): Promise<ListReport> {
  switch (list) {
    case "projects":
      return { list, report: await loadProjectsReport(db, code, request, context) };
    case "problems":
      return { list, report: await loadProblemsReport(db, code, request, context) };
    case "targets":
      return { list, report: await loadTargetsReport(db, code, request, context) };
  }
}
