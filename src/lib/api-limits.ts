/**
 * The public API's documented limits, shared by the rate limiter (functions/rate-limit.ts),
 * the OpenAPI document and the pages that describe them. They must equal the
 * [[ratelimits]] entries in wrangler.toml.
 */
export const RATE_LIMITS = {
  api: { binding: "API_RATE_LIMIT", limit: 600, period: 60 },
  downloads: { binding: "DOWNLOAD_RATE_LIMIT", limit: 120, period: 60 },
} as const;

/**
 * The most rows one CSV request streams, unless EXPORT_MAX_ROWS in wrangler.toml says
 * otherwise (functions/datasets.ts exportMaxRows): larger cuts are bulk files.
 */
export const EXPORT_MAX_ROWS = 500_000;

/**
 * What one XLSX download may hold, in cells (rows × the dataset's columns). A workbook is
 * built whole in the Worker's memory (write-excel-file), and its memory and time grow with
 * its cells, so a wide dataset holds fewer rows than a narrow one. Measured with
 * scripts/bench-xlsx.ts (Node's V8 with a capped heap, and the built Worker in workerd):
 * 300,000 cells need about 56 MB of heap plus about 10 MB of sheet XML and take 1–1.5 s;
 * 550,000 cells (50,000 rows of village-income) need more than 64 MB, and 1,100,000
 * (100,000 rows) do not fit in 128 MB, an isolate's whole memory. Larger cuts are refused
 * with the address of the same cut as CSV, which streams.
 */
export const XLSX_MAX_CELLS = 300_000;

/**
 * The most rows of a dataset with `columns` columns that one XLSX download holds: the cell
 * budget divided by the columns, rounded down to a whole thousand (27,000 rows of an
 * 11-column dataset); under 1,000 (a tiny budget, in tests) not rounded.
 */
export function xlsxMaxRows(columns: number, maxCells: number = XLSX_MAX_CELLS): number {
  const rows = Math.max(1, Math.floor(maxCells / Math.max(1, columns)));
  return rows >= 1000 ? rows - (rows % 1000) : rows;
}
