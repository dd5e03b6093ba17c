/**
 * /api/v1/datasets: the open datasets, listed, and each as CSV (streamed) or JSON (paged
 * with a cursor), filtered by region subtree, period range and release.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findRegion } from "../src/db/regions.ts";
import { keyLength, readPage, type Cursor, type DatasetFilters } from "../src/db/datasets.ts";
import { latestBuiltRelease } from "../src/db/bulk-files.ts";
import { countRowsUpTo } from "../src/db/dataset-count.ts";
import { deleteExportSize, readExportSize } from "../src/db/export-sizes.ts";
import {
  DATASETS,
  findDataset,
  LICENCE,
  PAGE_SIZE,
  UNITS_EN,
  type DatasetDef,
} from "../src/lib/datasets.ts";
import { EXPORT_MAX_ROWS } from "../src/lib/api-limits.ts";
import { regionNotFound } from "../src/lib/errors.ts";
import { bulkPath } from "../src/services/bulk-writer.ts";
import {
  csvStream,
  exportSize,
  exportSizeKey,
  ExportChangedError,
  type ExportSize,
  type ExportSizeKey,
} from "../src/services/dataset-export.ts";
import {
  CACHE_HEADERS,
  CsvQuery,
  DATASET_PROBLEMS,
  DatasetListResponse,
  DatasetNameParam,
  DatasetPageResponse,
  JsonQuery,
} from "./dataset-schemas.ts";
import {
  cacheOrNotModified,
  resolveVersion,
  versionStamp,
  type DataVersion,
} from "./http-cache.ts";
import { problem } from "./problem.ts";
import { rateLimit } from "./rate-limit.ts";
import { validationHook } from "./validation.ts";

export const datasets = new OpenAPIHono<{ Bindings: Env }>({ defaultHook: validationHook });

/** A request the data cannot answer as asked: a 400 with its reason. */
class BadParameter extends Error {
  readonly parameter: string;
  readonly messageZh: string;

  constructor(parameter: string, message: string, messageZh: string) {
    super(message);
    this.parameter = parameter;
    this.messageZh = messageZh;
  }
}

function info(version: DataVersion) {
  return {
    release: version.release,
    release_published_at: version.releasePublishedAt,
    data_updated_at: version.dataUpdatedAt,
    sample_data: version.sampleData,
  };
}

const listRoute = createRoute({
  method: "get",
  path: "/",
  summary: "The datasets, their fields and formats",
  responses: {
    200: {
      description: "Every dataset with its documented fields and download URLs",
      headers: CACHE_HEADERS,
      content: { "application/json": { schema: DatasetListResponse } },
    },
    304: { description: "Not modified (If-None-Match matched the ETag)." },
    429: DATASET_PROBLEMS[429],
  },
});

datasets.openapi(listRoute, async (c) => {
  const version = await resolveVersion(c.env.DB, undefined);
  const notModified = await cacheOrNotModified(c, version);
  if (notModified) return notModified as never;
  return c.json(
    {
      datasets: DATASETS.map((d) => ({
        name: d.name,
        title: d.title,
        title_en: d.titleEn,
        description: d.description,
        description_en: d.descriptionEn,
        versioning: d.versioning,
        period_filter: d.periodFilter,
        period_filter_en: d.periodFilterEn,
        region_filter: d.regionFilter,
        update_schedule: d.updateSchedule,
        update_schedule_en: d.updateScheduleEn,
        primary_key: [...d.primaryKey],
        fields: d.fields.map((f) => ({
          name: f.name,
          type: f.type,
          title: f.title,
          description: f.description,
          title_en: f.titleEn,
          description_en: f.descriptionEn,
          ...(f.unit ? { unit: f.unit, unit_en: UNITS_EN[f.unit] } : {}),
        })),
        csv: `/api/v1/datasets/${d.name}.csv`,
        json: `/api/v1/datasets/${d.name}.json`,
      })),
      licence: LICENCE.name,
      page_size: { ...PAGE_SIZE },
      ...info(version),
    },
    200,
  );
});

