/**
 * /api/v1/releases/{period}/changes.csv: every value revised since the previous release
 * (old, new, reason), for a published release. Immutable once published: cached a year.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { findPreviousRelease, findRevisions } from "../src/db/release-changes.ts";
import { toCsv } from "../src/lib/csv.ts";
import { CHANGE_COLUMNS, revisedValues } from "../src/lib/revisions.ts";
import { CACHE_HEADERS, DATASET_ERRORS } from "./dataset-schemas.ts";
import { afterValidation, dataVersion, type VersionEnv } from "./http-cache.ts";
import { PeriodSchema } from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const releaseChanges = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });

const route = createRoute({
  method: "get",
  path: "/{period}/changes.csv",
  summary: "Every value revised since the previous release: old, new, reason",
  request: {
    params: z.object({
      period: PeriodSchema.openapi({ param: { name: "period", in: "path" }, example: "2026-10" }),
    }),
    query: z.object({
      bom: z
        .enum(["0", "1"], { error: "must be 0 or 1" })
        .default("0")
        .openapi({ param: { name: "bom", in: "query" }, description: "1 adds a UTF-8 BOM." }),
    }),
  },
  responses: {
    200: {
      description: `One row per revised figure; columns ${CHANGE_COLUMNS.join(", ")}.`,
      headers: CACHE_HEADERS.extend({ "Content-Disposition": z.string() }),
      content: { "text/csv": { schema: z.string() } },
    },
    304: { description: "Not modified (If-None-Match matched the ETag)." },
    ...DATASET_ERRORS,
  },
});

// The release is the path's period: 404 when it was not published.
releaseChanges.openapi(
  route,
  afterValidation<typeof route>(
    dataVersion((c) => c.req.param("period")),
    async (c) => {
      const { period } = c.req.valid("param");
      const { bom } = c.req.valid("query");
      const upTo = c.get("dataVersion").asOf as string;
      const previous = await findPreviousRelease(c.env.DB, upTo);
      const pairs = await findRevisions(c.env.DB, { after: previous?.published_at ?? null, upTo });
      const rows = pairs.flatMap(revisedValues).map((v) => CHANGE_COLUMNS.map((k) => v[k]));
      return c.body(toCsv([...CHANGE_COLUMNS], rows, bom === "1"), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="changes_release-${period}.csv"`,
      });
    },
  ),
);
