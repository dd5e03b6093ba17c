/**
 * /api/v1/regions/{code}/projects, /problems and /targets: a region's projects, problem
 * lists and term targets over its whole subtree, with one page of each list. The region
 * pages show the same reports (src/services/*-report.ts).
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { PageRequest } from "../src/services/activity-context.ts";
import { loadProblemsReport } from "../src/services/problems-report.ts";
import { loadProjectsReport } from "../src/services/projects-report.ts";
import { loadTargetsReport } from "../src/services/targets-report.ts";
import {
  PageQuery,
  ProblemsResponse,
  ProjectsResponse,
  TargetsResponse,
} from "./activity-schemas.ts";
import { CACHE_HEADERS, DATASET_ERRORS } from "./dataset-schemas.ts";
import { afterValidation, dataVersion, type VersionEnv } from "./http-cache.ts";
import { CodeParam, ERROR_RESPONSES } from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const activity = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });

const MORE_RESPONSES = {
  304: { description: "Not modified (If-None-Match matched the ETag)." },
  429: DATASET_ERRORS[429],
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
      ...ERROR_RESPONSES,
      ...MORE_RESPONSES,
    },
  });
}

/** A report of the region for one page of its list, behind dataVersion (live data). */
function report(load: (db: D1Database, code: string, request: PageRequest) => Promise<object>) {
  return afterValidation<ReturnType<typeof route>>(dataVersion(), async (c) => {
    const { page, per_page } = c.req.valid("query");
    const request = { page, perPage: per_page, clamp: false };
    return c.json(await load(c.env.DB, c.req.valid("param").code, request), 200);
  });
}

activity.openapi(
  route("projects", "Projects of a region", ProjectsResponse),
  report(loadProjectsReport),
);
activity.openapi(
  route("problems", "Problem lists (问题清单) of a region", ProblemsResponse),
  report(loadProblemsReport),
);
activity.openapi(
  route("targets", "Term targets (任期目标) and work teams of a region", TargetsResponse),
  report(loadTargetsReport),
);
