/** zod schemas of the API's parameters and responses; they also produce the OpenAPI document. */
import { LANGS } from "../src/lib/i18n.ts";
import { z } from "@hono/zod-openapi";
import { CODE_PATTERN, LEVELS } from "../src/lib/codes.ts";
import { BANDS, INDICATOR_KEYS, SOURCES } from "../src/lib/indicators.ts";
import { PERIOD_PATTERN } from "../src/lib/periods.ts";

/**
 * A registered schema (one with a $ref) or null. Not `.nullable()`: zod-to-openapi writes that
 * as `allOf: [{ $ref }, { type: ["object", "null"] }]`, which null cannot satisfy, since the
 * referenced schema is an object; the union is written `anyOf: [{ $ref }, { type: "null" }]`.
 */
export function refOrNull<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.null()]);
}

export const CodeParam = z.object({
  code: z
    .string()
    .regex(CODE_PATTERN, {
      error: "must be a statistical division code of 2, 4, 6, 9 or 12 digits, e.g. 450422",
    })
    .openapi({ param: { name: "code", in: "path" }, example: "450422" }),
});

export const PeriodSchema = z
  .string()
  .regex(PERIOD_PATTERN, { error: "must be a month written YYYY-MM, e.g. 2026-10" });

/** A published release, named by its period: figures as that release published them. */
export const ReleaseParam = PeriodSchema.optional().openapi({
  param: { name: "release", in: "query" },
  description:
    "A published release (its period, YYYY-MM): the figures exactly as that release published " +
    "them. Live data when omitted.",
  example: "2026-10",
});

export const SummaryQuery = z.object({
  period: PeriodSchema.optional().openapi({
    param: { name: "period", in: "query" },
    description: "The month, YYYY-MM; the latest month with data when omitted.",
    example: "2026-10",
  }),
  release: ReleaseParam,
});

export const SeriesQuery = z.object({
  indicator: z
    .enum(INDICATOR_KEYS, { error: `must be one of ${INDICATOR_KEYS.join(", ")}` })
    .openapi({ param: { name: "indicator", in: "query" }, example: "income_total" }),
  from: PeriodSchema.optional().openapi({ param: { name: "from", in: "query" } }),
  to: PeriodSchema.optional().openapi({ param: { name: "to", in: "query" } }),
  release: ReleaseParam,
});

export const RegionRefSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(LEVELS),
    kind: z.enum(["area", "village_committee", "community"]),
  })
  .openapi("RegionRef");

export const FigureSchema = z
  .object({
    value: z.number().nullable(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    sample: z.number().optional().openapi({ description: "Villages in a matched sample." }),
  })
  .openapi("Figure");

export const IndicatorsSchema = z
  .object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, FigureSchema])))
  .openapi("Indicators");

export const PunctualitySchema = z
  .object({
    reported_on_time: FigureSchema,
    late: z.number().openapi({ description: "Returns first recorded after the deadline." }),
    mean_days_late: z
      .number()
      .nullable()
      .openapi({ description: "Mean calendar days late of the late returns; null when none." }),
    missing: z.number().openapi({
      description: "Villages without a return (missing once the deadline has passed).",
    }),
    due: z.boolean().openapi({ description: "Whether the deadline has passed (China date)." }),
    deadline: z.string().openapi({
      description: "The last China date on which a return is on time (YYYY-MM-DD).",
      example: "2026-11-10",
    }),
  })
  .openapi("Punctuality", {
    description:
      "报送及时率: a return is on time when first recorded by the deadline (by default the 10th of the following month, China time).",
  });

export const DataInfoSchema = z.object({
  release: z
    .string()
    .openapi({ description: 'Which release the figures are from: "live" or a release period.' }),
  data_updated_at: z.string().nullable(),
  sample_data: z.boolean(),
});

export const RegionResponse = z
  .object({
    region: RegionRefSchema.extend({ parent_code: z.string().nullable() }),
    parents: z.array(RegionRefSchema),
    children: z.array(RegionRefSchema),
  })
  .openapi("Region");

export const SummaryResponse = z
  .object({
    region: RegionRefSchema,
    period: z.string().nullable(),
    indicators: refOrNull(IndicatorsSchema),
    bands: z.array(
      z.object({
        key: z.enum(BANDS.map((b) => b.key) as [string, ...string[]]),
        min: z.number(),
        max: z.number().nullable(),
        count: z.number(),
      }),
    ),
    sources: z.object(Object.fromEntries(SOURCES.map((s) => [s, z.number()]))),
    punctuality: PunctualitySchema.nullable().optional(),
  })
  .extend(DataInfoSchema.shape)
  .openapi("RegionSummary");

export const SeriesResponse = z
  .object({
    region: RegionRefSchema,
    indicator: z.enum(INDICATOR_KEYS),
    points: z.array(FigureSchema.extend({ period: z.string() })),
  })
  .extend(DataInfoSchema.shape)
  .openapi("RegionSeries");

/**
 * An error's body (api-error.ts). Its component keeps the name "Problem" that the published
 * document has always given it (RFC 9457's "problem details").
 */
export const ErrorBodySchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    detail_zh: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
    max_rows: z.number().int().optional().openapi({
      description:
        "export-too-large: the most rows one CSV request streams (or one XLSX workbook holds).",
    }),
    bulk_file: z.string().optional().openapi({
      description: "export-too-large: the release's whole dataset as a gzipped CSV file.",
    }),
    csv_file: z.string().optional().openapi({
      description: "export-too-large, for an XLSX cut: the same cut as CSV, which streams.",
    }),
  })
  .openapi("Problem");

/** The error responses every region endpoint can give. */
export const ERROR_RESPONSES = {
  400: {
    description: "A malformed parameter (code, period, indicator).",
    content: { "application/problem+json": { schema: ErrorBodySchema } },
  },
  404: {
    description: "No region with that code, or no data for that period.",
    content: { "application/problem+json": { schema: ErrorBodySchema } },
  },
} as const;

/** A downloaded table's language: its column labels (and a workbook's sheets). */
export const TableLangQuery = z
  .enum(LANGS)
  .default("zh")
  .openapi({ param: { name: "lang", in: "query" }, description: "Language of labels." });

/** Whether a CSV starts with a byte-order mark. */
export const BomQuery = z
  .enum(["0", "1"])
  .default("0")
  .openapi({
    param: { name: "bom", in: "query" },
    description: "1 adds a UTF-8 byte-order mark for Excel and WPS.",
  });
