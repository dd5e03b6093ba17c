/**
 * /api/v1/regions/{code}/projects, /problems and /targets: a region's projects, problem
 * lists and term targets over its whole subtree, with one page of each list. The region
 * pages show the same reports (src/services/*-report.ts).
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { loadProblemsReport } from "../src/services/problems-report.ts";
import { loadProjectsReport } from "../src/services/projects-report.ts";
import { loadTargetsReport } from "../src/services/targets-report.ts";
import {
  PageQuery,
  ProblemsResponse,
  ProjectsResponse,
  TargetsResponse,
} from "./activity-schemas.ts";
import { CACHE_HEADERS, DATASET_PROBLEMS } from "./dataset-schemas.ts";
import { cacheOrNotModified, resolveVersion } from "./http-cache.ts";
import { CodeParam, PROBLEM_RESPONSES } from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const activity = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });

const MORE_RESPONSES = {
  304: { description: "Not modified (If-None-Match matched the ETag)." },
  429: DATASET_PROBLEMS[429],
} as const;

function route(
  path: string,
  summary: string,
  schema: typeof ProjectsResponse | typeof ProblemsResponse | typeof TargetsResponse,
) {
  return createRoute({
    method: "get",
    path: `/{code}/${path}`,
    summary,
    request: { params: CodeParam, query: PageQuery },
    responses: {
      200: {
        description: `${summary}: figures for the whole subtree and one page of the list`,
        headers: CACHE_HEADERS,
        content: { "application/json": { schema } },
      },
      ...PROBLEM_RESPONSES,
      ...MORE_RESPONSES,
    },
  });
}

activity.openapi(route("projects", "Projects of a region", ProjectsResponse), async (c) => {
  const { code } = c.req.valid("param");
  const { page, per_page } = c.req.valid("query");
  const notModified = await cacheOrNotModified(c, await resolveVersion(c.env.DB, undefined));
  if (notModified) return notModified as never;
  const report = await loadProjectsReport(c.env.DB, code, {
    page,
    perPage: per_page,
    clamp: false,
  });
  return c.json(report, 200);
});

activity.openapi(
  route("problems", "Problem lists (问题清单) of a region", ProblemsResponse),
  async (c) => {
    const { code } = c.req.valid("param");
    const { page, per_page } = c.req.valid("query");
    const notModified = await cacheOrNotModified(c, await resolveVersion(c.env.DB, undefined));
    if (notModified) return notModified as never;
    const report = await loadProblemsReport(c.env.DB, code, {
      page,
      perPage: per_page,
      clamp: false,
    });
    return c.json(report, 200);
  },
);

activity.openapi(
  route("targets", "Term targets (任期目标) and work teams of a region", TargetsResponse),
  async (c) => {
    const { code } = c.req.valid("param");
    const { page, per_page } = c.req.valid("query");
    const notModified = await cacheOrNotModified(c, await resolveVersion(c.env.DB, undefined));
    if (notModified) return notModified as never;
    const report = await loadTargetsReport(c.env.DB, code, {
      page,
      perPage: per_page,
      clamp: false,
    });
    return c.json(report, 200);
  },
);
