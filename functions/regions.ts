/** /api/v1/regions: a region with its parents and children, its summary, its series. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { findChildren, findDescendants } from "../src/db/regions.ts";
import { LEVELS } from "../src/lib/codes.ts";
import {
  figuresFor,
  loadRegionData,
  type RegionData,
  resolvePeriod,
  toRef,
} from "../src/services/region-report.ts";
import { BANDS, indicatorsFromRollup, SOURCES } from "../src/lib/indicators.ts";
import { validationHook } from "./validation.ts";
import { CACHE_HEADERS, DATASET_ERRORS } from "./dataset-schemas.ts";
import { ApiError } from "./api-error.ts";
import {
  afterValidation,
  dataVersion,
  releaseQuery,
  type DataVersion,
  type VersionEnv,
} from "./http-cache.ts";
import {
  CodeParam,
  ERROR_RESPONSES,
  RegionRefSchema,
  RegionResponse,
  SeriesQuery,
  SeriesResponse,
  SummaryQuery,
  SummaryResponse,
} from "./schemas.ts";

export const regions = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });

function dataInfo(data: RegionData, version: DataVersion) {
  return {
    release: version.release,
    data_updated_at: version.dataUpdatedAt,
    sample_data: data.meta.sampleData,
  };
}

/**
 * A region's data as live or as of a release. A village's own rollups span the whole data
 * set's months; as of a release, the months after the release's period did not exist yet.
 */
async function loadAsOf(db: D1Database, code: string, version: DataVersion): Promise<RegionData> {
  const data = await loadRegionData(db, code, version.asOf);
  if (version.asOf) {
    for (const period of [...data.rollups.keys()]) {
      if (period > version.release) data.rollups.delete(period);
    }
  }
  return data;
}

/** Every response of these routes may also be a 304 or a 429. */
const MORE_RESPONSES = {
  304: { description: "Not modified (If-None-Match matched the ETag)." },
  429: DATASET_ERRORS[429],
} as const;

const getRegion = createRoute({
  method: "get",
  path: "/{code}",
  summary: "A region, its parents and its children",
  request: { params: CodeParam },
  responses: {
    200: {
      description: "The region",
      headers: CACHE_HEADERS,
      content: { "application/json": { schema: RegionResponse } },
    },
    ...ERROR_RESPONSES,
    ...MORE_RESPONSES,
  },
});

// Nothing is read before the 304 check, not even the region: a revalidation costs no query.
regions.openapi(
  getRegion,
  afterValidation<typeof getRegion>(dataVersion(), async (c) => {
    const { code } = c.req.valid("param");
    const data = await loadRegionData(c.env.DB, code);
    const children = await findChildren(c.env.DB, code);
    return c.json(
      {
        region: { ...toRef(data.region), parent_code: data.region.parent_code },
        parents: data.parents,
        children: children.map(toRef),
      },
      200,
    );
  }),
);

const getSummary = createRoute({
  method: "get",
  path: "/{code}/summary",
  summary: "The indicators of a region for one period",
  request: { params: CodeParam, query: SummaryQuery },
  responses: {
    200: {
      description: "Indicators with numerators and denominators",
      headers: CACHE_HEADERS,
      content: { "application/json": { schema: SummaryResponse } },
    },
    ...ERROR_RESPONSES,
    ...MORE_RESPONSES,
  },
});

regions.openapi(
  getSummary,
  afterValidation<typeof getSummary>(dataVersion(releaseQuery), async (c) => {
    const { code } = c.req.valid("param");
    const { period } = c.req.valid("query");
    const version = c.get("dataVersion");
    const data = await loadAsOf(c.env.DB, code, version);
    const shown = resolvePeriod(data, period);
    if (!shown) {
      // A region with no data at all (no rollups): say so with empty figures.
      return c.json(
        {
          region: toRef(data.region),
          period: null,
          indicators: null,
          bands: BANDS.map((b) => ({ key: b.key, min: b.min, max: b.max, count: 0 })),
          sources: Object.fromEntries(SOURCES.map((s) => [s, 0])),
          punctuality: null,
          ...dataInfo(data, version),
        },
        200,
      );
    }
    const figures = figuresFor(data, shown);
    return c.json({ region: toRef(data.region), ...figures, ...dataInfo(data, version) }, 200);
  }),
);

const getSeries = createRoute({
  method: "get",
  path: "/{code}/series",
  summary: "One indicator of a region over time",
  request: { params: CodeParam, query: SeriesQuery },
  responses: {
    200: {
      description: "The indicator for each month in the range",
      headers: CACHE_HEADERS,
      content: { "application/json": { schema: SeriesResponse } },
    },
    ...ERROR_RESPONSES,
    ...MORE_RESPONSES,
  },
});

regions.openapi(
  getSeries,
  afterValidation<typeof getSeries>(dataVersion(releaseQuery), async (c) => {
    const { code } = c.req.valid("param");
    const { indicator, from, to } = c.req.valid("query");
    const version = c.get("dataVersion");
    const data = await loadAsOf(c.env.DB, code, version);
    const points = [...data.rollups]
      .filter(([period]) => (!from || period >= from) && (!to || period <= to))
      .map(([period, rollup]) => ({ period, ...indicatorsFromRollup(rollup)[indicator] }));
    return c.json(
      { region: toRef(data.region), indicator, points, ...dataInfo(data, version) },
      200,
    );
  }),
);

const ChildrenQuery = z.object({
  level: z
    .enum(LEVELS, { error: `must be one of ${LEVELS.join(", ")}` })
    .optional()
    .openapi({
      param: { name: "level", in: "query" },
      description:
        "The level to list: every region at that level in the subtree (e.g. all counties of a " +
        "province). The direct children when omitted.",
      example: "county",
    }),
});

const getChildren = createRoute({
  method: "get",
  path: "/{code}/children",
  summary: "The regions below a region, at any level",
  request: { params: CodeParam, query: ChildrenQuery },
  responses: {
    200: {
      description: "The regions at that level under the region, in code order",
      headers: CACHE_HEADERS,
      content: {
        "application/json": {
          schema: z
            .object({
              region: RegionRefSchema,
              level: z.enum(LEVELS).nullable(),
              children: z.array(RegionRefSchema.extend({ parent_code: z.string().nullable() })),
            })
            .openapi("RegionChildren"),
        },
      },
    },
    ...ERROR_RESPONSES,
    ...MORE_RESPONSES,
  },
});

regions.openapi(
  getChildren,
  afterValidation<typeof getChildren>(dataVersion(), async (c) => {
    const { code } = c.req.valid("param");
    const { level } = c.req.valid("query");
    const data = await loadRegionData(c.env.DB, code);
    if (level && LEVELS.indexOf(level) <= LEVELS.indexOf(data.region.level)) {
      throw new ApiError(
        400,
        `level: ${level} is not below ${data.region.name} (${data.region.level}).`,
        `参数有误：level：${level} 不在 ${data.region.name} 的下级。`,
        { errors: [{ parameter: "level", message: `must be a level below ${data.region.level}` }] },
      );
    }
    const rows = level
      ? await findDescendants(c.env.DB, code, level)
      : await findChildren(c.env.DB, code);
    return c.json(
      {
        region: toRef(data.region),
        level: level ?? null,
        children: rows.map((r) => ({ ...toRef(r), parent_code: r.parent_code })),
      },
      200,
    );
  }),
);
