/**
 * Writes one dataset of a release to R2 as a gzipped CSV (UTF-8 with BOM), in chunks that
 * each fit one Workflow step: a step reads at most BULK_LIMITS.stepRows rows (keyset
 * pages of pageRows, so stepRows / pageRows D1 queries), gzips them as one gzip member,
 * and appends them to an R2 multipart upload.
 *
 * Why members and a carry: a step cannot hand a compressor to the next, so each step's
 * output is a complete gzip member; a file of concatenated members is one gzip file
 * (RFC 1952 §2.2: gunzip, zlib, Python and R read it whole). R2 wants every part but the
 * last to be the same size (at least 5 MiB), and a step's output is any size, so each
 * step uploads whole parts of partBytes and leaves the rest in a small R2 object (the
 * carry) that the next step puts first. A retried step reads the same carry, writes the
 * same part numbers again and its own carry again: it is idempotent.
 */
import { readPage, type Cursor } from "../db/datasets.ts";
import { recordBulkFile, type BulkFile } from "../db/bulk-files.ts";
import { findDataset } from "../lib/datasets.ts";
import { csvHeader, csvRows } from "./dataset-export.ts";

/** The sizes each step keeps to (see the module comment). */
export const BULK_LIMITS = {
  /** Rows per D1 query (keyset page). */
  pageRows: 2000,
  /** Rows per step: 100 D1 queries, about 3 s of CPU for village-income. */
  stepRows: 200_000,
  /** Bytes per multipart part: R2's minimum, and every part but the last is this size. */
  partBytes: 5 * 1024 * 1024,
} as const;

export type BulkLimits = { [K in keyof typeof BULK_LIMITS]: number };

/** Where a release's bulk file lives in R2. */
export function bulkKey(release: string, dataset: string): string {
  return `bulk/${release}/${dataset}.csv.gz`;
}

/** Where a release's data package lives in R2, beside its files. */
export function bulkPackageKey(release: string): string {
  return `bulk/${release}/datapackage.json`;
}

/** The public address of a bulk file. */
export function bulkPath(release: string, dataset: string): string {
  return `/data/${bulkKey(release, dataset)}`;
}

/** How far a file is written: what one step hands the next (small, serialisable). */
export interface BulkFileState {
  release: string;
  dataset: string;
  /** The release's freeze moment: rows are read as of it. */
  asOf: string;
  /** The reporting deadline's day as configured (reporting-punctuality's deadline field). */
  deadlineDay?: number;
  /** The Workflow instance writing it (kept on the object, to recognise its own file). */
  build: string;
  uploadId: string | null;
  parts: { partNumber: number; etag: string }[];
  /** Key of the last row written; null before the first page. */
  after: Cursor | null;
  /** Steps run so far. */
  steps: number;
  rows: number;
  /** UTF-8 bytes of the CSV written (BOM and header included). */
  csvBytes: number;
  /** Bytes uploaded in parts. */
  partBytes: number;
  /** R2 key of the gzip bytes not yet in a part. */
  carry: string | null;
  /** Every row is written and the last part uploaded. */
  done: boolean;
  /** D1 queries made by the last step. */
  lastQueries: number;
}

export type BulkEnv = Pick<Env, "DB" | "BULK">;

/** The state before the first step. */
export function newBulkFile(
  release: string,
  dataset: string,
  asOf: string,
  build: string,
  deadlineDay?: number,
): BulkFileState {
  return {
    release,
    dataset,
    asOf,
    ...(deadlineDay === undefined ? {} : { deadlineDay }),
    build,
    uploadId: null,
    parts: [],
    after: null,
    steps: 0,
    rows: 0,
    csvBytes: 0,
    partBytes: 0,
    carry: null,
    done: false,
    lastQueries: 0,
  };
}

