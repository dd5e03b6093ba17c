/**
 * /api/v1/regions/{code}/charts/{chart}.csv|json: the table behind each chart on a region
 * page, built by the same view code as the page, so a download holds exactly the figures
 * shown (money as whole yuan, ratios as fractions).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { toCsv } from "../src/lib/csv.ts";
import { LANGS } from "../src/lib/i18n.ts";
import { figuresFor, loadRegionData, resolvePeriod } from "../src/services/region-report.ts";
import { CHART_IDS, regionCharts } from "../src/views/region-charts.ts";
import { ApiError } from "./api-error.ts";
import { CodeParam, PeriodSchema, ERROR_RESPONSES } from "./schemas.ts";
import { validationHook } from "./validation.ts";

export const charts = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });

const FILE_PATTERN = new RegExp(`^(${CHART_IDS.join("|")})\\.(csv|json)$`);

const route = createRoute({
  method: "get",
  path: "/{code}/charts/{file}",
  summary: "The table behind one chart of a region page, as CSV or JSON",
  request: {
    params: CodeParam.extend({
      file: z
        .string()
        .regex(FILE_PATTERN, {
          error: `must be one of ${CHART_IDS.join(", ")} followed by .csv or .json`,
        })
        .openapi({ param: { name: "file", in: "path" }, example: "income.csv" }),
    }),
    query: z.object({
      period: PeriodSchema.optional().openapi({ param: { name: "period", in: "query" } }),
      lang: z
        .enum(LANGS)
        .default("zh")
        .openapi({ param: { name: "lang", in: "query" } }),
      bom: z
        .enum(["0", "1"])
        .default("0")
        .openapi({
          param: { name: "bom", in: "query" },
          description: "1 adds a UTF-8 byte-order mark for Excel and WPS.",
        }),
    }),
  },
  responses: {
    200: {
      description: "The chart's table",
      content: {
        "text/csv": { schema: z.string() },
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
  const [chartId, format] = file.split(".") as [string, "csv" | "json"];
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
  const header = chart.table.columns.map((col) =>
    col.unit === "money" ? `${col.label} (yuan)` : col.label,
  );
  return c.body(toCsv(header, chart.table.rows, bom === "1"), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}.csv"`,
  });
});
