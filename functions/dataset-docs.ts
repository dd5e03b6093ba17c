/**
 * The OpenAPI documentation of the dataset file routes (/{name}.csv, .json and .xlsx),
 * which functions/datasets.ts serves as plain Hono routes matched by file extension.
 */
import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { XLSX_MAX_CELLS, xlsxMaxRows } from "../src/lib/api-limits.ts";
import { DATASETS, PAGE_SIZE } from "../src/lib/datasets.ts";
import { XLSX_TYPE } from "../src/lib/xlsx.ts";
import {
  CACHE_HEADERS,
  CsvQuery,
  DATASET_ERRORS,
  DatasetNameParam,
  DatasetPageResponse,
  JsonQuery,
  XlsxQuery,
} from "./dataset-schemas.ts";

/** Registers the three file routes' documentation. */
export function documentDatasetFiles(registry: OpenAPIHono["openAPIRegistry"]): void {
  for (const format of ["csv", "json"] as const) {
    registry.registerPath({
      method: "get",
      path: `/{name}.${format}`,
      summary:
        format === "csv"
          ? "A dataset as CSV, streamed (UTF-8, RFC 4180, header row of field names)"
          : `A dataset as JSON, one page of at most ${PAGE_SIZE.max} rows with a cursor to the next`,
      request: { params: DatasetNameParam, query: format === "csv" ? CsvQuery : JsonQuery },
      responses: {
        200: {
          description:
            format === "csv"
              ? "The whole dataset (filtered). Money in whole yuan, numbers plain, codes as text; " +
                "text cells starting with = + - @ tab or CR are prefixed with an apostrophe. " +
                "Streamed with its size declared (Content-Length, measured before the first " +
                "download of each export and data version) and its row count (X-Row-Count): a " +
                "download that fails part-way ends short of Content-Length, which HTTP clients " +
                "report as an incomplete transfer."
              : "One page of rows, keyed by field name.",
          headers:
            format === "csv"
              ? CACHE_HEADERS.extend({
                  "Content-Disposition": z.string(),
                  "Content-Length": z.string().openapi({
                    description:
                      "The size of the file in bytes (UTF-8, with the BOM when bom=1). A body " +
                      "shorter than this is an incomplete download: discard it.",
                  }),
                  "X-Row-Count": z.string().openapi({
                    description:
                      "The number of data rows in the file (the header row not counted), to " +
                      "check a parsed download against.",
                  }),
                })
              : CACHE_HEADERS,
          content:
            format === "csv"
              ? { "text/csv": { schema: z.string() } }
              : { "application/json": { schema: DatasetPageResponse } },
        },
        304: { description: "Not modified (If-None-Match matched the ETag)." },
        ...DATASET_ERRORS,
      },
    });
  }

  /** Each dataset's row limit as an XLSX download, for the documentation. */
  const XLSX_LIMITS = DATASETS.map(
    (d) => `${d.name} ${xlsxMaxRows(d.fields.length).toLocaleString("en-US")}`,
  ).join(", ");

  registry.registerPath({
    method: "get",
    path: "/{name}.xlsx",
    summary: "A dataset as an Excel workbook (XLSX), of a bounded size",
    description:
      "The same rows and values as the CSV of the same cut, for people who open it in Excel, " +
      "WPS or LibreOffice. Sheet 1 (数据 / Data): a header row of column labels, frozen, then " +
      "one row per record. Codes are text cells (never 4.50422E+11); money is the CSV's whole " +
      'yuan as numbers, shown in 万元 by the number format 0"."0000"万元" (lang=en: "¥"#,##0); ' +
      "ratios are fractions shown as percentages (0.0%); dates are date cells; periods and " +
      "times are text. Sheet 2 (说明 / About): contents, filters, rows, the release (or live " +
      "data and its version), source, address, licence, citation and each column's name, " +
      "label, unit and definition. The workbook is built whole in memory, so it holds at most " +
      `${XLSX_MAX_CELLS.toLocaleString("en-US")} cells (XLSX_MAX_CELLS): rows × the dataset's ` +
      `columns, rounded down to whole thousands of rows: ${XLSX_LIMITS}. A larger cut is ` +
      "refused with 400 #problem-export-too-large, whose max_rows is that dataset's limit, " +
      "csv_file the same cut as CSV (which streams up to EXPORT_MAX_ROWS rows) and bulk_file " +
      "the release's whole dataset.",
    request: { params: DatasetNameParam, query: XlsxQuery },
    responses: {
      200: {
        description: "The workbook.",
        headers: CACHE_HEADERS.extend({
          "Content-Disposition": z.string().openapi({
            description: "attachment; the CSV's file name with .xlsx (…_en.xlsx for lang=en).",
          }),
          "X-Row-Count": z.string().openapi({
            description: "The number of data rows in the workbook (the header row not counted).",
          }),
        }),
        content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
      },
      304: { description: "Not modified (If-None-Match matched the ETag)." },
      ...DATASET_ERRORS,
    },
  });
}