/** Checks the filters against the dataset and the data; throws BadParameter or NotFoundError. */
async function checkFilters(
  db: D1Database,
  def: DatasetDef,
  q: { region?: string; from?: string; to?: string; release?: string },
): Promise<void> {
  if ((q.from || q.to) && !def.periodFilter) {
    const which = q.from ? "from" : "to";
    throw new BadParameter(
      which,
      `the dataset ${def.name} has no period, so from and to do not apply`,
      `数据集 ${def.name} 没有统计期，不能按 from/to 筛选`,
    );
  }
  if (q.from && q.to && q.from > q.to) {
    throw new BadParameter(
      "from",
      `from (${q.from}) is after to (${q.to})`,
      `起始期 ${q.from} 晚于截止期 ${q.to}`,
    );
  }
  if (q.region && !def.regionFilter) {
    throw new BadParameter(
      "region",
      `the dataset ${def.name} has no region, so region does not apply`,
      `数据集 ${def.name} 不分地区，不能按 region 筛选`,
    );
  }
  if (q.region && !(await findRegion(db, q.region))) {
    throw regionNotFound(q.region);
  }
}

function badParameter(c: Context, error: BadParameter): Response {
  return problem(
    c,
    400,
    `${error.parameter}: ${error.message}`,
    `参数有误：${error.parameter}：${error.messageZh}`,
    [{ parameter: error.parameter, message: error.message }],
  );
}

function zodProblem(c: Context, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const errors = issues.map((i) => ({
    parameter: i.path.join(".") || "query",
    message: i.message,
  }));
  const detail = errors.map((e) => `${e.parameter}: ${e.message}`).join("; ");
  return problem(c, 400, detail, `参数有误：${detail}`, errors);
}

