/**
 * /api/v1/datasets: the open datasets, listed, and each as CSV (streamed), JSON (paged
 * with a cursor) or XLSX (a workbook of at most XLSX_MAX_CELLS cells), filtered by region
 * subtree, period range and release.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { findRegion } from "../src/db/regions.ts";
import { keyLength, readPage, type Cursor, type DatasetFilters } from "../src/db/datasets.ts";
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
import { canonicalOrigin } from "../src/lib/origin.ts";
import { XLSX_TYPE } from "../src/lib/xlsx.ts";
import { regionNotFound } from "../src/lib/errors.ts";
import {
  csvStream,
  exportSize,
  exportSizeKey,
  ExportChangedError,
  type ExportSize,
  type ExportSizeKey,
} from "../src/services/dataset-export.ts";
import { datasetXlsx } from "../src/services/xlsx-export.ts";
import { configuredDeadlineDay } from "../src/services/reporting-deadline.ts";
import {
  CACHE_HEADERS,
  CsvQuery,
  DATASET_ERRORS,
  DatasetListResponse,
  JsonQuery,
  XlsxQuery,
} from "./dataset-schemas.ts";
import { ApiError } from "./api-error.ts";
import {
  afterValidation,
  dataVersion,
  releaseQuery,
  versionStamp,
  type DataVersion,
  type VersionEnv,
} from "./http-cache.ts";
import { documentDatasetFiles } from "./dataset-docs.ts";
import { exportMaxRows, exportTooLarge, xlsxRowLimit, xlsxTooLarge } from "./export-limits.ts";
import { rateLimit } from "./rate-limit.ts";
import { invalidRequest, validationHook } from "./validation.ts";

/** A dataset file request, as readDownload checked it. */
interface Download {
  def: DatasetDef;
  format: "csv" | "json" | "xlsx";
  query: z.infer<typeof JsonQuery> & z.infer<typeof CsvQuery> & z.infer<typeof XlsxQuery>;
  /** The JSON page's cursor (the key of the last row before it), or null for the first. */
  after: Cursor | null;
}

type DownloadEnv = { Bindings: Env; Variables: VersionEnv["Variables"] & { download: Download } };

export const datasets = new OpenAPIHono<VersionEnv>({ defaultHook: validationHook });
/** The file routes: plain Hono, with middleware in the order of their checks. */
const files = new Hono<DownloadEnv>();

/** A request the data cannot answer as asked: a 400 naming the parameter and why. */
function badParameter(parameter: string, message: string, messageZh: string): ApiError {
  return new ApiError(400, `${parameter}: ${message}`, `参数有误：${parameter}：${messageZh}`, {
    errors: [{ parameter, message }],
  });
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
    429: DATASET_ERRORS[429],
  },
});

datasets.openapi(
  listRoute,
  afterValidation<typeof listRoute>(dataVersion(), async (c) =>
    c.json(
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
          xlsx: `/api/v1/datasets/${d.name}.xlsx`,
          xlsx_max_rows: xlsxRowLimit(c.env, d),
        })),
        licence: LICENCE.name,
        page_size: { ...PAGE_SIZE },
        ...info(c.get("dataVersion")),
      },
      200,
    ),
  ),
);

/** Checks the filters against the dataset and the data: a 400 ApiError, or a 404 region. */
async function checkFilters(
  db: D1Database,
  def: DatasetDef,
  q: { region?: string; from?: string; to?: string; release?: string },
): Promise<void> {
  if ((q.from || q.to) && !def.periodFilter) {
    const which = q.from ? "from" : "to";
    throw badParameter(
      which,
      `the dataset ${def.name} has no period, so from and to do not apply`,
      `数据集 ${def.name} 没有统计期，不能按 from/to 筛选`,
    );
  }
  if (q.from && q.to && q.from > q.to) {
    throw badParameter(
      "from",
      `from (${q.from}) is after to (${q.to})`,
      `起始期 ${q.from} 晚于截止期 ${q.to}`,
    );
  }
  if (q.region && !def.regionFilter) {
    throw badParameter(
      "region",
      `the dataset ${def.name} has no region, so region does not apply`,
      `数据集 ${def.name} 不分地区，不能按 region 筛选`,
    );
  }
  if (q.region && !(await findRegion(db, q.region))) {
    throw regionNotFound(q.region);
  }
}

/**
 * File name for Content-Disposition: dataset, region, release (and period range); an
 * English workbook ends in "_en" so that it does not overwrite the Chinese one.
 */
