/**
 * How large one dataset download may be, and the problem that says so: a CSV streams at
 * most EXPORT_MAX_ROWS rows, an XLSX holds at most XLSX_MAX_CELLS cells (it is built whole
 * in memory); a larger cut gets 400 export-too-large with where to find it instead.
 */
import { latestBuiltRelease } from "../src/db/bulk-files.ts";
import { EXPORT_MAX_ROWS, XLSX_MAX_CELLS, xlsxMaxRows } from "../src/lib/api-limits.ts";
import type { DatasetDef } from "../src/lib/datasets.ts";
import { bulkPath } from "../src/services/bulk-writer.ts";
import { ApiError } from "./api-error.ts";

/**
 * The most rows one CSV request streams (EXPORT_MAX_ROWS, default 500,000): the request
 * reads them twice in keyset pages of EXPORT_PAGE_ROWS (measuring, then sending), about
 * 500 D1 queries, within the 1,000 a request may make.
 */
export function exportMaxRows(env: Pick<Env, "EXPORT_MAX_ROWS">): number {
  const configured = Number(env.EXPORT_MAX_ROWS);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : EXPORT_MAX_ROWS;
}

/**
 * The most rows of `def` one XLSX download holds: the cell budget XLSX_MAX_CELLS
 * (src/lib/api-limits.ts, or the optional wrangler var of that name) over its columns.
 */
export function xlsxRowLimit(env: Env & { XLSX_MAX_CELLS?: string }, def: DatasetDef): number {
  const configured = Number(env.XLSX_MAX_CELLS);
  const cells = Number.isSafeInteger(configured) && configured > 0 ? configured : XLSX_MAX_CELLS;
  return xlsxMaxRows(def.fields.length, cells);
}

/**
 * A cut larger than one request streams: 400 export-too-large, with the address of the
 * release's bulk file (the newest release whose files are written, for live data).
 */
export async function exportTooLarge(
  db: D1Database,
  def: DatasetDef,
  release: string,
  maxRows: number,
): Promise<ApiError> {
  const period = release === "live" ? await latestBuiltRelease(db) : release;
  const file = period ? bulkPath(period, def.name) : null;
  const where = file ?? "/data";
  const count = maxRows.toLocaleString("en-US");
  return new ApiError(
    400,
    `This CSV cut of ${def.name} has more than ${count} rows, more than one request streams. Narrow it with region (a city or county), from and to, or download the release's whole dataset as one file: ${where}.`,
    `所选 ${def.name} 数据超过 ${count} 行，超出单次请求可导出的上限。请用 region（市或县）、from、to 缩小范围，或下载该次发布的全量文件：${where}。`,
    {
      errors: [{ parameter: "region", message: `the cut has more than ${count} rows` }],
      type: { slug: "export-too-large", title: "Export too large" },
      members: { max_rows: maxRows, ...(file ? { bulk_file: file } : {}) },
    },
  );
}

/**
 * An XLSX cut larger than one workbook holds (`maxRows` of this dataset): 400
 * export-too-large, with the same cut as CSV (csv_file, with a BOM for Excel and WPS) and
 * the release's bulk file.
 */
export async function xlsxTooLarge(
  db: D1Database,
  def: DatasetDef,
  q: { region?: string; from?: string; to?: string; release?: string },
  release: string,
  maxRows: number,
): Promise<ApiError> {
  const period = release === "live" ? await latestBuiltRelease(db) : release;
  const file = period ? bulkPath(period, def.name) : null;
  const cut = new URLSearchParams();
  for (const key of ["region", "from", "to", "release"] as const) {
    if (q[key]) cut.set(key, q[key]);
  }
  cut.set("bom", "1");
  const csv = `/api/v1/datasets/${def.name}.csv?${cut}`;
  const count = maxRows.toLocaleString("en-US");
  const bulk = file ? `, or the release's whole dataset as one file: ${file}` : "";
  const bulkZh = file ? `，或下载该次发布的全量文件：${file}` : "";
  return new ApiError(
    400,
    `This XLSX cut of ${def.name} has more than ${count} rows, more than one workbook holds (it is built whole in memory). Narrow it with region, from and to, or download the same cut as CSV, which opens in Excel and WPS too: ${csv}${bulk}.`,
    `所选 ${def.name} 数据超过 ${count} 行，超出单个 XLSX 文件的上限（文件要在内存中整体生成）。请用 region、from、to 缩小范围，或下载同样范围的 CSV（也可用 Excel、WPS 打开）：${csv}${bulkZh}。`,
    {
      errors: [{ parameter: "region", message: `the cut has more than ${count} rows` }],
      type: { slug: "export-too-large", title: "Export too large" },
      members: { max_rows: maxRows, csv_file: csv, ...(file ? { bulk_file: file } : {}) },
    },
  );
}
