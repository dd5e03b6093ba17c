/**
 * /api/v1/regions/{code}/projects, /problems and /targets: a region's projects, problem
 * lists and term targets over its whole subtree, with one page of each list. The region
 * pages show the same reports (src/services/*-report.ts).
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
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

/** A report of the region, or 304 when the client already holds the current data. */
async function answer(
  c: Context<{ Bindings: Env }>,
  code: string,
  { page, per_page }: { page: number; per_page: number },
  load: (db: D1Database, code: string, request: PageRequest) => Promise<object>,
): Promise<Response> {
  const notModified = await cacheOrNotModified(c, await resolveVersion(c.env.DB, undefined));
  if (notModified) return notModified;
  return c.json(await load(c.env.DB, code, { page, perPage: per_page, clamp: false }), 200);
}

activity.openapi(
  route("projects", "Projects of a region", ProjectsResponse),
  async (c) =>
    (await answer(c, c.req.valid("param").code, c.req.valid("query"), loadProjectsReport)) as never,
);
activity.openapi(
  route("problems", "Problem lists (问题清单) of a region", ProblemsResponse),
  async (c) =>
    (await answer(c, c.req.valid("param").code, c.req.valid("query"), loadProblemsReport)) as never,
);
activity.openapi(
  route("targets", "Term targets (任期目标) and work teams of a region", TargetsResponse),
  async (c) =>
    (await answer(c, c.req.valid("param").code, c.req.valid("query"), loadTargetsReport)) as never,
);
