/** zod schemas of the dataset endpoints; they also produce their part of the OpenAPI document. */
import { z } from "@hono/zod-openapi";
import { DATASET_NAMES, PAGE_SIZE } from "../src/lib/datasets.ts";
import { CODE_PATTERN } from "../src/lib/codes.ts";
import { LANGS } from "../src/lib/i18n.ts";
import { PeriodSchema, ErrorBodySchema } from "./schemas.ts";
import { RATE_LIMITS } from "./rate-limit.ts";

export const DatasetNameParam = z.object({
  name: z
    .enum(DATASET_NAMES, { error: `must be one of ${DATASET_NAMES.join(", ")}` })
    .openapi({ param: { name: "name", in: "path" }, example: "village-income" }),
});

const region = z
  .string()
  .regex(CODE_PATTERN, {
    error: "must be a statistical division code of 2, 4, 6, 9 or 12 digits, e.g. 450422",
  })
  .optional()
  .openapi({
    param: { name: "region", in: "query" },
    description: "A division code: only rows of that region and its whole subtree.",
    example: "450422",
  });
const from = PeriodSchema.optional().openapi({
  param: { name: "from", in: "query" },
  description: "First period (YYYY-MM), inclusive. What it filters on is per dataset.",
  example: "2025-01",
});
const to = PeriodSchema.optional().openapi({
  param: { name: "to", in: "query" },
  description: "Last period (YYYY-MM), inclusive.",
  example: "2025-12",
});
const release = PeriodSchema.optional().openapi({
  param: { name: "release", in: "query" },
  description:
    "A published release, named by its period: the data exactly as that release published it " +
    "(as of its freeze moment). Live (latest) data when omitted. Projects, problems, targets " +
    "and work teams are rebuilt from the progress reports, events, updates and changes " +
    "recorded by then; releases gives the calendar as it stood then; regions are the same " +
    "in every release.",
  example: "2026-10",
});

export const CsvQuery = z.object({
  region,
  from,
  to,
  release,
  bom: z
    .enum(["0", "1"], { error: "must be 0 or 1" })
    .default("0")
    .openapi({
      param: { name: "bom", in: "query" },
      description: "1 starts the file with a UTF-8 byte-order mark, for Excel and WPS on Windows.",
    }),
});

export const XlsxQuery = z.object({
  region,
  from,
  to,
  release,
  lang: z
    .enum(LANGS, { error: `must be one of ${LANGS.join(", ")}` })
    .default("zh")
    .openapi({
      param: { name: "lang", in: "query" },
      description:
        "zh (default): Chinese column headers, sheet names (数据, 说明) and About sheet, money " +
        "shown in 万元; en: English ones (Data, About), money shown as ¥ with separators.",
    }),
});

export const JsonQuery = z.object({
  region,
  from,
  to,
  release,
  cursor: z
    .string()
    .max(400)
    .optional()
    .openapi({
      param: { name: "cursor", in: "query" },
      description: "The next_cursor of the previous page; the first page when omitted.",
    }),
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(PAGE_SIZE.max, { error: `must be at most ${PAGE_SIZE.max}` })
    .default(PAGE_SIZE.default)
    .openapi({
      param: { name: "limit", in: "query" },
      description: `Rows per page: default ${PAGE_SIZE.default}, at most ${PAGE_SIZE.max}.`,
    }),
});

const DataInfo = {
  release: z.string().openapi({ description: '"live", or the period of a published release.' }),
  release_published_at: z.string().nullable(),
  data_updated_at: z
    .string()
    .nullable()
    .openapi({ description: "Last write (live), or the release's freeze moment." }),
  sample_data: z.boolean(),
};

const FieldSchema = z
  .object({
    name: z.string(),
    type: z.enum(["string", "integer", "number", "yearmonth", "date", "datetime", "array"]),
    title: z.string(),
    description: z.string(),
    title_en: z.string(),
    description_en: z.string(),
    unit: z.string().optional(),
    unit_en: z.string().optional(),
  })
  .openapi("DatasetField");

export const DatasetListResponse = z
  .object({
    datasets: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        title_en: z.string(),
        description: z.string(),
        description_en: z.string(),
        versioning: z.enum(["as-of", "static"]),
        period_filter: z.string().nullable(),
        period_filter_en: z.string().nullable(),
        region_filter: z.boolean(),
        update_schedule: z.string(),
        update_schedule_en: z.string(),
        primary_key: z.array(z.string()),
        fields: z.array(FieldSchema),
        csv: z.string(),
        json: z.string(),
        xlsx: z.string(),
        xlsx_max_rows: z.number().int().openapi({
          description: "The most rows one XLSX download of this dataset holds.",
        }),
      }),
    ),
    licence: z.string(),
    page_size: z.object({ default: z.number(), max: z.number() }),
    ...DataInfo,
  })
  .openapi("DatasetList");

const Cell = z.union([z.string(), z.number(), z.null()]);

export const DatasetPageResponse = z
  .object({
    dataset: z.string(),
    ...DataInfo,
    licence: z.string(),
    filters: z.object({
      region: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
    fields: z.array(z.string()),
    limit: z.number(),
    rows: z.array(z.record(z.string(), Cell)),
    next_cursor: z.string().nullable(),
    next: z.string().nullable().openapi({ description: "The URL of the next page, if any." }),
  })
  .openapi("DatasetPage");

const errorContent = { "application/problem+json": { schema: ErrorBodySchema } };

/** Errors of the dataset endpoints, with the limits they enforce. */
export const DATASET_ERRORS = {
  400: {
    description:
      "A malformed or inapplicable parameter: a bad code or period, from after to, a period " +
      "or region filter on a dataset without one, release on a current-state dataset, a bad cursor. " +
      "Or (type #problem-export-too-large) a CSV cut of more than max_rows rows (EXPORT_MAX_ROWS, " +
      "500,000: what one request can read within the platform's limits): narrow it with region, " +
      "from and to, or download the release's whole dataset from bulk_file " +
      "(/data/bulk/{release}/{name}.csv.gz). An XLSX cut of more rows than its dataset's " +
      "xlsx_max_rows (XLSX_MAX_CELLS, 300,000 cells, over its columns) gets the same problem, " +
      "with csv_file, the same cut as CSV.",
    content: errorContent,
  },
  404: {
    description: "No dataset with that name, no region with that code, or no published release.",
    content: errorContent,
  },
  429: {
    description:
      `Rate limit: ${RATE_LIMITS.api.limit} API requests and ${RATE_LIMITS.downloads.limit} dataset ` +
      `downloads per ${RATE_LIMITS.api.period} s per address. Retry-After gives the seconds to wait.`,
    headers: z.object({ "Retry-After": z.string() }),
    content: errorContent,
  },
} as const;

export const CACHE_HEADERS = z.object({
  ETag: z.string().openapi({ description: "Send it back in If-None-Match to get 304." }),
  "Cache-Control": z.string().openapi({
    description: "Releases: public, max-age=31536000, immutable. Live data: public, max-age=300.",
  }),
});