/** The next rows of the file, gzipped as one member: at most limits.stepRows rows. */
async function gzipChunk(
  db: D1Database,
  state: BulkFileState,
  limits: BulkLimits,
): Promise<{ gz: Uint8Array; next: BulkFileState }> {
  const def = findDataset(state.dataset);
  if (!def) throw new Error(`no dataset ${state.dataset}`);
  const gzip = new CompressionStream("gzip");
  // Read while writing, so that the compressor never waits on a full queue.
  const output = new Response(gzip.readable).arrayBuffer();
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  const next = { ...state, steps: state.steps + 1, lastQueries: 0 };
  const write = async (text: string) => {
    const bytes = encoder.encode(text);
    next.csvBytes += bytes.byteLength;
    await writer.write(bytes);
  };
  if (state.steps === 0) await write(csvHeader(def, true));
  let rows = 0;
  do {
    const filters = { asOf: state.asOf, deadlineDay: state.deadlineDay };
    const page = await readPage(db, def, filters, next.after, limits.pageRows);
    next.lastQueries++;
    await write(csvRows(def, page.rows));
    rows += page.rows.length;
    next.rows += page.rows.length;
    next.after = page.next;
    next.done = page.next === null;
  } while (!next.done && rows + limits.pageRows <= limits.stepRows);
  await writer.close();
  return { gz: new Uint8Array(await output), next };
}

/**
 * One step: writes the next chunk of the file (see the module comment) and returns the
 * state for the next step. Makes at most stepRows / pageRows D1 queries and a few R2
 * calls (the carry, the parts). Throws on any D1 or R2 error: the step is then retried.
 */
export async function writeBulkChunk(
  env: BulkEnv,
  state: BulkFileState,
  limits: BulkLimits = BULK_LIMITS,
): Promise<BulkFileState> {
  const key = bulkKey(state.release, state.dataset);
  const upload = state.uploadId
    ? env.BULK.resumeMultipartUpload(key, state.uploadId)
    : await env.BULK.createMultipartUpload(key, {
        httpMetadata: { contentType: "application/gzip" },
        customMetadata: { build: state.build, asOf: state.asOf },
      });
  const carried = state.carry ? await env.BULK.get(state.carry) : null;
  if (state.carry && !carried) throw new Error(`carry ${state.carry} is missing`);
  const before = carried ? new Uint8Array(await carried.arrayBuffer()) : new Uint8Array(0);
  const { gz, next } = await gzipChunk(env.DB, state, limits);
  const bytes = new Uint8Array(before.byteLength + gz.byteLength);
  bytes.set(before);
  bytes.set(gz, before.byteLength);
  const parts = [...state.parts];
  let offset = 0;
  const uploadPart = async (end: number) => {
    const part = await upload.uploadPart(parts.length + 1, bytes.slice(offset, end));
    parts.push({ partNumber: part.partNumber, etag: part.etag });
    next.partBytes += end - offset;
    offset = end;
  };
  while (bytes.byteLength - offset >= limits.partBytes) await uploadPart(offset + limits.partBytes);
  if (next.done) {
    // The last part: smaller than the others (R2 allows that for the last one only).
    if (offset < bytes.byteLength || parts.length === 0) await uploadPart(bytes.byteLength);
    next.carry = null;
  } else {
    next.carry = `_work/${upload.uploadId}/carry-${next.steps}`;
    await env.BULK.put(next.carry, bytes.slice(offset));
  }
  return { ...next, uploadId: upload.uploadId, parts };
}

/**
 * The last step of a file: completes the upload, records the file in bulk_files (one D1
 * query) and deletes the carries. Safe to repeat: a file already completed by this build
 * (a retry after the completion went through) is recognised and recorded.
 */
export async function finishBulkFile(env: BulkEnv, state: BulkFileState): Promise<BulkFile> {
  if (!state.done || !state.uploadId) throw new Error(`${state.dataset} is not fully written`);
  const key = bulkKey(state.release, state.dataset);
  let object: R2Object | null;
  try {
    object = await env.BULK.resumeMultipartUpload(key, state.uploadId).complete(state.parts);
  } catch (error) {
    object = await env.BULK.head(key);
    const ours = object?.customMetadata?.build === state.build;
    if (!object || !ours || object.size !== state.partBytes) throw error;
  }
  const file: BulkFile = {
    release: state.release,
    dataset: state.dataset,
    bytes: object.size,
    csv_bytes: state.csvBytes,
    rows: state.rows,
    etag: object.httpEtag,
    built_at: new Date().toISOString(),
  };
  await recordBulkFile(env.DB, file);
  const carries = await env.BULK.list({ prefix: `_work/${state.uploadId}/` });
  if (carries.objects.length > 0) await env.BULK.delete(carries.objects.map((o) => o.key));
  return file;
}
