/**
 * /data/bulk/{release}/{dataset}.csv.gz and /data/bulk/{release}/datapackage.json: a
 * release's bulk files, served from R2 as they were written (src/services/bulk-writer.ts).
 * A release is frozen, so they are cached for a year as immutable; they carry R2's ETag
 * (If-None-Match gives 304) and their length, and answer a single byte range (206, or 416
 * when it lies past the end; If-Range with another ETag gets the whole file). No D1 query.
 */
import { Hono, type Context } from "hono";
import { parse as parseRange, combineRanges } from "range-parser";
import { DATASETS, findDataset } from "../src/lib/datasets.ts";
import { bulkKey, bulkPackageKey } from "../src/services/bulk-writer.ts";
import { RELEASE_CACHE } from "./http-cache.ts";
import { ApiError } from "./api-error.ts";

export const bulk = new Hono<{ Bindings: Env }>();

const RELEASE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Does If-None-Match name this ETag? (weak comparison, RFC 9110 §13.1.2) */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * The one byte range to send: null for the whole file (no Range, a malformed or
 * multi-part one, or an If-Range naming another version), "unsatisfiable" for 416.
 */
function pickRange(
  c: Context,
  size: number,
  etag: string,
): { offset: number; length: number } | "unsatisfiable" | null {
  const header = c.req.header("Range");
  if (!header) return null;
  const ifRange = c.req.header("If-Range");
  // If-Range needs a strong match (RFC 9110 §13.1.5); a date is not trusted here.
  if (ifRange !== undefined && ifRange.trim() !== etag) return null;
  const parsed = parseRange(size, header);
  if (parsed.type !== "bytes" || parsed.code & 1) return null;
  const ranges = combineRanges(parsed.ranges);
  if (ranges.length === 0) return size === 0 ? null : "unsatisfiable";
  const [range] = ranges;
  if (!range || ranges.length > 1) return null;
  return { offset: range.start, length: range.end - range.start + 1 };
}

/** 404: no such bulk file, with the addresses that exist. */
function noBulkFile(release: string, file: string): ApiError {
  const names = DATASETS.map((d) => `${d.name}.csv.gz`);
  return new ApiError(
    404,
    `No bulk file ${file} for the release ${release}. Bulk files are written for each published release after its publication: /data/bulk/YYYY-MM/{dataset}.csv.gz, with the datasets ${names.join(", ")}, and datapackage.json.`,
    `没有 ${release} 月度发布的批量文件 ${file}。每次月度发布后会生成全部数据集的批量文件：/data/bulk/年-月/数据集名.csv.gz（${names.join("、")}）和 datapackage.json。`,
  );
}

bulk.on(["GET", "HEAD"], "/:release/:file", async (c) => {
  const { release, file } = c.req.param();
  const dataset = file.endsWith(".csv.gz") ? file.slice(0, -".csv.gz".length) : null;
  const known = dataset ? findDataset(dataset) : file === "datapackage.json";
  if (!RELEASE.test(release) || !known) throw noBulkFile(release, file);
  const key = dataset ? bulkKey(release, dataset) : bulkPackageKey(release);
  const head = await c.env.BULK.head(key);
  if (!head) throw noBulkFile(release, file);

  const headers = new Headers({
    "Cache-Control": RELEASE_CACHE,
    ETag: head.httpEtag,
    "Accept-Ranges": "bytes",
    "Access-Control-Allow-Origin": "*",
    "Last-Modified": head.uploaded.toUTCString(),
  });
  if (noneMatch(c.req.header("If-None-Match"), head.httpEtag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", dataset ? "application/gzip" : "application/json; charset=utf-8");
  if (dataset) {
    headers.set(
      "Content-Disposition",
      `attachment; filename="${dataset}_release-${release}.csv.gz"`,
    );
  }
  const range = pickRange(c, head.size, head.httpEtag);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${head.size}`);
    headers.delete("Content-Type");
    headers.delete("Content-Disposition");
    return new Response(null, { status: 416, headers });
  }
  const length = range ? range.length : head.size;
  headers.set("Content-Length", String(length));
  if (range) {
    headers.set(
      "Content-Range",
      `bytes ${range.offset}-${range.offset + range.length - 1}/${head.size}`,
    );
  }
  const status = range ? 206 : 200;
  if (c.req.method === "HEAD") return new Response(null, { status, headers });
  // The object read must be the one just described: a rebuild in between answers 412.
  const object = await c.env.BULK.get(key, {
    ...(range ? { range } : {}),
    onlyIf: { etagMatches: head.etag },
  });
  if (!object || !("body" in object)) {
    throw new ApiError(
      409,
      `The bulk file ${file} of ${release} was replaced while it was read; try again.`,
      `读取时 ${release} 的批量文件 ${file} 已被替换，请重试。`,
    );
  }
  return new Response(object.body, { status, headers });
});
