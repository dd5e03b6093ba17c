/**
 * /api/v1/compare/income.csv|json?codes=…: the table behind the comparison page's income
 * chart (/compare), built by the same code as the page, so a download holds exactly the
 * figures shown: year-to-date income at the same month of each year, one column per
 * region, whole yuan. A comparison's other figures are each region's summary
 * (/api/v1/regions/{code}/summary).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  comparisonPeriods,
  incomeSamePeriod,
  latestCommonPeriod,
  MAX_COMPARED,
  parseCompareCodes,
} from "../src/lib/compare.ts";
import { translator } from "../src/i18n/index.ts";
import { canonicalOrigin } from "../src/lib/origin.ts";
import { XLSX_TYPE } from "../src/lib/xlsx.ts";
import { chartXlsx } from "../src/services/xlsx-export.ts";
import { loadComparison } from "../src/services/compare-report.ts";
import { toRef } from "../src/services/region-report.ts";
import { compareIncomeChart } from "../src/views/compare-view.ts";
import { chartTableCsv } from "../src/views/region-charts.ts";
import { ApiError } from "./api-error.ts";
import { CACHE_HEADERS, DATASET_ERRORS } from "./dataset-schemas.ts";
import { afterValidation, dataVersion, type VersionEnv } from "./http-cache.ts";
import {
  BomQuery,
  ERROR_RESPONSES,
  PeriodSchema,
  RegionRefSchema,
  TableLangQuery,
} from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const compare = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });

/** The list of a comparison: as the page reads it (duplicates dropped), refused when wrong. */
const CodesSchema = z
  .string({ error: "is required: region codes separated by commas, e.g. 450422,140423" })
  .transform((value, ctx) => {
    const { codes, invalid } = parseCompareCodes([value]);
    if (invalid.length) {
      ctx.addIssue({
        code: "custom",
        message: `${invalid.join(", ")}: not a division code (2, 4, 6, 9 or 12 digits)`,
      });
    } else if (codes.length === 0) {
      ctx.addIssue({ code: "custom", message: "must name at least one region code" });
    } else if (codes.length > MAX_COMPARED) {
      ctx.addIssue({
        code: "custom",
        message: `must name at most ${MAX_COMPARED} regions (${codes.length} given)`,
      });
    }
    return codes;
  })
  .openapi({
    param: { name: "codes", in: "query" },
    description:
      `Up to ${MAX_COMPARED} region codes of any level, separated by commas, in the order of ` +
      "the columns; a code given twice counts once.",
    example: "450422,450421104,140423103263",
  });

const route = createRoute({
  method: "get",
  path: "/{file}",
  summary: "The comparison's income chart table, as CSV, JSON or XLSX",
  description:
    "Year-to-date collective income at the month of `period` in each year, one column per " +
    "region (whole yuan; empty where no village reported): the table of the income chart " +
    "on /compare. The headline figures of each region are its summary " +
    "(/api/v1/regions/{code}/summary).",
  request: {
    params: z.object({
      file: z
        .enum(["income.csv", "income.json", "income.xlsx"], {
          error: "must be income.csv, income.json or income.xlsx",
        })
        .openapi({ param: { name: "file", in: "path" }, example: "income.csv" }),
    }),
    query: z.object({
      codes: CodesSchema,
      period: PeriodSchema.optional().openapi({
        param: { name: "period", in: "query" },
        description:
          "The month (YYYY-MM) whose year-to-date figures are compared; when omitted, the " +
          "latest month in which every region has data.",
        example: "2026-10",
      }),
      lang: TableLangQuery,
      bom: BomQuery,
    }),
  },
  responses: {
    200: {
      description: "The chart's table: a row per year, a column per region",
      headers: CACHE_HEADERS,
      content: {
        "text/csv": { schema: z.string() },
        [XLSX_TYPE]: {
          schema: z.string().openapi({
            format: "binary",
            description:
              "The same table as a workbook: money in yuan shown as 万元 (English: ¥), with an " +
              "About sheet (source, licence, citation, columns).",
          }),
        },
        "application/json": {
          schema: z
            .object({
              period: z.string(),
              periods: z
                .array(z.string())
                .openapi({ description: "The month of each row, YYYY-MM." }),
              regions: z.array(RegionRefSchema),
              columns: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string() })),
              rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
            })
            .openapi("ComparisonIncome"),
        },
      },
    },
    400: {
      description: "A malformed code, more than six codes, or a malformed period.",
      content: ERROR_RESPONSES[400].content,
    },
    404: {
      description: "A code that names no region, or a period none of the regions has data for.",
      content: ERROR_RESPONSES[404].content,
    },
    304: { description: "Not modified (If-None-Match matched the ETag)." },
    429: DATASET_ERRORS[429],
  },
});

compare.openapi(
  route,
  afterValidation<typeof route>(dataVersion(), async (c) => {
    const { file } = c.req.valid("param");
    const { codes, period: requested, lang, bom } = c.req.valid("query");
    const { meta, regions, unknown } = await loadComparison(c.env.DB, codes);
    if (unknown.length) {
      throw new ApiError(
        404,
        `No region has the code ${unknown.join(", ")}.`,
        `没有区划代码为 ${unknown.join("、")} 的地区。`,
      );
    }
    const periods = comparisonPeriods(regions);
    const period = requested ?? latestCommonPeriod(regions);
    if (!period || !periods.includes(period)) {
      const range = periods.length ? `${periods[0]} to ${periods.at(-1)}` : "none";
      const rangeZh = periods.length ? `${periods[0]} 至 ${periods.at(-1)}` : "无";
      throw new ApiError(
        404,
        `None of the regions has data for ${period ?? "any period"}; periods with data: ${range}.`,
        `这些地区都没有 ${period ?? "任何统计期"} 的数据；有数据的期间：${rangeZh}。`,
      );
    }
    const chart = compareIncomeChart(regions, period, lang);
    if (file === "income.json") {
      return c.json(
        {
          period,
          periods: incomeSamePeriod(regions, period).periods,
          regions: regions.map((r) => toRef(r.region)),
          columns: chart.table.columns,
          rows: chart.table.rows,
        },
        200,
      );
    }
    if (file === "income.xlsx") {
      const url = new URL(c.req.url);
      const origin = canonicalOrigin(c.env);
      const t = translator(lang);
      const bytes = await chartXlsx({
        chart,
        // The About sheet names every compared region, with their codes.
        region: {
          code: regions.map((r) => r.region.code).join(","),
          name: regions.map((r) => r.region.name).join(t("common.listSeparator")),
        },
        period,
        version: {
          release: "live",
          asOf: null,
          dataUpdatedAt: meta.lastUpdated,
          sampleData: meta.sampleData,
        },
        source: { origin, url: `${origin}${url.pathname}${url.search}` },
        lang,
      });
      return c.body(bytes, 200, {
        "Content-Type": XLSX_TYPE,
        "Content-Disposition": `attachment; filename="compare-income-${period}${lang === "en" ? "-en" : ""}.xlsx"`,
        "Content-Length": String(bytes.byteLength),
      });
    }
    return c.body(chartTableCsv(chart.table, bom === "1"), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="compare-income-${period}.csv"`,
    });
  }),
);
