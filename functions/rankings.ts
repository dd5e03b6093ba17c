/** /api/v1/rankings: league tables (比武榜) of one level on one indicator for a month. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { CODE_PATTERN } from "../src/lib/codes.ts";
import { CALLED_IN_SHARE, CHAMPION_SHARE, RANKING_INDICATORS } from "../src/lib/rankings.ts";
import { readDatasetMeta } from "../src/db/meta.ts";
import { filedLeague } from "../src/services/league-files.ts";
import { loadRanking, RANKING_LEVELS, rankingBody } from "../src/services/rankings.ts";
import { CACHE_HEADERS, DATASET_ERRORS } from "./dataset-schemas.ts";
import { afterValidation, dataVersion, type VersionEnv } from "./http-cache.ts";
import {
  FigureSchema,
  PeriodSchema,
  ERROR_RESPONSES,
  refOrNull,
  RegionRefSchema,
} from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const rankings = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });

const RankingQuery = z.object({
  level: z
    .enum(RANKING_LEVELS, { error: `must be one of ${RANKING_LEVELS.join(", ")}` })
    .openapi({ param: { name: "level", in: "query" }, example: "county" }),
  indicator: z
    .enum(RANKING_INDICATORS, { error: `must be one of ${RANKING_INDICATORS.join(", ")}` })
    .default("share_ge_10w")
    .openapi({
      param: { name: "indicator", in: "query" },
      description:
        "What is ranked. Higher is better, except weak_share (the share of reporting villages " +
        "with less than 50,000 yuan).",
      example: "share_ge_10w",
    }),
  period: PeriodSchema.optional().openapi({
    param: { name: "period", in: "query" },
    description: "The month (YYYY-MM); the latest month with data when omitted.",
    example: "2026-10",
  }),
  within: z
    .string()
    .regex(CODE_PATTERN, { error: "must be a division code of 2, 4, 6 or 9 digits" })
    .optional()
    .openapi({
      param: { name: "within", in: "query" },
      description: "Rank only the regions under this one (e.g. the counties of 梧州市 4504).",
      example: "4504",
    }),
});

const RankingRowSchema = z.object({
  rank: z.number().nullable().openapi({ description: "Competition rank (1224); null: no data." }),
  region: RegionRefSchema,
  value: refOrNull(FigureSchema),
  previous: z
    .object({ rank: z.number().nullable(), value: z.number().nullable() })
    .nullable()
    .openapi({ description: "Rank and value in the previous month's table." }),
  change: z.number().nullable().openapi({ description: "value − previous value." }),
  rank_change: z.number().nullable().openapi({ description: "Places moved up (negative: down)." }),
  mark: z
    .enum(["champion", "called_in"])
    .nullable()
    .openapi({ description: "champion 擂主 (top 20%) or called_in 约谈 (bottom 10%)." }),
});

const RankingResponse = z
  .object({
    level: z.enum(RANKING_LEVELS),
    indicator: z.enum(RANKING_INDICATORS),
    direction: z.enum(["higher", "lower"]),
    period: z.string(),
    previous_period: z.string().nullable(),
    within: refOrNull(RegionRefSchema),
    regions: z.number(),
    ranked: z.number(),
    champions: z
      .number()
      .openapi({ description: `Places marked champion: ⌈${CHAMPION_SHARE * 100}% × ranked⌉.` }),
    called_in: z
      .number()
      .openapi({ description: `Places marked called in: ⌈${CALLED_IN_SHARE * 100}% × ranked⌉.` }),
    rows: z.array(RankingRowSchema),
    data_updated_at: z.string().nullable(),
    sample_data: z.boolean(),
  })
  .openapi("Ranking");

const getRanking = createRoute({
  method: "get",
  path: "/",
  summary: "A league table (比武榜): one level ranked on one indicator for a month",
  request: { query: RankingQuery },
  responses: {
    200: {
      description: "Every region of the level, best first; regions without data last",
      headers: CACHE_HEADERS,
      content: { "application/json": { schema: RankingResponse } },
    },
    ...ERROR_RESPONSES,
    304: { description: "Not modified (If-None-Match matched the ETag)." },
    429: DATASET_ERRORS[429],
  },
});

// A ranking asked wrongly (RankingRequestError: `within` not above the level ranked) is
// answered 400 by the one onError (api-error.ts).
rankings.openapi(
  getRanking,
  afterValidation<typeof getRanking>(dataVersion(), async (c) => {
    const query = c.req.valid("query");
    if (query.within) return c.json(rankingBody(await loadRanking(c.env.DB, query)), 200);
    // A national table of the latest period: the file kept for this data version when the
    // Cron Trigger has written it (src/services/league-files.ts), else computed here.
    const meta = await readDatasetMeta(c.env.DB);
    if ((query.period ?? meta.latestPeriod) === meta.latestPeriod) {
      const filed = await filedLeague(c.env.BULK, meta, query.level, query.indicator);
      if (filed) return c.body(filed, 200, { "Content-Type": "application/json" });
    }
    const ranking = await loadRanking(c.env.DB, query, { meta, within: null });
    return c.json(rankingBody(ranking), 200);
  }),
);
