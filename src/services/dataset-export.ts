/**
 * A whole dataset as a CSV byte stream, built page by page as the client reads: each pull
 * reads one keyset page from D1 and encodes it, so memory holds one page (plus one read
 * ahead) whatever the size of the export. Workers give an isolate 128 MB; a national
 * village-income export is several times that as text, so it must never be built whole.
 */
import type { Cursor, DatasetFilters } from "../db/datasets.ts";
import { readPage } from "../db/datasets.ts";
import { BOM, csvLine } from "../lib/csv.ts";
import type { DatasetDef } from "../lib/datasets.ts";

/** Rows per D1 query when streaming: big enough for throughput, small in memory. */
export const EXPORT_PAGE_ROWS = 2000;

export interface ExportOptions {
  bom?: boolean;
  pageRows?: number;
  /** Called after each page is read (the streaming test counts them). */
  onPage?: (rows: number) => void;
}

/** Text fields are neutralised against formula injection; numbers are written plain. */
export function textColumns(def: DatasetDef): boolean[] {
  return def.fields.map((f) => f.type !== "integer" && f.type !== "number");
}

export function csvStream(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  options: ExportOptions = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const text = textColumns(def);
  const names = def.fields.map((f) => f.name);
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  let after: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          const head = csvLine(
            names,
            names.map(() => true),
          );
          controller.enqueue(encoder.encode(`${options.bom ? BOM : ""}${head}`));
          return;
        }
        let chunk = "";
        try {
          const page = await readPage(db, def, filters, after, pageRows);
          options.onPage?.(page.rows.length);
          for (const row of page.rows) {
            chunk += csvLine(
              names.map((n) => row[n] as string | number | null),
              text,
            );
          }
          after = page.next;
        } catch (error) {
          // The headers (200) are already sent, so the only honest signal left is to end the
          // stream in an error, never close it: a clean close would pass a cut file as whole.
          // Nothing of the failed page was enqueued, so what the client has is whole lines.
          // The D1 message stays in the log; the stream gets a plain one. (Local workerd still
          // ends an errored body with a clean chunked terminator: cloudflare/workerd#6818.)
          console.error("CSV export failed part-way", { dataset: def.name, filters }, error);
          controller.error(new Error(`CSV export of ${def.name} failed part-way`));
          return;
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (!after) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
