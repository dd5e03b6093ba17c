/**
 * /api/v1/regions/{code}/charts/{chart}.csv|json|xlsx: the table behind each chart on a
 * region page, built by the same view code as the page, so a download holds exactly the
 * figures shown (money as whole yuan, ratios as fractions; in the XLSX shown in 万元 and
 * as percentages, with an About sheet: src/services/xlsx-export.ts); and .svg, the chart
 * itself as an image with its title, source and dates drawn in (src/views/chart-share.ts).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { canonicalOrigin } from "../src/lib/origin.ts";
import { XLSX_TYPE } from "../src/lib/xlsx.ts";
import { chartXlsx } from "../src/services/xlsx-export.ts";
import { chartImageSvg } from "../src/views/chart-share.ts";
import { figuresFor, loadRegionData, resolvePeriod } from "../src/services/region-report.ts";
import { CHART_IDS, chartTableCsv, regionCharts } from "../src/views/region-charts.ts";
import { ApiError } from "./api-error.ts";
import { BomQuery, CodeParam, PeriodSchema, ERROR_RESPONSES, TableLangQuery } from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const charts = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });

const FILE_PATTERN = new RegExp(`^(${CHART_IDS.join("|")})\\.(csv|json|xlsx|svg)$`);

const route = createRoute({
  method: "get",
  path: "/{code}/charts/{file}",
  summary:
    "The table behind one chart of a region page, as CSV, JSON or XLSX; or the chart as an SVG image",
  request: {
    params: CodeParam.extend({
      file: z
        .string()
        .regex(FILE_PATTERN, {
          error: `must be one of ${CHART_IDS.join(", ")} followed by .csv, .json, .xlsx or .svg`,
        })
        .openapi({ param: { name: "file", in: "path" }, example: "income.csv" }),
    }),
    query: z.object({
      period: PeriodSchema.optional().openapi({ param: { name: "period", in: "query" } }),
      lang: TableLangQuery,
      bom: BomQuery,
    }),
  },
  responses: {
    200: {
      description:
        "The chart's table. XLSX: a header row (frozen), money as whole yuan shown in 万元 " +
        '(0"."0000"万元"; lang=en "¥"#,##0), ratios shown as percentages, and an About sheet ' +
        "(说明 / About) with the definition, source, data version, licence and citation.",
      content: {
        "text/csv": { schema: z.string() },
        [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
        "image/svg+xml": {
          schema: z.string().openapi({
            description:
              "SVG: the chart as the page draws it (axes, gridlines, legend), with its title, " +
              "the period and data date, and the source line (site, page, licence) drawn in.",
          }),
        },
        "application/json": {
          schema: z.object({
            region: z.string(),
            chart: z.string(),
            period: z.string(),
            columns: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string() })),
            rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
          }),
        },
      },
    },
    ...ERROR_RESPONSES,
  },
});

charts.openapi(route, async (c) => {
  const { code, file } = c.req.valid("param");
  const { period, lang, bom } = c.req.valid("query");
  const [chartId, format] = file.split(".") as [string, "csv" | "json" | "xlsx" | "svg"];
  const data = await loadRegionData(c.env.DB, code);
  const shown = resolvePeriod(data, period);
  const chart = shown
    ? regionCharts(data, figuresFor(data, shown), lang).find((x) => x.id === chartId)
    : null;
  if (!chart || !shown) {
    throw new ApiError(
      404,
      `${data.region.name} (${code}) has no ${chartId} chart.`,
      `${data.region.name}（${code}）没有这张图。`,
    );
  }
  c.header("Cache-Control", "public, max-age=300");
  const name = `${code}-${chartId}-${shown}`;
  if (format === "svg") {
    // The image the page's chart is, drawn on the server; its source line names the chart's
    // page at the canonical origin.
    const svg = chartImageSvg({
      lang,
      code,
      regionName: data.region.name,
      chart,
      period: shown,
      origin: canonicalOrigin(c.env),
      updatedAt: data.meta.lastUpdated,
      sampleData: data.meta.sampleData,
    });
    const suffix = lang === "en" ? "-en" : "";
    return c.body(svg, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="${name}${suffix}.svg"`,
    });
  }
  if (format === "xlsx") {
    const url = new URL(c.req.url);
    const origin = canonicalOrigin(c.env);
    const bytes = await chartXlsx({
      chart,
      region: { code, name: data.region.name },
      period: shown,
      version: {
        release: "live",
        asOf: null,
        dataUpdatedAt: data.meta.lastUpdated,
        sampleData: data.meta.sampleData,
      },
      source: { origin, url: `${origin}${url.pathname}${url.search}` },
      lang,
    });
    const suffix = lang === "en" ? "-en" : "";
    return c.body(bytes, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${name}${suffix}.xlsx"`,
      "Content-Length": String(bytes.byteLength),
    });
  }
  if (format === "json") {
    return c.json(
      {
        region: code,
        chart: chartId,
        period: shown,
        columns: chart.table.columns,
        rows: chart.table.rows,
      },
      200,
    );
  }
  return c.body(chartTableCsv(chart.table, bom === "1"), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}.csv"`,
  });
});
