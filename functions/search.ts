/** /api/v1/search: regions by name, pinyin, initials or code prefix (the suggest box uses it). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { searchRegions } from "../src/db/search.ts";
import { LEVELS } from "../src/lib/codes.ts";
import { MAX_QUERY_LENGTH, parseQuery } from "../src/lib/search-terms.ts";
import { CACHE_HEADERS, DATASET_ERRORS } from "./dataset-schemas.ts";
import { afterValidation, dataVersion, type VersionEnv } from "./http-cache.ts";
import { ERROR_RESPONSES } from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const search = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });

export const SEARCH_LIMIT_MAX = 50;

const SearchQuerySchema = z.object({
  q: z
    .string({ error: "is required: a name, pinyin, initials or a code" })
    .trim()
    .min(1, { error: "must not be empty: a name, pinyin, initials or a code" })
    .max(MAX_QUERY_LENGTH, { error: `must be at most ${MAX_QUERY_LENGTH} characters` })
    .openapi({
      param: { name: "q", in: "query" },
      description:
        "A region's name or part of it (黎寨, 寨), its pinyin (lizhai) or pinyin initials (lz), " +
        "or the start of its division code (450422). Spaces and punctuation are ignored.",
      example: "lizhai",
    }),
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(SEARCH_LIMIT_MAX, { error: `must be at most ${SEARCH_LIMIT_MAX}` })
    .default(10)
    .openapi({ param: { name: "limit", in: "query" }, example: 8 }),
});

const SearchHitSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(LEVELS),
    kind: z.enum(["area", "village_committee", "community"]),
    parents: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .openapi("SearchHit");

const searchRoute = createRoute({
  method: "get",
  path: "/",
  summary: "Find regions by name, pinyin, initials or code",
  description:
    "Ranked exact match first (the whole name, the name without its suffix, its pinyin or " +
    "initials), then higher levels before lower, then by code. Served from a full-text index.",
  request: { query: SearchQuerySchema },
  responses: {
    200: {
      description: "The matching regions, best first",
      headers: CACHE_HEADERS,
      content: {
        "application/json": {
          schema: z
            .object({ query: z.string(), results: z.array(SearchHitSchema) })
            .openapi("SearchResults"),
        },
      },
    },
    400: ERROR_RESPONSES[400],
    304: { description: "Not modified (If-None-Match matched the ETag)." },
    429: DATASET_ERRORS[429],
  },
});

search.openapi(
  searchRoute,
  afterValidation<typeof searchRoute>(dataVersion(), async (c) => {
    const { q, limit } = c.req.valid("query");
    const query = parseQuery(q);
    // Only punctuation (e.g. "·"): nothing to look for, which is an empty answer, not an error.
    const results = query ? await searchRegions(c.env.DB, query, limit) : [];
    return c.json({ query: q, results }, 200);
  }),
);