/** File name for Content-Disposition: dataset, region, release (and period range). */
export function downloadName(
  name: string,
  q: { region?: string; from?: string; to?: string },
  release: string,
): string {
  const range = q.from || q.to ? `_${q.from ?? "start"}-to-${q.to ?? "end"}` : "";
  const version = release === "live" ? "latest" : `release-${release}`;
  return `${name}_${q.region ?? "all-regions"}${range}_${version}.csv`;
}

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeCursor(name: string, text: string): Cursor {
  try {
    const json = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    const value: unknown = JSON.parse(json);
    if (
      Array.isArray(value) &&
      value.length === keyLength(name) &&
      value.every((v) => typeof v === "string" || typeof v === "number")
    ) {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadParameter(
    "cursor",
    "is not a cursor of this dataset; use next_cursor from the previous page",
    "不是本数据集的分页游标；请使用上一页返回的 next_cursor",
  );
}

/**
 * The CSV body with its length declared: csvStream piped through a FixedLengthStream of the
 * measured size, so that the response carries Content-Length. A body that ends short of it
 * is an incomplete transfer for HTTP clients (curl exits 18, Chromium fails the download,
 * Python's urlopen().read() raises IncompleteRead and urlretrieve ContentTooShortError),
 * whereas an errored chunked body is ended like a whole one by workerd
 * (cloudflare/workerd#6818; a Content-Length header alone does not help: workerd then still
 * sends the stream chunked). It ends short when a D1 read fails part-way, and also when the
 * export comes out at another size than measured (live data changed by an upload between
 * the two passes, or a wrong cached size): csvStream then errors before sending more than
 * declared, so that download fails detectably, and the cached size is deleted so that the
 * next request measures again.
 */
function fixedLengthCsv(
  c: Context<{ Bindings: Env }>,
  def: DatasetDef,
  filters: DatasetFilters,
  key: ExportSizeKey,
  size: ExportSize,
  bom: boolean,
): ReadableStream<Uint8Array> {
  const db = c.env.DB;
  const body = new FixedLengthStream(size.bytes);
  // Not awaited: the pipe runs as the client reads. A source error aborts the writable side
  // (pipeTo does, and so does the catch, in case the pipe failed otherwise), so the body
  // stops short instead of closing; a client that goes away cancels it the same way.
  const piped = csvStream(db, def, filters, { bom, expected: size })
    .pipeTo(body.writable)
    .catch(async (error: unknown) => {
      console.error(
        "CSV download did not complete",
        { dataset: def.name, ...key, declared: size },
        error,
      );
      await body.writable.abort(error).catch(() => {});
      if (error instanceof ExportChangedError) {
        await deleteExportSize(db, key).catch((e: unknown) =>
          console.error("Could not delete a wrong export size", key, e),
        );
      }
    });
  c.executionCtx.waitUntil(piped);
  return body.readable;
}

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
 * A cut larger than one request streams: 400 export-too-large, with the address of the
 * release's bulk file (the newest release whose files are written, for live data).
 */
async function exportTooLarge(
  c: Context<{ Bindings: Env }>,
  def: DatasetDef,
  release: string,
  maxRows: number,
): Promise<Response> {
  const period = release === "live" ? await latestBuiltRelease(c.env.DB) : release;
  const file = period ? bulkPath(period, def.name) : null;
  const where = file ?? "/data";
  const count = maxRows.toLocaleString("en-US");
  return problem(
    c,
    400,
    `This CSV cut of ${def.name} has more than ${count} rows, more than one request streams. Narrow it with region (a city or county), from and to, or download the release's whole dataset as one file: ${where}.`,
    `所选 ${def.name} 数据超过 ${count} 行，超出单次请求可导出的上限。请用 region（市或县）、from、to 缩小范围，或下载该次发布的全量文件：${where}。`,
    [{ parameter: "region", message: `the cut has more than ${count} rows` }],
    {
      slug: "export-too-large",
      title: "Export too large",
      members: { max_rows: maxRows, ...(file ? { bulk_file: file } : {}) },
    },
  );
}

/** Documentation of the two file routes; the handlers below match the file extension. */
for (const format of ["csv", "json"] as const) {
  datasets.openAPIRegistry.registerPath({
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
      ...DATASET_PROBLEMS,
    },
  });
}

datasets.get("/:file{[^/]+\\.(?:csv|json)}", rateLimit("downloads"), async (c) => {
  const file = c.req.param("file");
  const dot = file.lastIndexOf(".");
  const [name, format] = [file.slice(0, dot), file.slice(dot + 1)];
  const def = findDataset(name);
  if (!def) {
    return problem(
      c,
      404,
      `No dataset named ${name}; the datasets are ${DATASETS.map((d) => d.name).join(", ")}.`,
      `没有名为 ${name} 的数据集；现有数据集：${DATASETS.map((d) => d.name).join("、")}。`,
    );
  }
  const parsed = (format === "csv" ? CsvQuery : JsonQuery).safeParse(c.req.query());
  if (!parsed.success) return zodProblem(c, parsed.error.issues);
  const q = parsed.data as z.infer<typeof JsonQuery> & z.infer<typeof CsvQuery>;
  try {
    await checkFilters(c.env.DB, def, q);
    const version = await resolveVersion(c.env.DB, q.release);
    const after = format === "json" && q.cursor ? decodeCursor(def.name, q.cursor) : null;
    const notModified = await cacheOrNotModified(c, version);
    if (notModified) return notModified;
    const filters: DatasetFilters = {
      region: q.region,
      from: q.from,
      to: q.to,
      asOf: version.asOf ?? undefined,
    };
    if (format === "csv") {
      const bom = q.bom === "1";
      const key = exportSizeKey(def.name, { ...q, bom }, versionStamp(version));
      const cached = await readExportSize(c.env.DB, key);
      const maxRows = exportMaxRows(c.env);
      const rows = cached?.rows ?? (await countRowsUpTo(c.env.DB, def, filters, maxRows));
      if (rows > maxRows) return exportTooLarge(c, def, version.release, maxRows);
      // Measured by a first pass over the export unless this export of this data version was
      // measured before (export_sizes): the response below declares it.
      const size = cached ?? (await exportSize(c.env.DB, def, filters, key, { bom }));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header(
        "Content-Disposition",
        `attachment; filename="${downloadName(def.name, q, version.release)}"`,
      );
      c.header("Content-Length", String(size.bytes));
      c.header("X-Row-Count", String(size.rows));
      if (c.req.method === "HEAD") return c.body(null);
      return c.body(fixedLengthCsv(c, def, filters, key, size, bom));
    }
    const page = await readPage(c.env.DB, def, filters, after, q.limit);
    const nextCursor = page.next ? encodeCursor(page.next) : null;
    let next: string | null = null;
    if (nextCursor) {
      const url = new URL(c.req.url);
      url.searchParams.set("cursor", nextCursor);
      next = `${url.pathname}${url.search}`;
    }
    return c.json({
      dataset: def.name,
      ...info(version),
      licence: LICENCE.name,
      filters: { region: q.region ?? null, from: q.from ?? null, to: q.to ?? null },
      fields: def.fields.map((f) => f.name),
      limit: q.limit,
      rows: page.rows,
      next_cursor: nextCursor,
      next,
    });
  } catch (error) {
    if (error instanceof BadParameter) return badParameter(c, error);
    throw error;
  }
});