export function downloadName(
  name: string,
  q: { region?: string; from?: string; to?: string; lang?: string },
  release: string,
  extension: "csv" | "xlsx" = "csv",
): string {
  const range = q.from || q.to ? `_${q.from ?? "start"}-to-${q.to ?? "end"}` : "";
  const version = release === "live" ? "latest" : `release-${release}`;
  const lang = extension === "xlsx" && q.lang === "en" ? "_en" : "";
  return `${name}_${q.region ?? "all-regions"}${range}_${version}${lang}.${extension}`;
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
  throw badParameter(
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
  c: Context<DownloadEnv>,
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

documentDatasetFiles(datasets.openAPIRegistry);

/** The filters of a download: its query's cut, as of the version's release. */
function filtersOf(q: Download["query"], version: DataVersion): DatasetFilters {
  return {
    region: q.region,
    from: q.from,
    to: q.to,
    asOf: version.asOf ?? undefined,
    deadlineDay: configuredDeadlineDay(),
  };
}

/**
 * Middleware: what a file request asks for, checked before any data version is read: the
 * dataset (404), the query (400 naming each parameter), the filters against the dataset
 * and the data (400, or 404 for an unknown region) and the JSON page's cursor (400).
 */
const readDownload: MiddlewareHandler<DownloadEnv> = async (c, next) => {
  const file = c.req.param("file") ?? "";
  const dot = file.lastIndexOf(".");
  const name = file.slice(0, dot);
  const extension = file.slice(dot + 1);
  const format = extension === "csv" || extension === "xlsx" ? extension : "json";
  const def = findDataset(name);
  if (!def) {
    throw new ApiError(
      404,
      `No dataset named ${name}; the datasets are ${DATASETS.map((d) => d.name).join(", ")}.`,
      `没有名为 ${name} 的数据集；现有数据集：${DATASETS.map((d) => d.name).join("、")}。`,
    );
  }
  const schema = format === "csv" ? CsvQuery : format === "xlsx" ? XlsxQuery : JsonQuery;
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalidRequest(parsed.error.issues, "query");
  const query = parsed.data as Download["query"];
  await checkFilters(c.env.DB, def, query);
  const after = format === "json" && query.cursor ? decodeCursor(def.name, query.cursor) : null;
  c.set("download", { def, format, query, after });
  await next();
};

files.get(
  "/:file{[^/]+\\.(?:csv|json)}",
  rateLimit("downloads"),
  readDownload,
  dataVersion(releaseQuery),
  async (c) => {
    const { def, format, query: q, after } = c.get("download");
    const version = c.get("dataVersion");
    const filters = filtersOf(q, version);
    if (format === "csv") {
      const bom = q.bom === "1";
      const key = exportSizeKey(def.name, { ...q, bom }, versionStamp(version));
      const cached = await readExportSize(c.env.DB, key);
      const maxRows = exportMaxRows(c.env);
      const rows = cached?.rows ?? (await countRowsUpTo(c.env.DB, def, filters, maxRows));
      if (rows > maxRows) throw await exportTooLarge(c.env.DB, def, version.release, maxRows);
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
  },
);

/**
 * A dataset cut as an XLSX workbook (src/services/xlsx-export.ts): counted first, so that
 * a cut of more rows than the dataset's XLSX limit is refused before any is read; built whole,
 * so it declares its size and row count as the CSV does. HEAD builds nothing.
 */
files.get(
  "/:file{[^/]+\\.xlsx}",
  rateLimit("downloads"),
  readDownload,
  dataVersion(releaseQuery),
  async (c) => {
    const { def, query: q } = c.get("download");
    const version = c.get("dataVersion");
    const filters = filtersOf(q, version);
    const maxRows = xlsxRowLimit(c.env, def);
    const counted = await countRowsUpTo(c.env.DB, def, filters, maxRows);
    if (counted > maxRows) throw await xlsxTooLarge(c.env.DB, def, q, version.release, maxRows);
    c.header("Content-Type", XLSX_TYPE);
    c.header(
      "Content-Disposition",
      `attachment; filename="${downloadName(def.name, q, version.release, "xlsx")}"`,
    );
    if (c.req.method === "HEAD") return c.body(null);
    const url = new URL(c.req.url);
    const origin = canonicalOrigin(c.env);
    const book = await datasetXlsx(c.env.DB, {
      def,
      filters,
      version,
      source: { origin, url: `${origin}${url.pathname}${url.search}` },
      lang: q.lang,
      maxRows,
    });
    if (!book) throw await xlsxTooLarge(c.env.DB, def, q, version.release, maxRows);
    c.header("Content-Length", String(book.bytes.byteLength));
    c.header("X-Row-Count", String(book.rows));
    return c.body(book.bytes);
  },
);

datasets.route("/", files);
