/** /api/v1/regions: a region with its parents and children, its summary, its series. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { findChildren } from "../src/db/regions.ts";
import {
  figuresFor,
  loadRegionData,
  type RegionData,
  resolvePeriod,
  toRef,
} from "../src/services/region-report.ts";
import { BANDS, indicatorsFromRollup, SOURCES } from "../src/lib/indicators.ts";
import { validationHook } from "./validation.ts";
import {
  CodeParam,
  PROBLEM_RESPONSES,
  RegionResponse,
  SeriesQuery,
  SeriesResponse,
  SummaryQuery,
  SummaryResponse,
} from "./schemas.ts";

export const regions = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });

// Live figures change when data is loaded: cache briefly.
const LIVE_CACHE = "public, max-age=300";

function dataInfo(data: RegionData) {
  return {
    release: "live" as const,
    data_updated_at: data.meta.lastUpdated,
    sample_data: data.meta.sampleData,
  };
}

const getRegion = createRoute({
  method: "get",
  path: "/{code}",
  summary: "A region, its parents and its children",
  request: { params: CodeParam },
  responses: {
    200: { description: "The region", content: { "application/json": { schema: RegionResponse } } },
    ...PROBLEM_RESPONSES,
  },
});

regions.openapi(getRegion, async (c) => {
  const { code } = c.req.valid("param");
  const data = await loadRegionData(c.env.DB, code);
  const children = await findChildren(c.env.DB, code);
  c.header("Cache-Control", LIVE_CACHE);
  return c.json(
    {
      region: { ...toRef(data.region), parent_code: data.region.parent_code },
      parents: data.parents,
      children: children.map(toRef),
    },
    200,
  );
});

const getSummary = createRoute({
  method: "get",
  path: "/{code}/summary",
  summary: "The indicators of a region for one period",
  request: { params: CodeParam, query: SummaryQuery },
  responses: {
    200: {
      description: "Indicators with numerators and denominators",
      content: { "application/json": { schema: SummaryResponse } },
    },
    ...PROBLEM_RESPONSES,
  },
});

regions.openapi(getSummary, async (c) => {
  const { code } = c.req.valid("param");
  const { period } = c.req.valid("query");
  const data = await loadRegionData(c.env.DB, code);
  const shown = resolvePeriod(data, period);
  c.header("Cache-Control", LIVE_CACHE);
  if (!shown) {
    // A region with no data at all (no rollups): say so with empty figures.
    return c.json(
      {
        region: toRef(data.region),
        period: null,
        indicators: null,
        bands: BANDS.map((b) => ({ key: b.key, min: b.min, max: b.max, count: 0 })),
        sources: Object.fromEntries(SOURCES.map((s) => [s, 0])),
        ...dataInfo(data),
      },
      200,
    );
  }
  const figures = figuresFor(data, shown);
  return c.json({ region: toRef(data.region), ...figures, ...dataInfo(data) }, 200);
});

const getSeries = createRoute({
  method: "get",
  path: "/{code}/series",
  summary: "One indicator of a region over time",
  request: { params: CodeParam, query: SeriesQuery },
  responses: {
    200: {
      description: "The indicator for each month in the range",
      content: { "application/json": { schema: SeriesResponse } },
    },
    ...PROBLEM_RESPONSES,
  },
});

regions.openapi(getSeries, async (c) => {
  const { code } = c.req.valid("param");
  const { indicator, from, to } = c.req.valid("query");
  const data = await loadRegionData(c.env.DB, code);
  const points = [...data.rollups]
    .filter(([period]) => (!from || period >= from) && (!to || period <= to))
    .map(([period, rollup]) => ({ period, ...indicatorsFromRollup(rollup)[indicator] }));
  c.header("Cache-Control", LIVE_CACHE);
  return c.json({ region: toRef(data.region), indicator, points, ...dataInfo(data) }, 200);
});
