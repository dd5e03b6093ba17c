/**
 * The JSON API (/api/v1/*) as one Hono app with a sub-app per resource, and the back office
 * (/api/admin, with its own OpenAPI document). Whatever a handler throws becomes an
 * application/problem+json answer here, in one place (api-error.ts); nothing a client sends
 * reaches the 500 branch.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { securityHeaders } from "../src/lib/security-headers.ts";
import { activity } from "./activity.ts";
import { bulk } from "./bulk.ts";
import { admin } from "./admin/index.ts";
import { ApiError, errorResponse, errorResponseOf } from "./api-error.ts";
import { charts } from "./charts.ts";
import { compare } from "./compare.ts";
import { publicReadCors } from "./cors.ts";
import { datasets } from "./datasets.ts";
import { rateLimit } from "./rate-limit.ts";
import { releaseChanges } from "./release-changes.ts";
import { regions } from "./regions.ts";
import { rankings } from "./rankings.ts";
import { search } from "./search.ts";

export function createApi() {
  const api = new OpenAPIHono<{ Bindings: Env }>();

  // Security headers on every answer (also set by the Worker around it: src/worker.ts).
  api.use(securityHeaders);
  // Before the routes: CORS for reads and the rate limit apply to every public endpoint.
  api.use("/api/v1/*", publicReadCors, rateLimit("api"));
  api.route("/api/v1/regions", regions);
  api.route("/api/admin", admin);
  api.route("/api/v1/regions", charts);
  api.route("/api/v1/regions", activity);
  api.route("/api/v1/datasets", datasets);
  api.route("/api/v1/releases", releaseChanges);
  api.route("/api/v1/search", search);
  api.route("/api/v1/rankings", rankings);
  api.route("/api/v1/compare", compare);
  // Not under /api: files, at the addresses /data links (served from R2, not D1).
  api.use("/data/bulk/*", rateLimit("downloads"));
  api.route("/data/bulk", bulk);

  api.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Village Ledger API (村务公开台账)",
      version: "1.0.0",
      description:
        "Collective income of village committees and its indicators, by region and month. " +
        "Money in whole yuan; periods are months (YYYY-MM) with year-to-date figures.",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
  });

  api.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    return errorResponse(
      c,
      new ApiError(404, `No API endpoint at ${path}.`, `没有这个接口：${path}。`),
    );
  });

  api.onError((error, c) => errorResponseOf(c, error));

  return api;
}
