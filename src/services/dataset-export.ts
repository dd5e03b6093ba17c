/**
 * A whole dataset as a CSV byte stream, built page by page as the client reads: each pull
 * reads one keyset page from D1 and encodes it, so memory holds one page (plus one read
 * ahead) whatever the size of the export. Workers give an isolate 128 MB; a national
 * village-income export is several times that as text, so it must never be built whole.
 *
 * Its size is measured first by a pass over the same pages through the same encoding
 * (`measureCsv`), and cached per export and data version (`exportSize`), so that the
 * response can declare Content-Length and a download cut short is seen as incomplete.
 */
import type { Cursor, DatasetFilters } from "../db/datasets.ts";
import { readPage } from "../db/datasets.ts";
import {
  readExportSize,
  writeExportSize,
  type ExportSize,
  type ExportSizeKey,
} from "../db/export-sizes.ts";
import { BOM, csvLine } from "../lib/csv.ts";
import type { DatasetDef } from "../lib/datasets.ts";

export type { ExportSize, ExportSizeKey };

/** Rows per D1 query when streaming: big enough for throughput, small in memory. */
export const EXPORT_PAGE_ROWS = 2000;

export interface ExportOptions {
  bom?: boolean;
  pageRows?: number;
  /** Called after each page is read (the streaming test counts them). */
  onPage?: (rows: number) => void;
}

export interface StreamOptions extends ExportOptions {
  /**
   * The size declared for this stream (the response's Content-Length). If the text comes
   * out at any other size, the stream errors before sending a byte more than declared or
   * its last part: see ExportChangedError.
   */
  expected?: ExportSize;
}

/**
 * The export came out at another size than measured: the data changed between the
 * measuring pass and this one (an upload in between, for live data), or a cached size was
 * wrong. The download then fails detectably (short of its Content-Length), never silently.
 */
export class ExportChangedError extends Error {}

/** Text fields are neutralised against formula injection; numbers are written plain. */
export function textColumns(def: DatasetDef): boolean[] {
  return def.fields.map((f) => f.type !== "integer" && f.type !== "number");
}

/** The header line of a dataset's CSV (field names), after the BOM when asked. */
export function csvHeader(def: DatasetDef, bom: boolean): string {
  const names = def.fields.map((f) => f.name);
  const head = csvLine(
    names,
    names.map(() => true),
  );
  return `${bom ? BOM : ""}${head}`;
}

/** The CSV lines of rows read by readPage, in the dataset's field order. */
export function csvRows(def: DatasetDef, rows: readonly Record<string, unknown>[]): string {
  const text = textColumns(def);
  const names = def.fields.map((f) => f.name);
  let chunk = "";
  for (const row of rows) {
    chunk += csvLine(
      names.map((n) => row[n] as string | number | null),
      text,
    );
  }
  return chunk;
}

/** One part of an export's text: the header line, or the lines of one page of rows. */
interface CsvPart {
  text: string;
  rows: number;
  /** No part follows. */
  last: boolean;
}

/**
 * An export's text, part by part: the header line first (after the BOM when asked), then
 * one part per page read. `csvStream` and `measureCsv` both read their text from here, so
 * what is measured is exactly what is sent.
 */
function csvParts(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  options: ExportOptions,
): () => Promise<CsvPart> {
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  let after: Cursor | null = null;
  let started = false;
  return async () => {
    if (!started) {
      started = true;
      return { text: csvHeader(def, options.bom ?? false), rows: 0, last: false };
    }
    const page = await readPage(db, def, filters, after, pageRows);
    options.onPage?.(page.rows.length);
    after = page.next;
    return { text: csvRows(def, page.rows), rows: page.rows.length, last: !after };
  };
}

/**
 * The size of an export: walks the same pages and encodes the same text as `csvStream`,
 * counting UTF-8 bytes and rows, holding one page at a time. A D1 error rejects.
 */
export async function measureCsv(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  options: ExportOptions = {},
): Promise<ExportSize> {
  const encoder = new TextEncoder();
  const next = csvParts(db, def, filters, options);
  const size: ExportSize = { bytes: 0, rows: 0 };
  // Encoded into one reused buffer (a UTF-16 unit is at most 3 UTF-8 bytes), not a new
  // array per page: the same bytes as csvStream's encode(), without the garbage.
  let scratch = new Uint8Array(0);
  for (let part = await next(); ; part = await next()) {
    if (scratch.length < part.text.length * 3) scratch = new Uint8Array(part.text.length * 3);
    const { read, written } = encoder.encodeInto(part.text, scratch);
    if (read !== part.text.length) throw new Error("CSV part not encoded whole");
    size.bytes += written;
    size.rows += part.rows;
    if (part.last) return size;
  }
}

/** The export_sizes key of a dataset cut as asked for, in one data version. */
export function exportSizeKey(
  name: string,
  cut: { region?: string; from?: string; to?: string; bom: boolean },
  version: string,
): ExportSizeKey {
  return {
    export: `${name}?region=${cut.region ?? ""}&from=${cut.from ?? ""}&to=${cut.to ?? ""}&bom=${cut.bom ? 1 : 0}`,
    version,
  };
}

/**
 * The size of an export of one data version: from export_sizes when it was measured
 * before, else measured now and recorded, so the measuring pass is paid once per export.
 */
export async function exportSize(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  key: ExportSizeKey,
  options: ExportOptions = {},
): Promise<ExportSize> {
  const cached = await readExportSize(db, key);
  if (cached) return cached;
  const size = await measureCsv(db, def, filters, options);
  await writeExportSize(db, key, size, new Date().toISOString());
  return size;
}

export function csvStream(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  options: StreamOptions = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const next = csvParts(db, def, filters, options);
  const { expected } = options;
  const sent: ExportSize = { bytes: 0, rows: 0 };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let part: CsvPart;
        try {
          part = await next();
        } catch (error) {
          // The headers (200) are already sent, so the only honest signal left is to end the
          // stream in an error, never close it: a clean close would pass a cut file as whole.
          // Nothing of the failed page was enqueued, so what the client has is whole lines.
          // The D1 message stays in the log; the stream gets a plain one. (Local workerd ends
          // an errored chunked body cleanly, cloudflare/workerd#6818: the route therefore
          // declares Content-Length, which a cut body cannot satisfy.)
          console.error("CSV export failed part-way", { dataset: def.name, filters }, error);
          controller.error(new Error(`CSV export of ${def.name} failed part-way`));
          return;
        }
        const bytes = encoder.encode(part.text);
        sent.bytes += bytes.byteLength;
        sent.rows += part.rows;
        // Checked before the part is sent: more bytes than declared must never go out, and
        // the last part only when the totals match, so that a changed export ends short.
        if (
          expected &&
          (sent.bytes > expected.bytes ||
            (part.last && (sent.bytes !== expected.bytes || sent.rows !== expected.rows)))
        ) {
          console.error(
            "CSV export changed between measuring and sending",
            { dataset: def.name, filters, expected, sent },
            part.last ? "at its end" : "part-way",
          );
          controller.error(
            new ExportChangedError(`CSV export of ${def.name} changed while it was sent`),
          );
          return;
        }
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        if (part.last) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
